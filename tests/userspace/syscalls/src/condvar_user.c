/*
 * k_condvar from user mode: a user thread initialises a granted condvar (and
 * again, once idle), signals and broadcasts it, waits with a mutex until a
 * timeout or a supervisor's signal (holding the mutex again either way), and
 * is refused a wait without the mutex.
 */
#include "user_util.h"

static struct k_condvar fresh;
static struct k_condvar condvar;
static struct k_mutex mutex;

RESULT static volatile int r[10];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_condvar_init(&condvar);
	k_mutex_init(&mutex);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(sys_condvar, NULL, NULL, before, NULL, NULL);

static void condvar_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_condvar_init(&fresh);
	r[1] = k_condvar_signal(&fresh);
	r[2] = k_condvar_broadcast(&fresh);
	r[3] = k_condvar_wait(&fresh, &mutex, K_MSEC(1)); /* not held */
	r[4] = k_mutex_lock(&mutex, K_NO_WAIT);
	r[5] = k_condvar_wait(&fresh, &mutex, K_MSEC(1));
	r[6] = k_mutex_unlock(&mutex);
	r[7] = k_condvar_init(&fresh); /* again, idle: allowed */
}

ZTEST(sys_condvar, test_condvar_calls_from_user_mode) {
	k_tid_t t = user_create(0, condvar_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &fresh, &mutex);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], -EINVAL);
	zassert_equal(r[4], 0);
	zassert_equal(r[5], -EAGAIN);
	zassert_equal(r[6], 0, "the mutex was held again after the timeout");
	zassert_equal(r[7], 0);
}

static void condvar_waiter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_mutex_lock(&mutex, K_FOREVER);
	r[0] = k_condvar_wait(&condvar, &mutex, K_FOREVER);
	r[1] = k_mutex_unlock(&mutex);
}

ZTEST(sys_condvar, test_user_waiter_signalled) {
	k_tid_t t = user_create(0, condvar_waiter, NULL, NULL, NULL, TEST_PRIO - 1, 0);

	k_thread_access_grant(t, &condvar, &mutex);
	k_thread_start(t);
	wait_until_waiting(t, NULL); /* in k_condvar_wait(), the mutex released */
	zassert_equal(r[0], NOT_REACHED);
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0, "the waiter kept the mutex");
	zassert_equal(k_condvar_signal(&condvar), 0);
	zassert_equal(r[0], NOT_REACHED, "woken before the mutex was free");
	k_mutex_unlock(&mutex);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0);
}
