/*
 * User-mode tests that fail on purpose, one way each, then a test that checks
 * what the failures left behind: a failed zassert in a user body, or in a
 * user helper thread (one created by a supervisor body without any grant, one
 * created by a user body), ends the test's thread and the failing thread at
 * once; a failed zexpect lets the user body go on; ztest_test_fail() and a
 * fault expected from user mode that never happens fail the test.
 * testspec.cmake pins every result line and the summary.
 *
 * With SCENARIO_UNEXPECTED_FAULT a last user test touches kernel RAM without
 * expecting it, and the run must end right there.
 */
#include <zephyr/ztest.h>

#define HELPER_STACK_SIZE 1024
#define HELPER_PRIO       (CONFIG_ZTEST_THREAD_PRIORITY + 1)

static struct k_thread supervisor_made_helper;
static K_THREAD_STACK_DEFINE(stack_a, HELPER_STACK_SIZE);
static K_THREAD_STACK_DEFINE(stack_b, HELPER_STACK_SIZE);

static ZTEST_BMEM volatile bool past_assert, helper_past_assert, past_join;
static ZTEST_BMEM volatile bool past_user_join, past_expect, past_fail;
static ZTEST_BMEM volatile unsigned int helpers_started;

static void failures_before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_thread_access_grant(k_current_get(), stack_b);
}

ZTEST_SUITE(user_failures, NULL, NULL, failures_before, NULL, NULL);

ZTEST_USER(user_failures, test_1_assert_in_user_body) {
	int v = 4;

	zassert_equal(v, 3, "v is %d", v);
	past_assert = true;
}

static void failing_helper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helpers_started++;
	zassert_true(false, "failed in a user helper thread");
	helper_past_assert = true;
}

/* The helper holds no grant, not even for the test's thread: the harness ends both. */
ZTEST(user_failures, test_2_assert_in_user_helper) {
	k_thread_create(&supervisor_made_helper, stack_a, K_THREAD_STACK_SIZEOF(stack_a),
			failing_helper, NULL, NULL, NULL, HELPER_PRIO, K_USER, K_NO_WAIT);
	(void)k_thread_join(&supervisor_made_helper, K_FOREVER);
	past_join = true;
}

ZTEST_USER(user_failures, test_3_assert_in_helper_of_user_body) {
	struct k_thread *t = k_object_alloc(K_OBJ_THREAD);

	zassert_not_null(t, "no thread object left");
	k_thread_create(t, stack_b, K_THREAD_STACK_SIZEOF(stack_b), failing_helper, NULL, NULL,
			NULL, HELPER_PRIO, K_USER, K_NO_WAIT);
	(void)k_thread_join(t, K_FOREVER);
	past_user_join = true;
}

ZTEST_USER(user_failures, test_4_expect_goes_on) {
	zexpect_equal(1, 2, "a failed expectation in user mode");
	printk("after a failed expectation the user body goes on\n");
	past_expect = true;
}

ZTEST_USER(user_failures, test_5_test_fail) {
	ztest_test_fail();
	past_fail = true;
}

ZTEST_USER(user_failures, test_6_expected_fault_missing) {
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
}

ZTEST(user_failures, test_7_aftermath) {
	zassert_false(past_assert, "the user body went on after a failed zassert");
	zassert_equal(helpers_started, 2U);
	zassert_false(helper_past_assert, "a user helper went on after a failed zassert");
	zassert_false(past_join, "the test thread went on after its user helper failed");
	zassert_false(past_user_join, "the user body went on after its helper failed");
	zassert_true(past_expect, "the user body did not go on after a failed zexpect");
	zassert_false(past_fail, "the user body went on after ztest_test_fail()");
	zassert_equal(k_thread_join(&supervisor_made_helper, K_NO_WAIT), 0,
		      "the failed helper still runs");
}

#ifdef SCENARIO_UNEXPECTED_FAULT
static volatile int kernel_secret = 42;
static ZTEST_BMEM volatile int secret_seen;

ZTEST_USER(user_failures, test_8_unexpected_fault) {
	secret_seen = kernel_secret;
}

/* Never runs: the run ends at the unexpected fault (the summary counts 8 tests). */
ZTEST(user_failures, test_9_after_the_fault) {
}
#endif
