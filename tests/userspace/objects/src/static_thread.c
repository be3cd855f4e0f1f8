/*
 * K_THREAD_DEFINE + K_THREAD_ACCESS_GRANT: a user thread defined statically,
 * started at boot, uses the objects it was granted statically. Its suite is
 * named to run first, so that the thread's index is free again for the rest.
 */
#include "user_util.h"

/* A static user thread with static grants, waiting from boot for its go. */
K_SEM_DEFINE(static_go, 0, 1);
K_SEM_DEFINE(static_sem, 0, 5);
K_MUTEX_DEFINE(static_mtx);

RESULT_DATA static volatile int static_take_ret = NOT_REACHED;
RESULT_DATA static volatile int static_lock_ret = NOT_REACHED;
RESULT_DATA static volatile int static_unlock_ret = NOT_REACHED;
RESULT_DATA static volatile int static_is_user = NOT_REACHED;
RESULT static volatile int static_done;

static void static_user_entry(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	static_take_ret = k_sem_take(&static_go, K_FOREVER);
	static_is_user = k_is_user_context();
	static_lock_ret = k_mutex_lock(&static_mtx, K_FOREVER);
	k_sem_give(&static_sem);
	k_sem_give(&static_sem);
	static_unlock_ret = k_mutex_unlock(&static_mtx);
	static_done = 1;
}

K_THREAD_DEFINE(static_user, USER_STACK_SIZE, static_user_entry, NULL, NULL, NULL, USER_PRIO,
		K_USER, 0);
K_THREAD_ACCESS_GRANT(static_user, &static_go, &static_sem, &static_mtx);

ZTEST(obj_boot_thread, test_static_thread_static_grants) {
	/* Started at boot and more urgent than us: it is waiting for its go. */
	zassert_equal(static_take_ret, NOT_REACHED);
	zassert_equal(static_done, 0);
	k_sem_give(&static_go);
	zassert_equal(k_thread_join(static_user, K_FOREVER), 0);
	zassert_equal(static_take_ret, 0);
	zassert_equal(static_is_user, 1);
	zassert_equal(static_lock_ret, 0);
	zassert_equal(static_unlock_ret, 0);
	zassert_equal(static_done, 1);
	zassert_equal(k_sem_count_get(&static_sem), 2);
}

ZTEST_SUITE(obj_boot_thread, NULL, NULL, NULL, NULL, NULL);
