/*
 * Scheduling calls: k_thread_suspend/resume (also of the caller itself and of
 * a sleeping thread), k_yield among equal priorities, k_sched_lock/unlock
 * (nesting, blocking while locked) and k_is_preempt_thread.
 *
 * Each worker appends a letter to a shared log when it runs, so the expected
 * interleaving can be compared as a string.
 */
#include <string.h>
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

static char trace[16];
static volatile int trace_len;

static void note(char c)
{
	if (trace_len < (int)sizeof(trace) - 1) {
		trace[trace_len++] = c;
	}
}

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	trace_len = 0;
	memset(trace, 0, sizeof(trace));
}

/* Note the letter in p1 once. */
static void note_once(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	note((char)(uintptr_t)p1);
}

/* Note the letter, suspend itself, note it in upper case once resumed. */
static void note_suspend_note(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	char c = (char)(uintptr_t)p1;

	note(c);
	k_thread_suspend(k_current_get());
	note(c - 'a' + 'A');
}

/* Note the letter, yield, note it in upper case. */
static void note_yield_note(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	char c = (char)(uintptr_t)p1;

	note(c);
	k_yield();
	note(c - 'a' + 'A');
}

#define LETTER(c) ((void *)(uintptr_t)(c))

ZTEST(threads_sched, test_suspended_thread_does_not_run) {
	k_tid_t tid = spawn(0, note_once, LETTER('a'), NULL, NULL, 5, K_NO_WAIT);

	k_thread_suspend(tid);
	/* The test thread sleeps: only a suspended thread could use the CPU. */
	k_msleep(10);
	zassert_equal(trace_len, 0, "a suspended thread ran");

	k_thread_resume(tid);
	zassert_equal(trace_len, 0, "priority 5 must still wait for the caller to block");
	k_msleep(1);
	zassert_str_equal(trace, "a");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(threads_sched, test_suspend_self_and_resume) {
	k_tid_t tid =
	    spawn(0, note_suspend_note, LETTER('a'), NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	/* It ran up to its own suspension inside k_thread_create(). */
	zassert_str_equal(trace, "a");
	k_msleep(5);
	zassert_str_equal(trace, "a", "a self-suspended thread went on");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), -EBUSY);

	k_thread_resume(tid);
	zassert_str_equal(trace, "aA", "resume of a more urgent thread must switch to it");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(threads_sched, test_suspend_resume_are_idempotent) {
	k_tid_t tid =
	    spawn(0, note_suspend_note, LETTER('a'), NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	k_thread_suspend(tid);
	k_thread_resume(tid);
	zassert_str_equal(trace, "aA", "one resume undoes any number of suspends");
	k_thread_resume(tid);
	zassert_str_equal(trace, "aA");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);

	/* Resuming a thread that was never suspended does not start it early. */
	tid = spawn(1, note_once, LETTER('b'), NULL, NULL, K_PRIO_COOP(1), K_FOREVER);
	k_thread_resume(tid);
	zassert_str_equal(trace, "aA");
	k_thread_start(tid);
	zassert_str_equal(trace, "aAb");
}

ZTEST(threads_sched, test_start_of_suspended_unstarted_thread) {
	k_tid_t tid = spawn(0, note_once, LETTER('a'), NULL, NULL, K_PRIO_COOP(1), K_FOREVER);

	/* Suspend and resume do not start it... */
	k_thread_suspend(tid);
	k_thread_resume(tid);
	k_msleep(1);
	zassert_equal(trace_len, 0, "resume started an unstarted thread");

	/* ...and a start while suspended waits for the resume. */
	k_thread_suspend(tid);
	k_thread_start(tid);
	k_msleep(1);
	zassert_equal(trace_len, 0, "a suspended thread ran when started");
	k_thread_resume(tid);
	zassert_str_equal(trace, "a");
}

static int64_t sleeper_end_tick;

static void sleep_5ms(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(5);
	sleeper_end_tick = k_uptime_ticks();
	note('s');
}

ZTEST(threads_sched, test_suspended_sleeper_waits_for_resume) {
	int64_t t0 = k_uptime_ticks();
	k_tid_t tid = spawn(0, sleep_5ms, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	k_thread_suspend(tid);
	k_msleep(10);
	zassert_equal(trace_len, 0, "a suspended sleeper ran when its sleep ended");

	k_thread_resume(tid);
	/* Its sleep ended while suspended: the resume alone makes it run. */
	zassert_str_equal(trace, "s");
	zassert_true(sleeper_end_tick - t0 >= 100, "ended after %lld ticks", sleeper_end_tick - t0);
}

ZTEST(threads_sched, test_suspended_sleeper_sleep_keeps_running) {
	int64_t t0 = k_uptime_ticks();
	k_tid_t tid = spawn(0, sleep_5ms, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	/* Suspend and resume at 1 ms: the sleep still ends at 5 ms. */
	k_msleep(1);
	k_thread_suspend(tid);
	k_thread_resume(tid);
	zassert_equal(trace_len, 0, "resume cut the sleep short");
	zassert_equal(k_thread_join(tid, K_MSEC(10)), 0);
	zassert_between_inclusive(sleeper_end_tick - t0, 50, 51);
}

ZTEST(threads_sched, test_yield_round_robin) {
	spawn(0, note_yield_note, LETTER('a'), NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY, K_NO_WAIT);
	spawn(1, note_yield_note, LETTER('b'), NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY, K_NO_WAIT);
	/* Equal priority: creation does not preempt the creator. */
	zassert_equal(trace_len, 0);

	k_yield();
	note('t');
	k_yield();
	note('T');
	zassert_str_equal(trace, "abtABT", "got '%s'", trace);
}

ZTEST(threads_sched, test_yield_skips_less_urgent) {
	spawn(0, note_once, LETTER('a'), NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY + 1, K_NO_WAIT);
	k_yield();
	zassert_equal(trace_len, 0, "k_yield() let a less urgent thread run");
	zassert_equal(k_thread_join(&workers[0], K_MSEC(1)), 0);
	zassert_str_equal(trace, "a");
}

ZTEST(threads_sched, test_current_get) {
	k_tid_t self = k_current_get();

	zassert_not_null(self);
	zassert_equal_ptr(self, k_current_get(), "k_current_get() is not stable");
	zassert_equal(k_thread_priority_get(self), CONFIG_ZTEST_THREAD_PRIORITY);
}

ZTEST(threads_sched, test_sched_lock_defers_preemption) {
	k_sched_lock();
	spawn(0, note_once, LETTER('a'), NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	/* Becomes ready from the timer interrupt 0.3 ms from now. */
	spawn(1, note_once, LETTER('b'), NULL, NULL, K_PRIO_COOP(2), K_USEC(300));
	k_busy_wait(1000);
	zassert_equal(trace_len, 0, "a thread ran while the scheduler was locked");
	zassert_false(k_is_preempt_thread(), "a locked thread is not preemptible");

	k_sched_unlock();
	/* Both run inside k_sched_unlock(), most urgent first. */
	zassert_str_equal(trace, "ab", "got '%s'", trace);
	zassert_true(k_is_preempt_thread());
}

ZTEST(threads_sched, test_sched_lock_nests) {
	k_sched_lock();
	k_sched_lock();
	spawn(0, note_once, LETTER('a'), NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	k_sched_unlock();
	zassert_equal(trace_len, 0, "the inner unlock released the scheduler");
	k_sched_unlock();
	zassert_str_equal(trace, "a");
}

ZTEST(threads_sched, test_sched_lock_blocking_lets_others_run) {
	k_sched_lock();
	spawn(0, note_once, LETTER('a'), NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	zassert_equal(trace_len, 0);
	/* Blocking while locked gives the CPU away... */
	k_msleep(1);
	zassert_str_equal(trace, "a");
	/* ...and the lock still holds once the caller runs again. */
	spawn(1, note_once, LETTER('b'), NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	k_busy_wait(500);
	zassert_str_equal(trace, "a");
	k_sched_unlock();
	zassert_str_equal(trace, "ab");
}

static volatile int coop_preempt = -1;

static void note_preempt(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	coop_preempt = k_is_preempt_thread();
}

ZTEST(threads_sched, test_is_preempt_thread) {
	zassert_true(k_is_preempt_thread(), "priority %d is preemptible",
		     CONFIG_ZTEST_THREAD_PRIORITY);
	spawn(0, note_preempt, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	zassert_equal(coop_preempt, 0, "a cooperative thread claims to be preemptible");
}

ZTEST_SUITE(threads_sched, NULL, NULL, reset, reap_workers_after, NULL);
