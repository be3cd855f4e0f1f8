/*
 * NULL as a check's message means "no message", as in Zephyr: a passing check
 * with one is fine, and a failing one (SCENARIO_NULL_MESSAGE) is reported
 * without a message instead of faulting.
 */
#include <zephyr/ztest.h>

ZTEST_SUITE(compat_null_message, NULL, NULL, NULL, NULL, NULL);

ZTEST(compat_null_message, test_passing_checks_null_message) {
	zassert_true(true, NULL);
	zassert_equal(1, 1, NULL);
	zexpect_false(false, NULL);
}

#ifdef SCENARIO_NULL_MESSAGE
ZTEST(compat_null_message, test_failing_check_null_message) {
	zassert_true(false, NULL);
}
#endif
