/*
 * k_thread_stack_space_get() with CONFIG_INIT_STACKS: a thread that used a
 * deep frame has that much less unused stack than one that did nothing; the
 * running thread can ask about itself; a thread object never created is
 * refused with -EINVAL. The bounds leave room for the frames around the
 * deep one and for the end of a thread, which runs deeper than an empty entry.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/debug/stack.h>

ZTEST_SUITE(stack_space, NULL, NULL, NULL, NULL, NULL);

#define STACK_SIZE 2048

static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;

static __noinline void deep(void)
{
	volatile uint8_t frame[1024];

	for (size_t i = 0; i < sizeof(frame); i++) {
		frame[i] = (uint8_t)i;
	}
}

static void deep_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	deep();
}

static void shallow_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static size_t unused_after(k_thread_entry_t entry)
{
	size_t unused = 0;

	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), entry, NULL, NULL, NULL,
			CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&thread, K_FOREVER), 0);
	zassert_equal(k_thread_stack_space_get(&thread, &unused), 0);
	zassert_true(unused > 0 && unused <= STACK_SIZE, "%u unused", (unsigned int)unused);
	return unused;
}

ZTEST(stack_space, test_deep_frame_uses_more) {
	size_t shallow = unused_after(shallow_user);
	size_t deep_unused = unused_after(deep_user);

	zassert_true(shallow >= STACK_SIZE - 512, "an empty thread used %u bytes",
		     (unsigned int)(STACK_SIZE - shallow));
	zassert_true(deep_unused + 768 <= shallow, "deep %u, shallow %u", (unsigned int)deep_unused,
		     (unsigned int)shallow);
	zassert_true(deep_unused + 1024 + 256 > shallow, "deep %u, shallow %u",
		     (unsigned int)deep_unused, (unsigned int)shallow);
}

ZTEST(stack_space, test_current_thread_and_never_created) {
	static struct k_thread never;
	size_t unused = 12345;

	zassert_equal(k_thread_stack_space_get(k_current_get(), &unused), 0);
	zassert_true(unused > 0 && unused < CONFIG_ZTEST_STACK_SIZE, "%u", (unsigned int)unused);
	unused = 12345;
	zassert_equal(k_thread_stack_space_get(&never, &unused), -EINVAL);
	zassert_equal(unused, 12345, "nothing written");
}

/* log_stack_usage() prints a line for a thread with a painted stack, nothing otherwise. */
ZTEST(stack_space, test_log_stack_usage) {
	static struct k_thread never;

	log_stack_usage(k_current_get());
	log_stack_usage(&never);
}
