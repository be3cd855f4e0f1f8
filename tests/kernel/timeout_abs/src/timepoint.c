/*
 * Timepoints: a timeout fixed as a deadline once, then turned back into what
 * is left of it before each wait.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

ZTEST_USER(timepoint, test_relative_budget_shrinks) {
	k_timepoint_t end = sys_timepoint_calc(K_MSEC(10));
	k_ticks_t budget = k_ms_to_ticks_ceil64(10);
	k_timeout_t left = sys_timepoint_timeout(end);

	zassert_true(left.ticks <= budget && left.ticks >= budget - 1, "%lld left", left.ticks);
	zassert_false(sys_timepoint_expired(end));
	k_msleep(4);
	left = sys_timepoint_timeout(end);
	zassert_true(left.ticks <= budget - k_ms_to_ticks_ceil64(4), "%lld left", left.ticks);
	zassert_true(left.ticks > 0);
	k_sleep(left);
	zassert_true(sys_timepoint_expired(end));
	zassert_true(K_TIMEOUT_EQ(sys_timepoint_timeout(end), K_NO_WAIT));
}

ZTEST_USER(timepoint, test_special_and_absolute) {
	k_timepoint_t never = sys_timepoint_calc(K_FOREVER);
	k_timepoint_t now = sys_timepoint_calc(K_NO_WAIT);
	k_timepoint_t at = sys_timepoint_calc(K_TIMEOUT_ABS_TICKS(123456789));

	zassert_true(K_TIMEOUT_EQ(sys_timepoint_timeout(never), K_FOREVER));
	zassert_false(sys_timepoint_expired(never));
	zassert_true(sys_timepoint_expired(now));
	zassert_equal(at.tick, 123456789U);
	zassert_true(sys_timepoint_cmp(now, at) < 0);
	zassert_true(sys_timepoint_cmp(at, never) < 0);
	zassert_equal(sys_timepoint_cmp(at, at), 0);
	zassert_true(sys_timepoint_expired(sys_timepoint_calc(K_TIMEOUT_ABS_TICKS(1))));
}

ZTEST_SUITE(timepoint, NULL, NULL, NULL, NULL, NULL);
