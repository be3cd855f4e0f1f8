/*
 * k_sem_init() and k_mutex_init() from user mode on objects initialised
 * already: accepted as in Zephyr when nobody waits on or owns the object,
 * refused with -EBUSY when someone does (re-initialising then would lose the
 * waiters or the owner); a thread object is still created only once.
 */
#include "user_util.h"

static struct k_sem waited;
static struct k_sem user_sem;
static struct k_mutex user_mutex;

RESULT static volatile int ret[8];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(ret); i++) {
		ret[i] = NOT_REACHED;
	}
	zassert_equal(k_sem_init(&user_sem, 0, 3), 0);
	zassert_equal(k_mutex_init(&user_mutex), 0);
}

ZTEST_SUITE(obj_reinit, NULL, NULL, before, NULL, NULL);

static void reinit_idle(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sem_give(&user_sem);
	ret[0] = k_sem_init(&user_sem, 2, 5);
	ret[1] = (int)k_sem_count_get(&user_sem);
	ret[2] = k_mutex_init(&user_mutex);
	ret[3] = k_mutex_lock(&user_mutex, K_NO_WAIT);
	ret[4] = k_mutex_init(&user_mutex); /* its owner is the caller: still in use */
	ret[5] = k_mutex_unlock(&user_mutex);
	ret[6] = k_mutex_init(&user_mutex);
	ret[7] = k_sem_init(&user_sem, 4, 3); /* bad arguments are still refused */
}

ZTEST(obj_reinit, test_user_reinit_of_idle_objects) {
	k_tid_t t = user_create(0, reinit_idle, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &user_sem, &user_mutex);
	run_to_end(t);
	zassert_equal(ret[0], 0);
	zassert_equal(ret[1], 2);
	zassert_equal(ret[2], 0);
	zassert_equal(ret[3], 0);
	zassert_equal(ret[4], -EBUSY);
	zassert_equal(ret[5], 0);
	zassert_equal(ret[6], 0);
	zassert_equal(ret[7], -EINVAL);
	zassert_equal(k_sem_count_get(&user_sem), 2);
	zassert_equal(k_mutex_lock(&user_mutex, K_NO_WAIT), 0, "the mutex is left usable");
	zassert_equal(k_mutex_unlock(&user_mutex), 0);
}

static void take_waited(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	ret[1] = k_sem_take(&waited, K_FOREVER);
}

static void reinit_waited(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	ret[0] = k_sem_init(&waited, 0, 1);
}

ZTEST(obj_reinit, test_user_reinit_of_waited_sem_refused) {
	zassert_equal(k_sem_init(&waited, 0, 1), 0);
	k_tid_t waiter = pool_create(1, take_waited, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_start(waiter);
	k_sleep(K_MSEC(1)); /* the waiter pends */
	k_tid_t t = user_create(0, reinit_waited, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&waited, t);
	run_to_end(t);
	zassert_equal(ret[0], -EBUSY);
	k_sem_give(&waited);
	zassert_equal(k_thread_join(waiter, K_FOREVER), 0);
	zassert_equal(ret[1], 0, "the waiter got its unit through the kept wait queue");
}
