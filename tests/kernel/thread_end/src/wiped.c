/*
 * A thread aborted by the ISR that interrupted it, which then clears the
 * thread's struct k_thread (Zephyr lets it: the thread is gone). The switch
 * away at the end of the ISR must not write into that storage (registers,
 * run-time statistics), the storage can carry a new thread, and, with user
 * mode, the grants made on the object before it was cleared still hold: a
 * user thread can create a thread on it.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/irq_offload.h>
#include "fatal_hook.h"

static K_THREAD_STACK_DEFINE(victim_stack, 1024);
static struct k_thread victim;
static volatile bool isr_done;
static volatile bool went_on;

static void abort_and_clear(const void *arg)
{
	struct k_thread *t = (struct k_thread *)arg;

	k_thread_abort(t);
	memset(t, 0, sizeof(*t));
	isr_done = true;
}

static void offload_abort_self(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	irq_offload(abort_and_clear, k_current_get());
	went_on = true;
}

static void note_run(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	*(volatile int *)p1 = 1;
}

static bool all_zero(const struct k_thread *t)
{
	const uint8_t *p = (const uint8_t *)t;

	for (size_t i = 0; i < sizeof(*t); i++) {
		if (p[i] != 0U) {
			printk("byte %u of the cleared thread is %#x\n", (unsigned int)i, p[i]);
			return false;
		}
	}
	return true;
}

/* Run a thread on @t that is aborted, and its struct cleared, by an ISR. */
static void wipe_by_isr(struct k_thread *t, k_thread_stack_t *stack, size_t size)
{
	isr_done = false;
	went_on = false;
	/* More urgent than the test (priority 1): all done when create returns. */
	k_thread_create(t, stack, size, offload_abort_self, NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0,
			K_NO_WAIT);
	zassert_true(isr_done);
	zassert_false(went_on, "the aborted thread went on");
	zassert_true(all_zero(t), "the switch wrote into the cleared thread");
}

ZTEST(wiped, test_isr_clears_the_thread_it_aborted) {
	k_thread_runtime_stats_t before, after;

	zassert_equal(k_thread_runtime_stats_all_get(&before), 0);
	wipe_by_isr(&victim, victim_stack, K_THREAD_STACK_SIZEOF(victim_stack));
	k_msleep(1); /* more switches: still nobody writes there */
	zassert_true(all_zero(&victim));
	zassert_equal(k_thread_runtime_stats_all_get(&after), 0);
	zassert_true(after.execution_cycles > before.execution_cycles);

	/* The storage carries a new thread. */
	static volatile int ran;

	ran = 0;
	k_thread_create(&victim, victim_stack, K_THREAD_STACK_SIZEOF(victim_stack), note_run,
			(void *)&ran, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&victim, K_FOREVER), 0);
	zassert_equal(ran, 1);
}

#ifdef CONFIG_USERSPACE
static K_THREAD_STACK_DEFINE(granted_stack, 1024);
static K_THREAD_STACK_DEFINE(user_stack, 1024);
static K_THREAD_STACK_DEFINE(child_stack, 1024);
static struct k_thread granted;
static struct k_thread child;
static ZTEST_BMEM volatile int create_ret;
static ZTEST_BMEM volatile int join_ret;
static ZTEST_BMEM volatile int grandchild_ran;

static void user_recreate(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_tid_t t = k_thread_create(&granted, user_stack, K_THREAD_STACK_SIZEOF(user_stack),
				    note_run, (void *)&grandchild_ran, NULL, NULL,
				    K_PRIO_PREEMPT(0), K_USER, K_NO_WAIT);

	create_ret = t == &granted ? 0 : -1;
	join_ret = k_thread_join(t, K_FOREVER);
}
#endif

ZTEST(wiped, test_grants_survive_the_clearing) {
#ifdef CONFIG_USERSPACE
	create_ret = -2;
	join_ret = -2;
	grandchild_ran = 0;
	/* Granted before the clearing; the child inherits both. */
	k_thread_access_grant(k_current_get(), &granted, user_stack);
	wipe_by_isr(&granted, granted_stack, K_THREAD_STACK_SIZEOF(granted_stack));

	k_thread_create(&child, child_stack, K_THREAD_STACK_SIZEOF(child_stack), user_recreate,
			NULL, NULL, NULL, K_PRIO_PREEMPT(0), K_USER | K_INHERIT_PERMS, K_NO_WAIT);
	zassert_equal(k_thread_join(&child, K_FOREVER), 0);
	zassert_equal(create_ret, 0, "the user thread could not create on the object");
	zassert_equal(join_ret, 0);
	zassert_equal(grandchild_ran, 1);
#else
	ztest_test_skip();
#endif
}

ZTEST_SUITE(wiped, NULL, NULL, NULL, NULL, NULL);
