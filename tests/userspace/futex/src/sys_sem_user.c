/*
 * sys_sem from user mode, in a partition (Zephyr's form): init's limits,
 * counting up to the limit (-EAGAIN beyond), K_NO_WAIT (-EBUSY), timeouts
 * (-EAGAIN), gives waking waiters one each, and a word another sharer filled
 * with garbage.
 */
#include <zephyr/sys/sem.h>
#include "blocked.h"

RESULT_DATA SYS_SEM_DEFINE(defined_sem, 2, 3);
RESULT static struct sys_sem sem;
RESULT static volatile int r[8];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(sys_sem_user, NULL, NULL, before, NULL, NULL);

static void counting(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_sem_init(&sem, 0, 0);
	r[1] = sys_sem_init(&sem, 3, 2);
	r[2] = sys_sem_init(&sem, 0, 2);
	r[3] = sys_sem_give(&sem) | sys_sem_give(&sem);
	r[4] = sys_sem_give(&sem);
	r[5] = (int)sys_sem_count_get(&sem);
	r[6] = sys_sem_take(&sem, K_NO_WAIT) | sys_sem_take(&sem, K_MSEC(1));
	r[7] = sys_sem_take(&sem, K_NO_WAIT);
}

ZTEST(sys_sem_user, test_counting_and_limits) {
	run_to_end(user_create(0, counting, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], -EINVAL, "limit 0");
	zassert_equal(r[1], -EINVAL, "initial count above the limit");
	zassert_equal(r[2], 0);
	zassert_equal(r[3], 0);
	zassert_equal(r[4], -EAGAIN, "at the limit");
	zassert_equal(r[5], 2);
	zassert_equal(r[6], 0);
	zassert_equal(r[7], -EBUSY);
	zassert_equal(sys_sem_count_get(&defined_sem), 2, "SYS_SEM_DEFINE's count");
	zassert_equal(sys_sem_init(&sem, 0, (unsigned int)INT_MAX + 1U), -EINVAL);
}

static void taker(void *slot, void *ms, void *unused)
{
	ARG_UNUSED(unused);
	k_timeout_t t = ARG_INT(ms) < 0 ? K_FOREVER : K_MSEC(ARG_INT(ms));

	r[ARG_INT(slot)] = sys_sem_take(&sem, t);
}

ZTEST(sys_sem_user, test_timeout_and_waiters) {
	zassert_ok(sys_sem_init(&sem, 0, 10));
	run_to_end(user_create(0, taker, INT_ARG(0), INT_ARG(10), NULL, USER_PRIO, 0));
	zassert_equal(r[0], -EAGAIN, "timed out");

	k_tid_t t[3];

	for (int i = 0; i < 3; i++) {
		t[i] = user_create(i, taker, INT_ARG(i + 1), INT_ARG(-1), NULL, USER_PRIO, 0);
		k_thread_start(t[i]);
		await_blocked(t[i], NULL);
	}
	/* Each give lets exactly one waiter through. */
	for (int i = 0; i < 3; i++) {
		zassert_ok(sys_sem_give(&sem));
		zassert_equal(k_thread_join(t[i], K_MSEC(100)), 0, "waiter %d", i);
		zassert_equal(r[i + 1], 0);
		for (int j = i + 1; j < 3; j++) {
			zassert_equal(r[j + 1], NOT_REACHED, "waiter %d still waits", j);
		}
	}
	zassert_equal(sys_sem_count_get(&sem), 0);
	zassert_ok(sys_sem_give(&sem));
	zassert_equal(sys_sem_count_get(&sem), 1, "a give with nobody left counts");
}

/* A sharer wrote garbage into the word: the others are delayed, never worse. */
static void after_garbage(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	atomic_set(&sem.futex.val, -100);
	r[0] = sys_sem_take(&sem, K_MSEC(2));
	r[1] = sys_sem_give(&sem);
	r[2] = sys_sem_take(&sem, K_NO_WAIT);
	atomic_set(&sem.futex.val, INT_MAX);
	r[3] = sys_sem_give(&sem);
	r[4] = sys_sem_take(&sem, K_NO_WAIT);
}

ZTEST(sys_sem_user, test_garbage_in_the_word) {
	zassert_ok(sys_sem_init(&sem, 0, 3));
	run_to_end(user_create(0, after_garbage, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], -EAGAIN, "reads as none left");
	zassert_equal(r[1], 0, "a give repairs it");
	zassert_equal(r[2], 0);
	zassert_equal(r[3], -EAGAIN, "above the limit");
	zassert_equal(r[4], 0);
}
