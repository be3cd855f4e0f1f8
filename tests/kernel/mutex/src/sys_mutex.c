/*
 * sys_mutex (<zephyr/sys/mutex.h>): SYS_MUTEX_DEFINE and sys_mutex_init(),
 * recursive lock and unlock, and k_mutex_lock()'s and k_mutex_unlock()'s
 * results for a locked mutex, a non-owner and an unlocked mutex.
 */
#include "test_util.h"
#include <zephyr/sys/mutex.h>

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

SYS_MUTEX_DEFINE(defined_mutex);
static struct sys_mutex runtime_mutex;

static volatile int other_lock, other_unlock;

static void other_thread(void *mutex, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	other_lock = sys_mutex_lock(mutex, K_NO_WAIT);
	other_unlock = sys_mutex_unlock(mutex);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sys_mutex, NULL, NULL, NULL, after, NULL);

static void check(struct sys_mutex *m)
{
	zassert_equal(sys_mutex_unlock(m), -EINVAL, "nobody owns it");
	zassert_equal(sys_mutex_lock(m, K_FOREVER), 0);
	zassert_equal(sys_mutex_lock(m, K_NO_WAIT), 0, "recursive");

	spawn(other_thread, m, NULL, TEST_PRIO - 1);
	join_all();
	zassert_equal(other_lock, -EBUSY);
	zassert_equal(other_unlock, -EPERM);

	zassert_equal(sys_mutex_unlock(m), 0);
	zassert_equal(sys_mutex_unlock(m), 0);
	zassert_equal(sys_mutex_unlock(m), -EINVAL);
	zassert_equal(sys_mutex_lock(m, K_MSEC(1)), 0, "free again");
	zassert_equal(sys_mutex_unlock(m), 0);
}

ZTEST(sys_mutex, test_defined) {
	check(&defined_mutex);
}

ZTEST(sys_mutex, test_runtime_init) {
	sys_mutex_init(&runtime_mutex);
	check(&runtime_mutex);
}
