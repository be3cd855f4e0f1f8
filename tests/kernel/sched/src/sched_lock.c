/*
 * k_sched_lock(): the locked thread is not preempted, neither by threads it
 * readies nor at interrupt exit nor by the time slice, until the matching
 * k_sched_unlock(); locks nest. k_is_preempt_thread() reports whether the
 * caller can be preempted.
 */
#include "test_util.h"

#define TEST_PRIO   CONFIG_ZTEST_THREAD_PRIORITY
#define URGENT_PRIO (TEST_PRIO - 1)

static struct k_sem wake_sem;
static volatile int preempt_in_isr;

static void log_letter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event(ARG_LETTER(p1));
}

static void take_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	k_sem_take(p2, K_FOREVER);
	event(ARG_LETTER(p1));
}

static void give_wake_sem(void)
{
	event('i');
	k_sem_give(&wake_sem);
}

static void note_preempt_in_isr(void)
{
	preempt_in_isr = k_is_preempt_thread();
}

ZTEST(sched_lock, test_lock_defers_created_thread) {
	k_sched_lock();
	spawn(log_letter, LETTER_ARG('H'), NULL, URGENT_PRIO);
	event('a');
	k_sched_unlock();
	event('b');
	zassert_events("aHb");
}

ZTEST(sched_lock, test_lock_defers_woken_thread) {
	spawn(take_then_log, LETTER_ARG('H'), &wake_sem, URGENT_PRIO);
	k_sched_lock();
	k_sem_give(&wake_sem);
	event('a');
	k_sched_unlock();
	event('b');
	zassert_events("aHb");
}

ZTEST(sched_lock, test_lock_defers_isr_wakeup) {
	spawn(take_then_log, LETTER_ARG('H'), &wake_sem, URGENT_PRIO);
	k_sched_lock();
	run_in_isr(give_wake_sem);
	event('a');
	k_busy_wait(1000);
	event('b');
	k_sched_unlock();
	event('c');
	zassert_events("iabHc");
}

ZTEST(sched_lock, test_lock_nests) {
	k_sched_lock();
	k_sched_lock();
	spawn(log_letter, LETTER_ARG('H'), NULL, URGENT_PRIO);
	k_sched_unlock();
	event('a');
	k_sched_unlock();
	event('b');
	zassert_events("aHb");
}

#ifdef CONFIG_TIMESLICING
ZTEST(sched_lock, test_lock_defers_time_slice) {
	k_sched_lock();
	spawn(log_letter, LETTER_ARG('B'), NULL, TEST_PRIO);
	/* Longer than a slice: unlocked, B would have run in the middle. */
	k_busy_wait(3000 * CONFIG_TIMESLICE_SIZE / 2);
	event('a');
	k_sched_unlock();
	event('b');
	k_yield();
	event('c');
	zassert_events("abBc");
}
#endif

ZTEST(sched_lock, test_is_preempt_thread) {
	zassert_true(k_is_preempt_thread());
	k_sched_lock();
	zassert_false(k_is_preempt_thread());
	k_sched_unlock();
	zassert_true(k_is_preempt_thread());

	preempt_in_isr = -1;
	run_in_isr(note_preempt_in_isr);
	zassert_equal(preempt_in_isr, 0);

	k_thread_priority_set(k_current_get(), -1);
	zassert_false(k_is_preempt_thread());
	k_thread_priority_set(k_current_get(), 0);
	zassert_true(k_is_preempt_thread());
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&wake_sem, 0, 1), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sched_lock, NULL, NULL, before, after, NULL);
