/*
 * Skipping: a suite whose predicate is false is not set up and its tests are
 * reported skipped; a failed zassume and ztest_test_skip() skip the test and
 * end it; ztest_test_pass() ends a test early as passed.
 */
#include <zephyr/ztest.h>

static int predicate_calls;
static const void *predicate_state = (const void *)1;
static int never_setup_calls;
static bool past_assume, past_skip, past_pass;

static bool never(const void *global_state)
{
	predicate_calls++;
	predicate_state = global_state;
	return false;
}

static void *never_setup(void)
{
	never_setup_calls++;
	return NULL;
}

ZTEST_SUITE(predicate_false, never, never_setup, NULL, NULL, NULL);

ZTEST(predicate_false, test_never_runs_1) {
	ztest_test_fail();
}

ZTEST(predicate_false, test_never_runs_2) {
	ztest_test_fail();
}

ZTEST_SUITE(predicate_false_check, NULL, NULL, NULL, NULL, NULL);

ZTEST(predicate_false_check, test_suite_was_skipped) {
	zassert_equal(predicate_calls, 1);
	zassert_is_null(predicate_state, "the predicate gets NULL as global state");
	zassert_equal(never_setup_calls, 0, "setup of a skipped suite ran");
}

ZTEST_SUITE(skipping, NULL, NULL, NULL, NULL, NULL);

ZTEST(skipping, test_1_assume_skips) {
	zassume_equal(1, 2, "1 is not 2: this test is skipped");
	past_assume = true;
}

ZTEST(skipping, test_2_skip_call) {
	ztest_test_skip();
	past_skip = true;
}

ZTEST(skipping, test_3_pass_call) {
	ztest_test_pass();
	past_pass = true;
	zassert_unreachable("ztest_test_pass() returned");
}

ZTEST(skipping, test_4_tests_ended_there) {
	zassert_false(past_assume, "the test went on after a failed zassume");
	zassert_false(past_skip, "the test went on after ztest_test_skip()");
	zassert_false(past_pass, "the test went on after ztest_test_pass()");
}
