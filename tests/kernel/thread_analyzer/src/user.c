/*
 * A user thread has two stacks: the user stack its code runs on and the
 * privileged stack its system calls run on. The analyzer reports both, each
 * measured apart: a deep frame in user mode shows on the user stack only,
 * and a system call that waits shows on the privileged stack (on Cortex-M a
 * call that never waits runs on the interrupt stack instead).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "analyzer.h"

#define STACK_SIZE 1024
#define DEEP       600

K_THREAD_STACK_DEFINE(ustack, STACK_SIZE);
static struct k_thread uthread;
K_SEM_DEFINE(user_ran, 0, 1);
K_SEM_DEFINE(user_hold, 0, 1);

static __noinline void user_deep(void)
{
	volatile uint8_t frame[DEEP];

	for (size_t i = 0; i < sizeof(frame); i++) {
		frame[i] = (uint8_t)i;
	}
}

static void user_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	user_deep();
	(void)k_sem_take(&user_hold, K_MSEC(1)); /* waits, then times out */
	k_sem_give(&user_ran);
	(void)k_sem_take(&user_hold, K_FOREVER);
}

ZTEST(thread_analyzer, test_user_thread_two_stacks) {
	struct thread_analyzer_info info;

	k_thread_create(&uthread, ustack, K_THREAD_STACK_SIZEOF(ustack), user_entry, NULL, NULL,
			NULL, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	k_thread_name_set(&uthread, "deep_user");
	k_thread_access_grant(&uthread, &user_ran, &user_hold);
	k_thread_start(&uthread);
	zassert_equal(k_sem_take(&user_ran, K_SECONDS(1)), 0);

	zassert_true(analyze("deep_user", &info), "reported once");
	zassert_equal(info.stack_size, K_THREAD_STACK_SIZEOF(ustack));
	zassert_true(info.stack_used >= DEEP && info.stack_used < info.stack_size,
		     "user stack: used %u of %u", (unsigned int)info.stack_used,
		     (unsigned int)info.stack_size);
	zassert_true(info.priv_stack_size >= CONFIG_PRIVILEGED_STACK_SIZE - 64 &&
			 info.priv_stack_size <= CONFIG_PRIVILEGED_STACK_SIZE + 64,
		     "privileged stack of %u bytes", (unsigned int)info.priv_stack_size);
	zassert_true(info.priv_stack_used > 0 && info.priv_stack_used < info.priv_stack_size,
		     "privileged stack: used %u of %u", (unsigned int)info.priv_stack_used,
		     (unsigned int)info.priv_stack_size);
	/* The deep frame was in user mode: the privileged stack did not see it. */
	zassert_true(info.priv_stack_used < DEEP, "privileged stack used %u",
		     (unsigned int)info.priv_stack_used);

	size_t size, unused;

	zassert_equal(k_thread_priv_stack_space_get(&uthread, &size, &unused), 0);
	zassert_equal(size, info.priv_stack_size);
	zassert_equal(size - unused, info.priv_stack_used);

	thread_analyzer_print(0); /* its two lines: checked by the testspec */
	k_sem_give(&user_hold);
	zassert_equal(k_thread_join(&uthread, K_SECONDS(1)), 0);
}
