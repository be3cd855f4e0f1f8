/*
 * k_thread_state_str(): the state bits of a thread as text, for logs and
 * shells. Reads the bits once, without the lock: what a debug print needs.
 */
#include <string.h>
#include <breeze/kernel.h>

static const struct {
	uint16_t bit;
	const char *name;
} state_names[] = {
	{ _THREAD_DUMMY, "dummy" },       { _THREAD_PENDING, "pending" },
	{ _THREAD_PRESTART, "prestart" }, { _THREAD_SLEEPING, "sleeping" },
	{ _THREAD_DEAD, "dead" },         { _THREAD_SUSPENDED, "suspended" },
	{ _THREAD_ABORTING, "aborting" }, { _THREAD_QUEUED, "queued" },
};

/* Append @s to @buf (holding @off of @size bytes, NUL included), as much as fits. */
static size_t append(char *buf, size_t size, size_t off, const char *s)
{
	size_t n = MIN(strlen(s), size - 1U - off);

	memcpy(buf + off, s, n);
	return off + n;
}

const char *k_thread_state_str(k_tid_t thread, char *buf, size_t size)
{
	if (buf == NULL || size == 0U) {
		return "";
	}
	uint16_t state = thread->base.thread_state;
	size_t off = 0;

	for (size_t i = 0; i < ARRAY_SIZE(state_names); i++) {
		if ((state & state_names[i].bit) == 0U) {
			continue;
		}
		if (off != 0U) {
			off = append(buf, size, off, "+");
		}
		off = append(buf, size, off, state_names[i].name);
	}
	buf[off] = '\0';
	return buf;
}
