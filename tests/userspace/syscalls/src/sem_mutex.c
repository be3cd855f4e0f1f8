/*
 * Semaphores and mutexes used from user mode: the same results and error
 * codes as in supervisor mode (init on an allocated object, give, take with
 * K_NO_WAIT, a timeout and a waker, reset, count; recursive locking, -EBUSY,
 * -EAGAIN, -EPERM for a non-owner, -EINVAL for an unlocked mutex), and a
 * sys_mutex a supervisor set up in a partition.
 */
#include "user_util.h"
#include <zephyr/sys/mutex.h>

#define N_RESULTS 16

RESULT static volatile int r[N_RESULTS];
RESULT static volatile int64_t ticks[2];

static struct k_sem sem;
static struct k_sem gate;
static struct k_mutex mutex;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < N_RESULTS; i++) {
		r[i] = NOT_REACHED;
	}
	ticks[0] = 0;
	ticks[1] = 0;
	zassert_equal(k_sem_init(&gate, 0, 1), 0);
}

ZTEST_SUITE(sys_sem_mutex, NULL, NULL, before, NULL, NULL);

static void sem_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_sem *s = k_object_alloc(K_OBJ_SEM);

	r[0] = s != NULL;
	r[1] = k_sem_init(s, 2, 3);
	r[2] = (int)k_sem_count_get(s);
	r[3] = k_sem_take(s, K_NO_WAIT);
	r[4] = k_sem_take(s, K_NO_WAIT);
	r[5] = k_sem_take(s, K_NO_WAIT);
	for (int i = 0; i < 5; i++) {
		k_sem_give(s);
	}
	r[6] = (int)k_sem_count_get(s); /* capped at the limit */
	k_sem_reset(s);
	r[7] = (int)k_sem_count_get(s);
	ticks[0] = k_uptime_ticks();
	r[8] = k_sem_take(s, K_MSEC(5));
	ticks[1] = k_uptime_ticks();
	k_sem_give(s);
	r[9] = k_sem_take(s, K_MSEC(5));
	r[10] = (int)k_sem_count_get(s);
	k_object_release(s);
}

ZTEST(sys_sem_mutex, test_sem_calls) {
	run_to_end(user_create(0, sem_calls, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], 1);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 2);
	zassert_equal(r[3], 0);
	zassert_equal(r[4], 0);
	zassert_equal(r[5], -EBUSY);
	zassert_equal(r[6], 3);
	zassert_equal(r[7], 0);
	zassert_equal(r[8], -EAGAIN);
	zassert_between_inclusive(ticks[1] - ticks[0], 50, 51, "waited %d ticks",
				  (int)(ticks[1] - ticks[0]));
	zassert_equal(r[9], 0);
	zassert_equal(r[10], 0);
}

/* Waits on sem (granted) and records the result and when it came. */
static void sem_waiter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	ticks[0] = k_uptime_ticks();
	r[0] = k_sem_take(&sem, K_FOREVER);
	ticks[1] = k_uptime_ticks();
	r[1] = (int)k_sem_count_get(&sem);
}

ZTEST(sys_sem_mutex, test_sem_take_woken_by_give) {
	zassert_equal(k_sem_init(&sem, 0, 5), 0);
	k_tid_t t = user_create(0, sem_waiter, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&sem, t);
	k_thread_start(t);
	zassert_equal(r[0], NOT_REACHED, "did not wait");
	k_msleep(3);
	k_sem_give(&sem);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0, "the unit went to the count, not to the waiter");
	zassert_between_inclusive(ticks[1] - ticks[0], 30, 31);
}

ZTEST(sys_sem_mutex, test_sem_reset_wakes_user_waiter) {
	zassert_equal(k_sem_init(&sem, 0, 5), 0);
	k_tid_t t = user_create(0, sem_waiter, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&sem, t);
	k_thread_start(t);
	/*
	 * With SMP the waiter may run on another CPU and not have reached its
	 * take yet: reset once it waits, or the reset finds no one and the
	 * waiter waits for ever.
	 */
	wait_until_waiting(t, NULL);
	k_sem_reset(&sem);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], -EAGAIN);
}

static void mutex_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_mutex *m = k_object_alloc(K_OBJ_MUTEX);

	r[0] = m != NULL;
	r[1] = k_mutex_init(m);
	r[2] = k_mutex_unlock(m); /* not locked */
	r[3] = k_mutex_lock(m, K_NO_WAIT);
	r[4] = k_mutex_lock(m, K_FOREVER);
	r[5] = k_mutex_lock(m, K_MSEC(1));
	r[6] = k_mutex_unlock(m);
	r[7] = k_mutex_unlock(m);
	r[8] = k_mutex_unlock(m);
	r[9] = k_mutex_unlock(m); /* one too many */
	r[10] = k_mutex_lock(m, K_NO_WAIT);
	r[11] = k_mutex_unlock(m);
	k_object_release(m);
}

ZTEST(sys_sem_mutex, test_mutex_calls_and_recursion) {
	run_to_end(user_create(0, mutex_calls, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], 1);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], -EINVAL);
	for (int i = 3; i <= 8; i++) {
		zassert_equal(r[i], 0, "r[%d] = %d", i, r[i]);
	}
	zassert_equal(r[9], -EINVAL);
	zassert_equal(r[10], 0);
	zassert_equal(r[11], 0);
}

/* Holds the mutex until the gate opens. */
static void mutex_holder(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_mutex_lock(&mutex, K_FOREVER);
	(void)k_sem_take(&gate, K_FOREVER);
	r[1] = k_mutex_unlock(&mutex);
}

/* Tries the mutex while the holder has it, then waits for it. */
static void mutex_contender(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[2] = k_mutex_lock(&mutex, K_NO_WAIT);
	r[3] = k_mutex_unlock(&mutex);
	ticks[0] = k_uptime_ticks();
	r[4] = k_mutex_lock(&mutex, K_MSEC(2));
	ticks[1] = k_uptime_ticks();
	r[5] = k_mutex_lock(&mutex, K_FOREVER);
	r[6] = k_mutex_unlock(&mutex);
	r[7] = k_mutex_unlock(&mutex);
}

ZTEST(sys_sem_mutex, test_mutex_between_two_user_threads) {
	zassert_equal(k_mutex_init(&mutex), 0);
	k_tid_t holder = user_create(0, mutex_holder, NULL, NULL, NULL, USER_PRIO, 0);
	k_tid_t contender = user_create(1, mutex_contender, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(holder, &mutex, &gate);
	k_thread_access_grant(contender, &mutex);
	k_thread_start(holder);
	/* With several CPUs the holder may start on another: wait until it holds the mutex. */
	wait_until_waiting(holder, &r[0]);
	zassert_equal(r[0], 0);
	k_thread_start(contender); /* runs until it waits 2 ms, then with K_FOREVER */
	k_msleep(5);
	zassert_equal(r[2], -EBUSY);
	zassert_equal(r[3], -EPERM);
	zassert_equal(r[4], -EAGAIN);
	zassert_between_inclusive(ticks[1] - ticks[0], 20, 21);
	zassert_equal(r[5], NOT_REACHED);
	k_sem_give(&gate);
	zassert_equal(k_thread_join(holder, K_FOREVER), 0);
	zassert_equal(k_thread_join(contender, K_FOREVER), 0);
	zassert_equal(r[1], 0);
	zassert_equal(r[5], 0);
	zassert_equal(r[6], 0);
	zassert_equal(r[7], -EINVAL);
}

/* In a partition, as Zephyr's user-mode sys_mutex: no grant (a futex word, CONFIG_FUTEX). */
RESULT static struct sys_mutex user_sys_mutex;

static void sys_mutex_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_mutex_unlock(&user_sys_mutex);
	r[1] = sys_mutex_lock(&user_sys_mutex, K_NO_WAIT);
	r[2] = sys_mutex_lock(&user_sys_mutex, K_MSEC(1));
	r[3] = sys_mutex_unlock(&user_sys_mutex);
	r[4] = sys_mutex_unlock(&user_sys_mutex);
}

ZTEST(sys_sem_mutex, test_sys_mutex_from_user_mode) {
	sys_mutex_init(&user_sys_mutex);
	k_tid_t t = user_create(0, sys_mutex_calls, NULL, NULL, NULL, USER_PRIO, 0);

	run_to_end(t);
	zassert_equal(r[0], -EINVAL);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 0, "recursive");
	zassert_equal(r[3], 0);
	zassert_equal(r[4], 0);
	zassert_equal(sys_mutex_lock(&user_sys_mutex, K_NO_WAIT), 0, "left unlocked");
	zassert_equal(sys_mutex_unlock(&user_sys_mutex), 0);
}
