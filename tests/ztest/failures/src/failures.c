/*
 * Tests that fail on purpose, one way each, and one that passes after
 * checking what the failures left behind: which code after each failure ran
 * and which did not. testspec.cmake pins the exact result line of every test
 * and the summary, so any change in how a failure is handled shows.
 *
 * With SCENARIO_UNEXPECTED_FAULT or SCENARIO_WRONG_REASON a last test dies of
 * a fatal error that was not expected and the run must end right there.
 */
#include <zephyr/ztest.h>

#define HELPER_STACK_SIZE 1024

static struct k_thread helper;
static K_THREAD_STACK_DEFINE(helper_stack, HELPER_STACK_SIZE);

static bool past_assert, helper_past_assert, test_past_join, past_expect, past_fail;
static bool setup_fails_body_ran;

ZTEST_SUITE(failures, NULL, NULL, NULL, NULL, NULL);

ZTEST(failures, test_1_assert_in_test_thread) {
	int v = 4;

	zassert_equal(v, 3, "v is %d", v);
	past_assert = true;
}

static void failing_helper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_true(false, "failed in a helper thread");
	helper_past_assert = true;
}

/*
 * The helper has a lower priority, so the test thread is already waiting in
 * k_thread_join() when the helper fails: the failure ends both.
 */
ZTEST(failures, test_2_assert_in_helper_thread) {
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), failing_helper,
			NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY + 1, 0, K_NO_WAIT);
	(void)k_thread_join(&helper, K_FOREVER);
	test_past_join = true;
}

ZTEST(failures, test_3_expect_goes_on) {
	zexpect_equal(1, 2, "a failed expectation");
	printk("after a failed expectation the body goes on\n");
	past_expect = true;
}

ZTEST(failures, test_4_test_fail) {
	ztest_test_fail();
	past_fail = true;
}

ZTEST(failures, test_5_expected_fault_missing) {
	ztest_expect_fault(K_ERR_KERNEL_OOPS);
}

ZTEST(failures, test_6_assume_skips) {
	zassume_true(false, "skipped on purpose");
}

ZTEST(failures, test_7_aftermath) {
	zassert_false(past_assert, "went on after a failed zassert");
	zassert_false(helper_past_assert, "helper went on after a failed zassert");
	zassert_false(test_past_join, "test thread went on after its helper failed");
	zassert_true(past_expect, "did not go on after a failed zexpect");
	zassert_false(past_fail, "went on after ztest_test_fail()");
	zassert_equal(k_thread_join(&helper, K_NO_WAIT), 0, "the failed helper still runs");
}

#if defined(SCENARIO_UNEXPECTED_FAULT) || defined(SCENARIO_WRONG_REASON)
ZTEST(failures, test_8_unexpected_fault) {
#ifdef SCENARIO_WRONG_REASON
	ztest_expect_fault(K_ERR_KERNEL_OOPS);
#endif
	k_panic();
}

/* Never runs: the run ends at the unexpected fault (the summary counts 8 tests). */
ZTEST(failures, test_9_after_the_fault) {
}
#endif

/* A suite whose setup fails: its test is reported failed without running. */
static void *failing_setup(void)
{
	zassert_unreachable("setup fails on purpose");
	return NULL;
}

ZTEST_SUITE(setup_fails, NULL, failing_setup, NULL, NULL, NULL);

ZTEST(setup_fails, test_not_run) {
	setup_fails_body_ran = true;
}

/* Runs last (suites run in name order) to check the body above never ran. */
ZTEST_SUITE(setup_fails_check, NULL, NULL, NULL, NULL, NULL);

ZTEST(setup_fails_check, test_body_not_run) {
	zassert_false(setup_fails_body_ran, "a test ran although its suite setup failed");
}
