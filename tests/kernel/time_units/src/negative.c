/*
 * A blocking call that has to wait with a negative timeout other than
 * K_FOREVER is the caller's error, reported the same way by every call: an
 * assertion in supervisor mode, -EINVAL from user mode. It never expires at
 * once as if the wait had timed out. A call that need not wait succeeds.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

static struct k_sem sem;
static struct k_sem never;
static struct k_mutex held;
static ZTEST_BMEM k_tid_t holder;

#define BAD_TIMEOUT Z_TIMEOUT_TICKS(-5)

/* Holds @held and stays alive (a thread to join) until the test ends. */
static void hold(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_equal(k_mutex_lock(&held, K_NO_WAIT), 0);
	k_sem_take(&never, K_FOREVER);
}

enum call { SEM_TAKE, MUTEX_LOCK, SLEEP, JOIN, CREATE, N_CALLS };

static void log_x(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event('x');
}

static void call_with_bad_timeout(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	switch ((enum call)(uintptr_t)p1) {
	case SEM_TAKE:
		(void)k_sem_take(&sem, BAD_TIMEOUT);
		break;
	case MUTEX_LOCK:
		(void)k_mutex_lock(&held, BAD_TIMEOUT);
		break;
	case SLEEP:
		(void)k_sleep(BAD_TIMEOUT);
		break;
	case JOIN:
		(void)k_thread_join(holder, BAD_TIMEOUT);
		break;
	default:
		spawn_delayed(log_x, NULL, NULL, TEST_PRIO - 1, BAD_TIMEOUT);
		break;
	}
	event('r'); /* returned: not reached */
}

ZTEST(time_negative, test_negative_timeout_asserts) {
	for (uintptr_t c = 0; c < N_CALLS; c++) {
		unsigned int faults = ztest_fault_count();

		ztest_expect_fault(K_ERR_KERNEL_PANIC);
		spawn(call_with_bad_timeout, (void *)c, NULL, TEST_PRIO - 1); /* runs at once */
		ztest_set_fault_valid(false);
		zassert_equal(ztest_fault_count(), faults + 1, "call %u did not assert",
			      (unsigned int)c);
	}
	k_msleep(1);
	zassert_events("");
}

ZTEST(time_negative, test_no_wait_needed_no_error) {
	k_sem_give(&sem);
	zassert_equal(k_sem_take(&sem, BAD_TIMEOUT), 0);
}

#ifdef CONFIG_USERSPACE
ZTEST_USER(time_negative, test_negative_timeout_einval_from_user_mode) {
	zassert_equal(k_sem_take(&sem, BAD_TIMEOUT), -EINVAL);
	zassert_equal(k_mutex_lock(&held, BAD_TIMEOUT), -EINVAL);
	zassert_equal(k_sleep(BAD_TIMEOUT), -EINVAL);
	zassert_equal(k_thread_join(holder, BAD_TIMEOUT), -EINVAL);
	k_sem_give(&sem);
	zassert_equal(k_sem_take(&sem, BAD_TIMEOUT), 0);
}
#endif

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
	zassert_equal(k_sem_init(&never, 0, 1), 0);
	zassert_equal(k_mutex_init(&held), 0);
	holder = spawn(hold, NULL, NULL, TEST_PRIO - 1);
	k_thread_access_grant(k_current_get(), &sem, &held, holder);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(time_negative, NULL, NULL, before, after, NULL);
