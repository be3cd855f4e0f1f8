/*
 * The encoders of the tracing hooks (include/breeze/tracing.h): each writes
 * one event in the layout of its declaration in metadata.tsdl.in.
 */
#include <stddef.h>
#include <string.h>
#include <breeze/kernel.h>
#include <breeze/tracing.h>
#include "trace_buffer.h"

/* A thread as the metadata's struct thread: pointer, priority and mode, name. */
#define THREAD_WORDS 6U
#define NAME_BYTES   16U

BUILD_ASSERT(TRACE_HEADER_WORDS + THREAD_WORDS + 2U <= TRACE_MAX_EVENT_WORDS,
	     "fatal_error, the longest event, must fit the room a buffer keeps");

/*
 * Thread names start on a word boundary: a 16-byte name is four word copies,
 * not a call to memcpy().
 */
BUILD_ASSERT(offsetof(struct k_thread, name) % 4U == 0U, "thread names must be word aligned");

static ALWAYS_INLINE void put_thread(uint32_t *w, const struct k_thread *t)
{
	w[0] = (uint32_t)(uintptr_t)t;
	w[1] = (uint16_t)t->base.prio | ((t->base.user_options & K_USER) != 0U ? 1UL << 16 : 0U);
	/* The name is NUL-padded by k_thread_name_set(); bytes past the first NUL are not read. */
	if (sizeof(t->name) >= NAME_BYTES) {
		__builtin_memcpy(&w[2], __builtin_assume_aligned(t->name, 4), NAME_BYTES);
	} else {
		memcpy(&w[2], t->name, sizeof(t->name));
		memset((char *)&w[2] + sizeof(t->name), 0, NAME_BYTES - sizeof(t->name));
	}
}

void sys_trace_event0(uint32_t id)
{
	unsigned int key;

	(void)trace_begin(id, 0, &key);
	trace_end(key);
}

void sys_trace_event1(uint32_t id, uint32_t a)
{
	unsigned int key;
	uint32_t *w = trace_begin(id, 1, &key);

	w[0] = a;
	trace_end(key);
}

void sys_trace_event2(uint32_t id, uint32_t a, uint32_t b)
{
	unsigned int key;
	uint32_t *w = trace_begin(id, 2, &key);

	w[0] = a;
	w[1] = b;
	trace_end(key);
}

void sys_trace_thread(uint32_t id, const struct k_thread *t)
{
	unsigned int key;
	uint32_t *w = trace_begin(id, THREAD_WORDS, &key);

	put_thread(w, t);
	trace_end(key);
}

void sys_trace_thread_obj(uint32_t id, const struct k_thread *t, const void *obj)
{
	unsigned int key;
	uint32_t *w = trace_begin(id, THREAD_WORDS + 1U, &key);

	put_thread(w, t);
	w[THREAD_WORDS] = (uint32_t)(uintptr_t)obj;
	trace_end(key);
}

/* Called in switch_to(), under the scheduler's lock: nothing comes between the two. */
void sys_trace_thread_switch(const struct k_thread *old, const struct k_thread *new)
{
	sys_trace_thread(TRACE_THREAD_SWITCHED_OUT, old);
	sys_trace_thread(TRACE_THREAD_SWITCHED_IN, new);
}

void sys_trace_fatal(uint32_t reason, const struct k_thread *t, int user)
{
	unsigned int key;
	uint32_t *w = trace_begin(TRACE_FATAL, THREAD_WORDS + 2U, &key);

	put_thread(w, t);
	w[THREAD_WORDS] = reason;
	w[THREAD_WORDS + 1U] = (uint32_t)user;
	trace_end(key);
}
