/*
 * Priority changes at run time take effect at once: a ready thread raised
 * above the current one preempts it, the current thread lowered below a ready
 * one gives way, and a thread waiting in a wait queue moves to the place its
 * new priority gives it.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

static struct k_sem wake_sem;
static volatile int prio_seen;

static void log_letter_and_prio(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	prio_seen = k_thread_priority_get(k_current_get());
	event(ARG_LETTER(p1));
}

static void take_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	k_sem_take(p2, K_FOREVER);
	event(ARG_LETTER(p1));
}

/* Give once per waiter and let each woken thread log before the next give. */
static void wake_one_by_one(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		k_sem_give(&wake_sem);
		k_msleep(1);
	}
}

ZTEST(sched_prio, test_raise_ready_thread_preempts) {
	k_tid_t r = spawn(log_letter_and_prio, LETTER_ARG('R'), NULL, TEST_PRIO + 3);

	event('a');
	k_thread_priority_set(r, TEST_PRIO - 1);
	event('b');
	zassert_events("aRb");
	zassert_equal(prio_seen, TEST_PRIO - 1);
}

ZTEST(sched_prio, test_raise_ready_thread_to_equal_no_preempt) {
	k_tid_t r = spawn(log_letter_and_prio, LETTER_ARG('R'), NULL, TEST_PRIO + 3);

	k_thread_priority_set(r, TEST_PRIO);
	zassert_equal(k_thread_priority_get(r), TEST_PRIO);
	event('a');
	k_yield();
	event('b');
	zassert_events("aRb");
}

ZTEST(sched_prio, test_lower_current_switches) {
	spawn(log_letter_and_prio, LETTER_ARG('R'), NULL, TEST_PRIO + 2);
	event('a');
	k_thread_priority_set(k_current_get(), TEST_PRIO + 3);
	event('b');
	zassert_events("aRb");
	zassert_equal(k_thread_priority_get(k_current_get()), TEST_PRIO + 3);
}

ZTEST(sched_prio, test_lower_current_above_ready_keeps_cpu) {
	spawn(log_letter_and_prio, LETTER_ARG('R'), NULL, TEST_PRIO + 3);
	k_thread_priority_set(k_current_get(), TEST_PRIO + 2);
	event('a');
	k_msleep(1);
	event('b');
	zassert_events("aRb");
}

ZTEST(sched_prio, test_raise_blocked_thread_reorders_waitq) {
	spawn(take_then_log, LETTER_ARG('A'), &wake_sem, TEST_PRIO + 4);
	spawn(take_then_log, LETTER_ARG('B'), &wake_sem, TEST_PRIO + 5);
	k_tid_t c = spawn(take_then_log, LETTER_ARG('C'), &wake_sem, TEST_PRIO + 6);

	k_msleep(1);
	/* C, last in the queue, becomes the most urgent waiter. */
	k_thread_priority_set(c, TEST_PRIO + 2);
	zassert_events("");
	wake_one_by_one(3);
	zassert_events("CAB");
}

ZTEST(sched_prio, test_lower_blocked_thread_reorders_waitq) {
	k_tid_t a = spawn(take_then_log, LETTER_ARG('A'), &wake_sem, TEST_PRIO + 4);

	spawn(take_then_log, LETTER_ARG('B'), &wake_sem, TEST_PRIO + 5);
	spawn(take_then_log, LETTER_ARG('C'), &wake_sem, TEST_PRIO + 6);
	k_msleep(1);
	/* A, first in the queue, becomes the least urgent waiter. */
	k_thread_priority_set(a, TEST_PRIO + 7);
	wake_one_by_one(3);
	zassert_events("BCA");
}

ZTEST(sched_prio, test_blocked_thread_goes_behind_equals) {
	spawn(take_then_log, LETTER_ARG('A'), &wake_sem, TEST_PRIO + 4);
	spawn(take_then_log, LETTER_ARG('B'), &wake_sem, TEST_PRIO + 4);
	k_tid_t c = spawn(take_then_log, LETTER_ARG('C'), &wake_sem, TEST_PRIO + 6);

	k_msleep(1);
	/* C joins A and B's priority: it has waited there the shortest. */
	k_thread_priority_set(c, TEST_PRIO + 4);
	wake_one_by_one(3);
	zassert_events("ABC");
}

ZTEST(sched_prio, test_raise_blocked_thread_no_preempt_until_woken) {
	k_tid_t a = spawn(take_then_log, LETTER_ARG('A'), &wake_sem, TEST_PRIO + 4);

	k_msleep(1);
	k_thread_priority_set(a, TEST_PRIO - 1);
	event('a');
	k_sem_give(&wake_sem);
	event('b');
	zassert_events("aAb");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&wake_sem, 0, 8), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sched_prio, NULL, NULL, before, after, NULL);
