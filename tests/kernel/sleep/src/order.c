/*
 * Several sleepers: they wake in order of expiry whatever the order they went
 * to sleep in, each exactly on its own tick, and sleepers with the same
 * duration wake first-in first-out.
 */
#include <string.h>
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

static char wake_order[NUM_WORKERS + 1];
static volatile int woken;
static int64_t slept_ticks[NUM_WORKERS];

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	woken = 0;
	memset(wake_order, 0, sizeof(wake_order));
	memset(slept_ticks, 0, sizeof(slept_ticks));
}

/* Sleeper p1 (its index) sleeps p2 ticks and records when and in which order it woke. */
static void sleeper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	int i = (int)(intptr_t)p1;
	int64_t t0 = k_uptime_ticks();

	k_sleep(K_TICKS((intptr_t)p2));
	slept_ticks[i] = k_uptime_ticks() - t0;
	wake_order[woken++] = (char)('0' + i);
}

static void check_durations(const intptr_t *ticks, int n)
{
	for (int i = 0; i < n; i++) {
		zassert_between_inclusive(slept_ticks[i], ticks[i], ticks[i] + 1,
					  "sleeper %d slept %lld ticks for %d", i, slept_ticks[i],
					  (int)ticks[i]);
	}
}

ZTEST(sleep_order, test_wake_in_expiry_order) {
	static const intptr_t ticks[NUM_WORKERS] = { 400, 100, 300, 200 };

	/* Priority 0 beats the test thread: each starts sleeping as it is created. */
	for (int i = 0; i < NUM_WORKERS; i++) {
		spawn(i, sleeper, (void *)(intptr_t)i, (void *)ticks[i], NULL, 0, K_NO_WAIT);
	}
	k_msleep(50);
	zassert_equal(woken, NUM_WORKERS);
	zassert_str_equal(wake_order, "1320", "wake order %s", wake_order);
	check_durations(ticks, NUM_WORKERS);
}

ZTEST(sleep_order, test_wake_order_by_expiry_not_duration) {
	/* Sleeper 0 sleeps longer but started earlier: it is due first. */
	static const intptr_t ticks[2] = { 100, 60 };

	spawn(0, sleeper, (void *)0, (void *)ticks[0], NULL, 0, K_NO_WAIT);
	k_sleep(K_TICKS(50));
	spawn(1, sleeper, (void *)1, (void *)ticks[1], NULL, 0, K_NO_WAIT);
	k_msleep(20);
	zassert_str_equal(wake_order, "01", "wake order %s", wake_order);
	check_durations(ticks, 2);
}

ZTEST(sleep_order, test_equal_durations_fifo) {
	static const intptr_t ticks[NUM_WORKERS] = { 30, 30, 30, 30 };

	for (int i = 0; i < NUM_WORKERS; i++) {
		spawn(i, sleeper, (void *)(intptr_t)i, (void *)ticks[i], NULL, 0, K_NO_WAIT);
	}
	k_msleep(5);
	zassert_str_equal(wake_order, "0123", "wake order %s", wake_order);
	check_durations(ticks, NUM_WORKERS);
}

ZTEST_SUITE(sleep_order, NULL, NULL, reset, reap_workers_after, NULL);
