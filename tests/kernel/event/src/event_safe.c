/*
 * k_event_wait_safe() and k_event_wait_all_safe(): the events a wait returns
 * leave the object with it, whether they were there already or came while it
 * waited; waiters woken by the same change all get what they match before any
 * of it is consumed; nothing is consumed by a wait that is not satisfied.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define WAITERS    2
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

enum kind { ANY, ALL, ANY_SAFE, ALL_SAFE };

static struct k_event event;
static struct k_thread waiters[WAITERS];
static K_THREAD_STACK_ARRAY_DEFINE(waiter_stacks, WAITERS, STACK_SIZE);
static uint32_t got[WAITERS];

static uint32_t wait_kind(enum kind k, uint32_t mask, k_timeout_t timeout)
{
	switch (k) {
	case ANY:
		return k_event_wait(&event, mask, false, timeout);
	case ALL:
		return k_event_wait_all(&event, mask, false, timeout);
	case ANY_SAFE:
		return k_event_wait_safe(&event, mask, false, timeout);
	default:
		return k_event_wait_all_safe(&event, mask, false, timeout);
	}
}

static void waiter(void *index, void *mask, void *kind)
{
	int i = (int)(intptr_t)index;

	got[i] = wait_kind((enum kind)(intptr_t)kind, (uint32_t)(uintptr_t)mask, K_FOREVER);
}

/* A waiter, less urgent than the test: it has blocked when this returns. */
static void start_waiter(int i, uint32_t mask, enum kind k)
{
	got[i] = 0xdead;
	k_thread_create(&waiters[i], waiter_stacks[i], STACK_SIZE, waiter, (void *)(intptr_t)i,
			(void *)(uintptr_t)mask, (void *)(intptr_t)k, TEST_PRIO + 1, 0, K_NO_WAIT);
	k_msleep(1);
}

static void join(int i)
{
	zassert_equal(k_thread_join(&waiters[i], K_FOREVER), 0);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_event_init(&event);
}

ZTEST_SUITE(event_safe, NULL, NULL, before, NULL, NULL);

ZTEST(event_safe, test_events_there_are_consumed) {
	k_event_post(&event, 0x73);
	zassert_equal(k_event_wait_safe(&event, 0x11, false, K_NO_WAIT), 0x11);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x62, "only what was returned goes");
	zassert_equal(k_event_wait_safe(&event, 0x11, false, K_NO_WAIT), 0);
	zassert_equal(k_event_wait_all_safe(&event, 0x63, false, K_NO_WAIT), 0, "0x1 is missing");
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x62, "a failed wait consumes nothing");
	zassert_equal(k_event_wait_all_safe(&event, 0x22, false, K_NO_WAIT), 0x22);
	zassert_equal(k_event_wait_safe(&event, UINT32_MAX, false, K_NO_WAIT), 0x40);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0);
}

ZTEST(event_safe, test_reset_clears_first) {
	k_event_post(&event, 0x3);
	zassert_equal(k_event_wait_safe(&event, 0x1, true, K_NO_WAIT), 0);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0);
}

ZTEST(event_safe, test_times_out) {
	int64_t start = k_uptime_get();

	k_event_post(&event, 0x1);
	zassert_equal(k_event_wait_all_safe(&event, 0x3, false, K_MSEC(10)), 0);
	zassert_true(k_uptime_get() - start >= 10);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x1, "nothing consumed");
}

ZTEST(event_safe, test_waiter_consumes_what_it_matches) {
	start_waiter(0, 0x6, ANY_SAFE);
	k_event_post(&event, 0x7);
	join(0);
	zassert_equal(got[0], 0x6);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x1, "0x1 was not the waiter's");
}

ZTEST(event_safe, test_all_waiter_waits_for_all) {
	start_waiter(0, 0x3, ALL_SAFE);
	k_event_post(&event, 0x1);
	zassert_equal(got[0], 0xdead);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x1, "consumed without a match");
	k_event_post(&event, 0x2);
	join(0);
	zassert_equal(got[0], 0x3);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0);
}

/* One change satisfies two consuming waiters: both are handed the event. */
ZTEST(event_safe, test_one_change_serves_every_waiter) {
	start_waiter(0, 0x3, ANY_SAFE);
	start_waiter(1, 0x1, ANY_SAFE);
	k_event_post(&event, 0x1);
	join(0);
	join(1);
	zassert_equal(got[0], 0x1);
	zassert_equal(got[1], 0x1);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0);
}

/* A plain waiter beside a consuming one: both get it, then it is gone. */
ZTEST(event_safe, test_plain_and_consuming_waiters) {
	start_waiter(0, 0x4, ANY);
	start_waiter(1, 0x4, ALL_SAFE);
	k_event_set(&event, 0x6);
	join(0);
	join(1);
	zassert_equal(got[0], 0x4);
	zassert_equal(got[1], 0x4);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x2);
}
