/*
 * k_wakeup(): it ends a sleep early and the sleep call returns the time that
 * was left (rounded up); on a thread that is not sleeping (blocked on a
 * semaphore, ready, waiting for a delayed start, dead, the caller itself) it
 * changes nothing.
 *
 * The sleeper runs at priority 0, more urgent than the test thread (1): it
 * starts sleeping inside k_thread_create() and runs again inside k_wakeup().
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

enum sleep_kind {
	USE_MSLEEP,
	USE_SLEEP,
	USE_USLEEP,
};

static volatile int woke;
static volatile int32_t left;
static int64_t sleep_start_tick;
static int64_t wake_tick;

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	woke = 0;
	left = -1;
	sleep_start_tick = 0;
	wake_tick = 0;
}

/* Sleep 100 ms with the call chosen by p1. */
static void sleep_100ms(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	sleep_start_tick = k_uptime_ticks();
	switch ((enum sleep_kind)(intptr_t)p1) {
	case USE_MSLEEP:
		left = k_msleep(100);
		break;
	case USE_SLEEP:
		left = k_sleep(K_MSEC(100));
		break;
	case USE_USLEEP:
		left = k_usleep(100000);
		break;
	}
	wake_tick = k_uptime_ticks();
	woke++;
}

/* Start a 100 ms sleeper, wake it after 30 ms, return what its sleep call returned. */
static int32_t wake_after_30ms(enum sleep_kind kind)
{
	k_tid_t tid = spawn(0, sleep_100ms, (void *)(intptr_t)kind, NULL, NULL, 0, K_NO_WAIT);

	k_msleep(30);
	zassert_equal(woke, 0, "the sleeper woke by itself");
	k_wakeup(tid);
	zassert_equal(woke, 1, "k_wakeup() did not make the sleeper run");
	zassert_between_inclusive(wake_tick - sleep_start_tick, 300, 301, "woke after %lld ticks",
				  wake_tick - sleep_start_tick);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	return left;
}

ZTEST(sleep_wakeup, test_wakeup_msleep_returns_remaining_ms) {
	zassert_equal(wake_after_30ms(USE_MSLEEP), 70);
}

ZTEST(sleep_wakeup, test_wakeup_sleep_returns_remaining_ms) {
	zassert_equal(wake_after_30ms(USE_SLEEP), 70);
}

ZTEST(sleep_wakeup, test_wakeup_usleep_returns_remaining_us) {
	/* 70 ms left, less the handful of cycles between the two sleeps starting. */
	int32_t us = wake_after_30ms(USE_USLEEP);

	zassert_between_inclusive(us, 69900, 70000, "%d us left", (int)us);
}

ZTEST(sleep_wakeup, test_full_sleep_returns_zero) {
	k_tid_t tid = spawn(0, sleep_100ms, (void *)USE_MSLEEP, NULL, NULL, 0, K_NO_WAIT);

	zassert_equal(k_thread_join(tid, K_MSEC(200)), 0);
	zassert_equal(left, 0);
	zassert_between_inclusive(wake_tick - sleep_start_tick, 1000, 1001);
	/* Waking it once it ended is harmless. */
	k_wakeup(tid);
	zassert_equal(woke, 1);
}

static void sleep_forever(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	left = k_sleep(K_FOREVER);
	woke++;
}

ZTEST(sleep_wakeup, test_wakeup_ends_sleep_forever) {
	k_tid_t tid = spawn(0, sleep_forever, NULL, NULL, NULL, 0, K_NO_WAIT);

	k_msleep(10);
	zassert_equal(woke, 0);
	/* Zephyr: k_wakeup() is how a k_sleep(K_FOREVER) ends. */
	k_wakeup(tid);
	zassert_equal(woke, 1, "k_wakeup() did not end k_sleep(K_FOREVER)");
	zassert_equal(left, (int32_t)K_TICKS_FOREVER);
}

ZTEST(sleep_wakeup, test_sleep_forever_ends_with_resume) {
	k_tid_t tid = spawn(0, sleep_forever, NULL, NULL, NULL, 0, K_NO_WAIT);

	k_msleep(10);
	k_thread_resume(tid);
	zassert_equal(woke, 1);
	zassert_equal(left, (int32_t)K_TICKS_FOREVER);
}

/* Sleep p1 ms (k_msleep) or, with p2 set, p1 us (k_usleep); keep what was left. */
static void sleep_long(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	int32_t amount = (int32_t)(intptr_t)p1;

	left = p2 == NULL ? k_msleep(amount) : k_usleep(amount);
	woke++;
}

ZTEST(sleep_wakeup, test_wakeup_long_msleep_returns_remaining) {
	/* 1000 s, woken after 10 ms: more left than 2^31 timer cycles (214.7 s at 10 MHz). */
	k_tid_t tid = spawn(0, sleep_long, (void *)1000000, NULL, NULL, 0, K_NO_WAIT);

	k_msleep(10);
	k_wakeup(tid);
	zassert_equal(woke, 1);
	zassert_equal(left, 999990, "k_msleep(1000000) woken at 10 ms returned %d", (int)left);
}

ZTEST(sleep_wakeup, test_wakeup_long_usleep_returns_remaining) {
	/* 2000 s, woken after 1 ms. */
	k_tid_t tid = spawn(0, sleep_long, (void *)2000000000, (void *)1, NULL, 0, K_NO_WAIT);

	k_msleep(1);
	k_wakeup(tid);
	zassert_equal(woke, 1);
	zassert_between_inclusive(left, 1999998900, 1999999000,
				  "k_usleep(2000000000) woken at 1 ms returned %d", (int)left);
}

static K_SEM_DEFINE(sem, 0, 1);
static volatile int take_ret;

static void take_sem_50ms(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	take_ret = k_sem_take(&sem, K_MSEC(50));
	woke++;
}

ZTEST(sleep_wakeup, test_wakeup_leaves_sem_waiter_blocked) {
	take_ret = 1;
	k_tid_t tid = spawn(0, take_sem_50ms, NULL, NULL, NULL, 0, K_NO_WAIT);

	k_wakeup(tid);
	k_msleep(10);
	zassert_equal(woke, 0, "k_wakeup() ended a semaphore wait");
	k_sem_give(&sem);
	zassert_equal(woke, 1);
	zassert_equal(take_ret, 0, "the waiter must still receive the give");
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sleep_wakeup, test_wakeup_of_ready_or_unstarted_thread) {
	/* A ready thread simply runs once, later. */
	k_tid_t ready = spawn(0, sleep_100ms, (void *)USE_MSLEEP, NULL, NULL, 5, K_NO_WAIT);

	k_wakeup(ready);
	zassert_equal(sleep_start_tick, 0, "k_wakeup() ran a less urgent thread");
	k_thread_abort(ready);

	/* A delayed start is neither brought forward nor cancelled. */
	int64_t t0 = k_uptime_ticks();
	k_tid_t delayed = spawn(1, sleep_100ms, (void *)USE_MSLEEP, NULL, NULL, 0, K_MSEC(2));

	k_wakeup(delayed);
	zassert_equal(sleep_start_tick, 0, "k_wakeup() started a delayed thread early");
	k_msleep(3);
	zassert_between_inclusive(sleep_start_tick - t0, 20, 21,
				  "delayed start moved to %lld ticks", sleep_start_tick - t0);
	k_thread_abort(delayed);

	/* A K_FOREVER thread stays unstarted. */
	k_tid_t unstarted = spawn(2, sleep_100ms, (void *)USE_MSLEEP, NULL, NULL, 0, K_FOREVER);

	sleep_start_tick = 0;
	k_wakeup(unstarted);
	k_msleep(1);
	zassert_equal(sleep_start_tick, 0, "k_wakeup() started a K_FOREVER thread");
}

ZTEST(sleep_wakeup, test_wakeup_self_is_harmless) {
	int64_t t0 = k_uptime_ticks();

	k_wakeup(k_current_get());
	/* A later sleep is not cut short by the earlier wakeup. */
	zassert_equal(k_msleep(2), 0);
	zassert_between_inclusive(k_uptime_ticks() - t0, 20, 21);
}

ZTEST(sleep_wakeup, test_wakeup_twice_is_harmless) {
	k_tid_t tid = spawn(0, sleep_100ms, (void *)USE_MSLEEP, NULL, NULL, 0, K_NO_WAIT);

	k_msleep(10);
	k_wakeup(tid);
	k_wakeup(tid);
	zassert_equal(woke, 1);
	zassert_equal(left, 90);
}

ZTEST_SUITE(sleep_wakeup, NULL, NULL, reset, reap_workers_after, NULL);
