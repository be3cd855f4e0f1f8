/*
 * Mutex basics: lock/unlock, K_MUTEX_DEFINE, recursive locking, every error
 * code, the direct hand-off of ownership to the most urgent waiter, and the
 * unlock of the mutexes of a thread that ends (-EOWNERDEAD to their waiters).
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

static struct k_mutex mutex;
static struct k_sem release_sem;

K_MUTEX_DEFINE(static_mutex);

static volatile int helper_lock_ret;
static volatile int helper_unlock_ret;

static void try_lock_unlock(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helper_lock_ret = k_mutex_lock(p1, K_NO_WAIT);
	if (helper_lock_ret == 0) {
		helper_unlock_ret = k_mutex_unlock(p1);
	}
}

/* Lock @p2 for as long as release_sem is not given; log @p1 on taking it. */
static void lock_hold_unlock(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	event('w');
	if (k_mutex_lock(p2, K_FOREVER) != 0) {
		return;
	}
	event(ARG_LETTER(p1));
	k_sem_take(&release_sem, K_FOREVER);
	helper_unlock_ret = k_mutex_unlock(p2);
}

/* Lock @p2, log @p1, unlock at once. */
static void lock_log_unlock(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	if (k_mutex_lock(p2, K_FOREVER) == 0) {
		event(ARG_LETTER(p1));
		k_mutex_unlock(p2);
	}
}

ZTEST(mutex_basic, test_lock_unlock) {
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	zassert_equal(k_mutex_lock(&mutex, K_FOREVER), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	zassert_equal(k_mutex_lock(&mutex, K_MSEC(10)), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
}

ZTEST(mutex_basic, test_static_define) {
	zassert_equal(k_mutex_lock(&static_mutex, K_NO_WAIT), 0);
	helper_lock_ret = 1;
	spawn(try_lock_unlock, &static_mutex, NULL, TEST_PRIO - 1);
	zassert_equal(helper_lock_ret, -EBUSY);
	zassert_equal(k_mutex_unlock(&static_mutex), 0);

	helper_lock_ret = helper_unlock_ret = 1;
	spawn(try_lock_unlock, &static_mutex, NULL, TEST_PRIO - 1);
	zassert_equal(helper_lock_ret, 0);
	zassert_equal(helper_unlock_ret, 0);
}

ZTEST(mutex_basic, test_recursive) {
	for (int i = 0; i < 3; i++) {
		zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	}
	/* A more urgent thread blocks on it and must wait for the third unlock. */
	spawn(lock_log_unlock, LETTER_ARG('H'), &mutex, TEST_PRIO - 1);
	for (int i = 0; i < 3; i++) {
		event('u');
		zassert_equal(k_mutex_unlock(&mutex), 0);
	}
	event('e');
	zassert_events("uuuHe");
	zassert_equal(k_mutex_unlock(&mutex), -EINVAL);
}

ZTEST(mutex_basic, test_recursive_no_wait_probe) {
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	/* A timeout rather than K_FOREVER: without recursion this must not hang the run. */
	zassert_equal(k_mutex_lock(&mutex, K_MSEC(100)), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	helper_lock_ret = 1;
	spawn(try_lock_unlock, &mutex, NULL, TEST_PRIO - 1);
	zassert_equal(helper_lock_ret, -EBUSY, "still held once");
	zassert_equal(k_mutex_unlock(&mutex), 0);
	helper_lock_ret = 1;
	spawn(try_lock_unlock, &mutex, NULL, TEST_PRIO - 1);
	zassert_equal(helper_lock_ret, 0);
}

ZTEST(mutex_basic, test_ebusy_held_by_other) {
	spawn(lock_hold_unlock, LETTER_ARG('O'), &mutex, TEST_PRIO - 1);
	zassert_events("wO");
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), -EBUSY);
	k_sem_give(&release_sem);
	zassert_equal(helper_unlock_ret, 0);
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
}

ZTEST(mutex_basic, test_eagain_on_timeout) {
	spawn(lock_hold_unlock, LETTER_ARG('O'), &mutex, TEST_PRIO - 1);
	uint32_t start = k_cycle_get_32();
	int ret = k_mutex_lock(&mutex, K_MSEC(20));
	uint32_t waited = k_cycle_get_32() - start;

	zassert_equal(ret, -EAGAIN);
	zassert_true(waited >= MS_TO_CYC(20) && waited < MS_TO_CYC(20) + MS_TO_CYC(1) / 20U,
		     "waited %u cycles", (unsigned int)waited);
	/* Still the other thread's. */
	zassert_equal(k_mutex_unlock(&mutex), -EPERM);
}

ZTEST(mutex_basic, test_lock_timeout_succeeds_in_time) {
	spawn(lock_hold_unlock, LETTER_ARG('O'), &mutex, TEST_PRIO + 1);
	k_msleep(1);
	k_sem_give(&release_sem); /* the holder unlocks when it next runs */
	uint32_t start = k_cycle_get_32();

	zassert_equal(k_mutex_lock(&mutex, K_MSEC(20)), 0);
	zassert_true(k_cycle_get_32() - start < MS_TO_CYC(1));
	zassert_equal(k_mutex_unlock(&mutex), 0);
	/* The holder's unlock handed over and switched before it could record. */
	zassert_equal(helper_unlock_ret, 1);
	k_msleep(1);
	zassert_equal(helper_unlock_ret, 0);
}

ZTEST(mutex_basic, test_einval_unlock_unlocked) {
	zassert_equal(k_mutex_unlock(&mutex), -EINVAL);
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	zassert_equal(k_mutex_unlock(&mutex), -EINVAL);
}

ZTEST(mutex_basic, test_eperm_unlock_not_owner) {
	spawn(lock_hold_unlock, LETTER_ARG('O'), &mutex, TEST_PRIO - 1);
	zassert_equal(k_mutex_unlock(&mutex), -EPERM);
	/* The failed unlock changed nothing. */
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), -EBUSY);
	k_sem_give(&release_sem);
	zassert_equal(helper_unlock_ret, 0);
}

ZTEST(mutex_basic, test_handoff_to_most_urgent_waiter) {
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	/* W4 starts waiting before W3, but W3 is more urgent. */
	spawn(lock_hold_unlock, LETTER_ARG('4'), &mutex, TEST_PRIO + 4);
	k_msleep(1);
	spawn(lock_hold_unlock, LETTER_ARG('3'), &mutex, TEST_PRIO + 3);
	k_msleep(1);
	zassert_events("ww");
	zassert_equal(k_mutex_unlock(&mutex), 0);
	/* Already W3's, though it has not run yet. */
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), -EBUSY);
	zassert_equal(k_mutex_unlock(&mutex), -EPERM);
	k_sem_give(&release_sem);
	k_sem_give(&release_sem);
	k_msleep(1);
	zassert_events("ww34");
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
}

ZTEST(mutex_basic, test_handoff_fifo_among_equals) {
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	spawn(lock_log_unlock, LETTER_ARG('A'), &mutex, TEST_PRIO + 2);
	spawn(lock_log_unlock, LETTER_ARG('B'), &mutex, TEST_PRIO + 2);
	spawn(lock_log_unlock, LETTER_ARG('C'), &mutex, TEST_PRIO + 2);
	k_msleep(1);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	k_msleep(1);
	zassert_events("ABC");
}

static volatile int waiter_ret[2];

/* Lock @p2 with a 50 ms timeout, record the result in slot @p1. */
static void timed_lock(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	waiter_ret[(uintptr_t)p1] = k_mutex_lock(p2, K_MSEC(50));
}

/*
 * Breeze's rule, with or without user mode (Zephyr leaves them waiting): when
 * the owner ends, its mutexes are unlocked and their waiters get -EOWNERDEAD.
 */
ZTEST(mutex_basic, test_owner_end_wakes_waiters_with_eownerdead) {
	k_tid_t owner = spawn(lock_hold_unlock, LETTER_ARG('O'), &mutex, TEST_PRIO - 1);

	waiter_ret[0] = waiter_ret[1] = 1;
	spawn(timed_lock, (void *)0, &mutex, TEST_PRIO + 1);
	spawn(timed_lock, (void *)1, &mutex, TEST_PRIO + 2);
	k_msleep(1);
	k_thread_abort(owner);
	k_msleep(1);
	zassert_equal(waiter_ret[0], -EOWNERDEAD, "first waiter got %d", waiter_ret[0]);
	zassert_equal(waiter_ret[1], -EOWNERDEAD, "second waiter got %d", waiter_ret[1]);
	/* Unlocked, and nobody's. */
	zassert_equal(k_mutex_unlock(&mutex), -EINVAL);
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_mutex_unlock(&mutex), 0);
}

/* A thread that returns from its entry point while holding a mutex ends like an aborted one. */
static void lock_and_return(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_equal(k_mutex_lock(p1, K_NO_WAIT), 0);
}

ZTEST(mutex_basic, test_owner_return_unlocks) {
	spawn(lock_and_return, &mutex, NULL, TEST_PRIO - 1); /* runs, locks and ends at once */
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0, "still held by an ended thread");
	zassert_equal(k_mutex_unlock(&mutex), 0);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mutex_init(&mutex), 0);
	zassert_equal(k_sem_init(&release_sem, 0, 4), 0);
	helper_lock_ret = helper_unlock_ret = 1;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(mutex_basic, NULL, NULL, before, after, NULL);
