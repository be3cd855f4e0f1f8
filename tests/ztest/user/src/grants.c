/*
 * Grants reaching user bodies, done the way Zephyr code does them, to
 * k_current_get(): what setup() grants (in the main thread) holds for every
 * test of the suite; what before() grants (in the test's thread) holds for
 * that test only, the next test's thread starts without it; a user body
 * passes what it holds on to a user helper created with K_INHERIT_PERMS.
 * Last, with the same helper stack: a user body expects the fault of a user
 * helper it created.
 */
#include <zephyr/ztest.h>

#define HELPER_STACK_SIZE 1024
#define HELPER_PRIO       (CONFIG_ZTEST_THREAD_PRIORITY + 1)

static K_SEM_DEFINE(setup_sem, 0, 10);
static K_SEM_DEFINE(before_sem, 0, 10);
static K_THREAD_STACK_DEFINE(helper_stack, HELPER_STACK_SIZE);

static ZTEST_BMEM k_tid_t setup_thread, before_thread;
static ZTEST_BMEM bool no_grant_in_before;
static ZTEST_BMEM unsigned int faults_before;
static ZTEST_BMEM volatile bool past_oops;
static ZTEST_BMEM volatile int helper_gives;
static ZTEST_BMEM volatile int secret_seen;

/* Plain kernel RAM: out of user reach. */
static volatile int kernel_secret = 42;

static void *grants_setup(void)
{
	setup_thread = k_current_get();
	k_thread_access_grant(k_current_get(), &setup_sem, helper_stack);
	return NULL;
}

static void grants_before(void *fixture)
{
	ARG_UNUSED(fixture);
	before_thread = k_current_get();
	if (!no_grant_in_before) {
		k_object_access_grant(&before_sem, k_current_get());
	}
}

ZTEST_SUITE(user_grants, NULL, grants_setup, grants_before, NULL, NULL);

ZTEST_USER(user_grants, test_1_setup_grant) {
	zassert_not_equal(setup_thread, k_current_get(), "setup ran in the test's thread");
	k_sem_give(&setup_sem);
	zassert_equal(k_sem_count_get(&setup_sem), 1U);
	zassert_ok(k_sem_take(&setup_sem, K_NO_WAIT));
}

ZTEST_USER(user_grants, test_2_before_grant) {
	zassert_equal_ptr(before_thread, k_current_get(), "before ran in another thread");
	zassert_equal_ptr(ztest_test_thread(), k_current_get());
	k_sem_give(&before_sem);
	zassert_equal(k_sem_count_get(&before_sem), 1U);
	zassert_ok(k_sem_take(&before_sem, K_NO_WAIT));
	/* The setup grant still holds in a later test. */
	k_sem_give(&setup_sem);
	zassert_ok(k_sem_take(&setup_sem, K_NO_WAIT));
	no_grant_in_before = true; /* for test_3 */
}

/* The previous test's thread held before_sem; this one, not granted it, does not. */
ZTEST_USER(user_grants, test_3_before_grant_was_per_test) {
	faults_before = ztest_fault_count();
	ztest_expect_fault(K_ERR_KERNEL_OOPS);
	k_sem_give(&before_sem);
	past_oops = true;
}

ZTEST(user_grants, test_4_refused_give_did_nothing) {
	no_grant_in_before = false;
	zassert_equal(ztest_fault_count(), faults_before + 1U);
	zassert_false(past_oops, "the user body went on after its oops");
	zassert_equal(k_sem_count_get(&before_sem), 0U, "the refused give counted");
}

static void inheriting_helper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_true(k_is_user_context());
	k_sem_give(&setup_sem);
	helper_gives++;
	k_sem_give(&before_sem);
	helper_gives++;
}

ZTEST_USER(user_grants, test_5_user_helper_inherits) {
	struct k_thread *t = k_object_alloc(K_OBJ_THREAD);

	zassert_not_null(t, "no thread object left");
	helper_gives = 0;
	k_thread_create(t, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), inheriting_helper,
			NULL, NULL, NULL, HELPER_PRIO, K_USER | K_INHERIT_PERMS, K_NO_WAIT);
	zassert_ok(k_thread_join(t, K_FOREVER));
	zassert_equal(helper_gives, 2, "the helper gave %d semaphore(s)", helper_gives);
	zassert_ok(k_sem_take(&setup_sem, K_NO_WAIT));
	zassert_ok(k_sem_take(&before_sem, K_NO_WAIT));
	k_object_release(t);
}

static void faulting_helper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	secret_seen = kernel_secret;
	helper_gives++;
}

ZTEST_USER(user_grants, test_6_user_helper_fault_expected) {
	struct k_thread *t = k_object_alloc(K_OBJ_THREAD);
	unsigned int count = ztest_fault_count();

	zassert_not_null(t, "no thread object left");
	helper_gives = 0;
	secret_seen = -1;
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	k_thread_create(t, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), faulting_helper, NULL,
			NULL, NULL, HELPER_PRIO, K_USER, K_NO_WAIT);
	zassert_ok(k_thread_join(t, K_FOREVER));
	zassert_equal(ztest_fault_count(), count + 1U);
	zassert_equal(secret_seen, -1, "the user helper read kernel RAM");
	zassert_equal(helper_gives, 0, "the user helper went on after its fault");
	k_object_release(t);
}
