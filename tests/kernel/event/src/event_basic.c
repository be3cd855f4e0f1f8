/*
 * k_event without waiters: post, set, set_masked and clear with the events
 * they return, waits that are satisfied at once or not, reset, K_EVENT_DEFINE.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

K_EVENT_DEFINE(defined_event);

static struct k_event event;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_event_init(&event);
}

ZTEST_SUITE(event_basic, NULL, NULL, before, NULL, NULL);

ZTEST(event_basic, test_changes_return_previous) {
	/* Each returns what it may change (its events, or mask), as it was. */
	zassert_equal(k_event_post(&event, 0x3), 0);
	zassert_equal(k_event_post(&event, 0x6), 0x2);
	zassert_equal(k_event_set(&event, 0x10), 0x7);
	zassert_equal(k_event_set_masked(&event, 0x0f, 0x03), 0);
	zassert_equal(k_event_set_masked(&event, 0x0c, 0x11), 0x11);
	zassert_equal(k_event_clear(&event, 0x06), 0x02);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0);
}

ZTEST(event_basic, test_any_all_and_reset) {
	k_event_post(&event, 0x5);
	zassert_equal(k_event_wait(&event, 0x6, false, K_NO_WAIT), 0x4, "any: what matched");
	zassert_equal(k_event_wait_all(&event, 0x6, false, K_NO_WAIT), 0, "all: not all there");
	zassert_equal(k_event_wait_all(&event, 0x5, false, K_NO_WAIT), 0x5);
	zassert_equal(k_event_wait(&event, 0x1, true, K_NO_WAIT), 0, "reset clears first");
	zassert_equal(k_event_test(&event, UINT32_MAX), 0);
}

ZTEST(event_basic, test_wait_times_out) {
	int64_t start = k_uptime_get();

	zassert_equal(k_event_wait(&event, 0x1, false, K_MSEC(20)), 0);
	zassert_true(k_uptime_get() - start >= 20);
}

ZTEST(event_basic, test_defined_event) {
	zassert_equal(k_event_post(&defined_event, 0x80), 0);
	zassert_equal(k_event_wait(&defined_event, 0x80, false, K_NO_WAIT), 0x80);
}
