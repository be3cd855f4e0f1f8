/*
 * ZTEST_USER bodies run in user mode and ZTEST bodies in supervisor mode, side
 * by side in one suite. A user body is confined: reading kernel RAM or using
 * an object it holds no grant for is a fatal error that ztest_expect_fault(),
 * called from the user body itself, turns into a pass; only the faulting
 * thread ends. A user body can end itself early (ztest_test_pass(), a failed
 * zassume), and a supervisor body can expect the fault of a user thread it
 * created. Facts a user body records go to ZTEST_BMEM for later tests.
 */
#include <zephyr/ztest.h>

#define HELPER_STACK_SIZE 1024

/* Plain kernel RAM: out of user reach. */
static volatile int kernel_secret = 42;

static K_SEM_DEFINE(ungranted_sem, 0, 1);

static struct k_thread helper;
static K_THREAD_STACK_DEFINE(helper_stack, HELPER_STACK_SIZE);

static ZTEST_BMEM volatile bool past_fault, past_pass, past_skip;
static ZTEST_BMEM volatile int secret_seen;
static ZTEST_BMEM unsigned int faults_before;

ZTEST_SUITE(user_mode, NULL, NULL, NULL, NULL, NULL);

ZTEST_USER(user_mode, test_01_is_user) {
	char name[CONFIG_THREAD_MAX_NAME_LEN];

	zassert_true(k_is_user_context(), "a ZTEST_USER body runs in supervisor mode");
	zassert_equal_ptr(k_current_get(), ztest_test_thread());
	zassert_equal(k_thread_priority_get(k_current_get()), CONFIG_ZTEST_THREAD_PRIORITY);
	zassert_ok(k_thread_name_copy(k_current_get(), name, sizeof(name)));
	zassert_str_equal(name, "test_01_is_user");
}

ZTEST(user_mode, test_02_is_supervisor) {
	zassert_false(k_is_user_context(), "a ZTEST body runs in user mode");
	zassert_equal_ptr(k_current_get(), ztest_test_thread());
	/* The very read that faults in user mode (test_03) works here. */
	zassert_equal(kernel_secret, 42);
}

ZTEST_USER(user_mode, test_03_kernel_ram_faults) {
	faults_before = ztest_fault_count();
	secret_seen = -1;
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	secret_seen = kernel_secret;
	past_fault = true;
}

ZTEST(user_mode, test_04_only_the_body_ended) {
	zassert_equal(ztest_fault_count(), faults_before + 1U);
	zassert_equal(secret_seen, -1, "the user body read kernel RAM");
	zassert_false(past_fault, "the user body went on after its fault");
}

ZTEST_USER(user_mode, test_05_ungranted_object_oopses) {
	faults_before = ztest_fault_count();
	ztest_expect_fault(K_ERR_KERNEL_OOPS);
	k_sem_give(&ungranted_sem);
	past_fault = true;
}

ZTEST(user_mode, test_06_refused_call_did_nothing) {
	zassert_equal(ztest_fault_count(), faults_before + 1U);
	zassert_false(past_fault, "the user body went on after its oops");
	zassert_equal(k_sem_count_get(&ungranted_sem), 0U, "the refused give counted");
}

ZTEST_USER(user_mode, test_07_pass_call) {
	ztest_test_pass();
	past_pass = true;
}

ZTEST_USER(user_mode, test_08_assume_skips) {
	zassume_true(false, "skipped from user mode on purpose");
	past_skip = true;
}

ZTEST(user_mode, test_09_ended_early) {
	zassert_false(past_pass, "went on after ztest_test_pass() in user mode");
	zassert_false(past_skip, "went on after a failed zassume in user mode");
}

static void read_secret(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	secret_seen = kernel_secret;
	past_fault = true;
}

/* A supervisor body expects the fault of a user thread it created (no grants at all). */
ZTEST(user_mode, test_10_user_helper_faults) {
	unsigned int count = ztest_fault_count();

	secret_seen = -1;
	past_fault = false;
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), read_secret,
			NULL, NULL, NULL, K_PRIO_PREEMPT(0), K_USER, K_NO_WAIT);
	zassert_ok(k_thread_join(&helper, K_FOREVER));
	zassert_equal(ztest_fault_count(), count + 1U);
	zassert_equal(secret_seen, -1, "the user helper read kernel RAM");
	zassert_false(past_fault, "the user helper went on after its fault");
}
