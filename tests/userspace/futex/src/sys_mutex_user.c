/*
 * sys_mutex from user mode, in a partition: Zephyr's results (recursion,
 * -EBUSY, -EAGAIN, -EPERM, -EINVAL), priority inheritance through the lock
 * word (a low-priority owner runs at its most urgent waiter's priority until
 * it unlocks, and the lock goes straight to that waiter), and an owner that
 * ends holding the lock, with and without waiters.
 */
#include <zephyr/sys/mutex.h>
#include <zephyr/sys/sem.h>
#include "blocked.h"

#define LOW_PRIO  8
#define MID_PRIO  6
#define HIGH_PRIO 4

RESULT static struct sys_mutex m;
RESULT static struct sys_sem gate;
RESULT static volatile int r[8];
RESULT static volatile int prio_seen[8];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	sys_mutex_init(&m);
	zassert_ok(sys_sem_init(&gate, 0, 1));
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(prio_seen); i++) {
		prio_seen[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(sys_mutex_user, NULL, NULL, before, NULL, NULL);

static void basics(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_mutex_unlock(&m);
	r[1] = sys_mutex_lock(&m, K_NO_WAIT);
	r[2] = sys_mutex_lock(&m, K_FOREVER);
	r[3] = sys_mutex_unlock(&m);
	r[4] = sys_mutex_unlock(&m);
	r[5] = sys_mutex_unlock(&m);
}

static void try_other(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[6] = sys_mutex_lock(&m, K_NO_WAIT);
	r[7] = sys_mutex_lock(&m, K_MSEC(5)) | (sys_mutex_unlock(&m) == -EPERM ? 0 : 1);
}

ZTEST(sys_mutex_user, test_zephyr_results) {
	run_to_end(user_create(0, basics, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], -EINVAL, "nobody owns it");
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 0, "recursive");
	zassert_equal(r[3], 0);
	zassert_equal(r[4], 0);
	zassert_equal(r[5], -EINVAL);
	zassert_equal(atomic_get(&m.futex.val), 0);

	zassert_ok(sys_mutex_lock(&m, K_FOREVER)); /* a supervisor owner */
	run_to_end(user_create(0, try_other, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[6], -EBUSY);
	zassert_equal(r[7], -EAGAIN, "timed out, and not the owner");
	zassert_equal(atomic_get(&m.futex.val), (atomic_val_t)k_current_get(),
		      "the waiter that left took the waiters bit with it");
	zassert_ok(sys_mutex_unlock(&m));
	zassert_equal(atomic_get(&m.futex.val), 0);
}

/* The low-priority owner: lock, let the test go on, wait for the gate, unlock. */
static void low_owner(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_mutex_lock(&m, K_FOREVER);
	r[1] = sys_sem_take(&gate, K_FOREVER);
	prio_seen[0] = k_thread_priority_get(k_current_get());
	r[2] = sys_mutex_unlock(&m);
	prio_seen[1] = k_thread_priority_get(k_current_get());
}

static void contender(void *slot, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	int i = ARG_INT(slot);

	r[i] = sys_mutex_lock(&m, K_FOREVER);
	prio_seen[i - 1] = ((uintptr_t)atomic_get(&m.futex.val) & ~K_FUTEX_PI_WAITERS) ==
			   (uintptr_t)k_current_get();
	r[i + 1] = sys_mutex_unlock(&m);
}

ZTEST(sys_mutex_user, test_priority_inheritance) {
	k_tid_t low = user_create(0, low_owner, NULL, NULL, NULL, LOW_PRIO, 0);
	k_tid_t mid = user_create(1, contender, INT_ARG(4), NULL, NULL, MID_PRIO, 0);
	k_tid_t high = user_create(2, contender, INT_ARG(6), NULL, NULL, HIGH_PRIO, 0);

	k_thread_start(low);
	await_blocked(low, &r[0]);
	zassert_equal(r[0], 0);
	zassert_equal(atomic_get(&m.futex.val), (atomic_val_t)low, "the word names the owner");

	k_thread_start(mid);
	await_blocked(mid, NULL);
	zassert_equal(k_thread_priority_get(low), MID_PRIO, "boosted by the waiter");
	zassert_equal((uintptr_t)atomic_get(&m.futex.val), (uintptr_t)low | K_FUTEX_PI_WAITERS);
	k_thread_start(high);
	await_blocked(high, NULL);
	zassert_equal(k_thread_priority_get(low), HIGH_PRIO, "boosted by the more urgent one");

	zassert_ok(sys_sem_give(&gate));
	zassert_equal(k_thread_join(low, K_MSEC(200)), 0);
	zassert_equal(k_thread_join(high, K_MSEC(200)), 0);
	zassert_equal(k_thread_join(mid, K_MSEC(200)), 0);
	zassert_equal(prio_seen[0], HIGH_PRIO, "the owner ran boosted");
	zassert_equal(r[2], 0);
	zassert_equal(prio_seen[1], LOW_PRIO, "and unboosted once it unlocked");
	zassert_equal(r[6], 0, "handed to the most urgent waiter");
	zassert_equal(prio_seen[5], 1, "whose identity the kernel wrote in the word");
	zassert_equal(r[7], 0);
	zassert_equal(r[4], 0, "then to the other one");
	zassert_equal(prio_seen[3], 1);
	zassert_equal(r[5], 0);
	zassert_equal(atomic_get(&m.futex.val), 0);
}

/* Locks and waits at the gate, then faults holding the lock. */
static void dying_owner(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_mutex_lock(&m, K_FOREVER);
	(void)sys_sem_take(&gate, K_FOREVER);
	*(volatile int *)NULL = 1;
}

ZTEST(sys_mutex_user, test_owner_dies_with_waiters) {
	k_tid_t owner = user_create(0, dying_owner, NULL, NULL, NULL, LOW_PRIO, 0);
	k_tid_t w1 = user_create(1, contender, INT_ARG(4), NULL, NULL, HIGH_PRIO, 0);
	k_tid_t w2 = user_create(2, contender, INT_ARG(6), NULL, NULL, MID_PRIO, 0);

	k_thread_start(owner);
	await_blocked(owner, &r[0]);
	k_thread_start(w1);
	await_blocked(w1, NULL);
	k_thread_start(w2);
	await_blocked(w2, NULL);

	unsigned int faults = expect_fault(K_ERR_CPU_EXCEPTION);

	zassert_ok(sys_sem_give(&gate));
	join_faulted(owner, faults);
	zassert_equal(k_thread_join(w1, K_MSEC(200)), 0, "no waiter hangs");
	zassert_equal(k_thread_join(w2, K_MSEC(200)), 0);
	zassert_equal(r[4], -EOWNERDEAD, "the first waiter takes it over");
	zassert_equal(prio_seen[3], 1, "and owns it");
	zassert_equal(r[5], 0);
	zassert_equal(r[6], 0, "the next one gets it from that one");
	zassert_equal(r[7], 0);
	zassert_equal(atomic_get(&m.futex.val), 0);
}

static void lock_and_end(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_mutex_lock(&m, K_FOREVER);
}

ZTEST(sys_mutex_user, test_owner_ended_before_anyone_waited) {
	run_to_end(user_create(0, lock_and_end, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], 0);
	run_to_end(user_create(1, contender, INT_ARG(4), NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[4], -EOWNERDEAD, "a K_FOREVER lock of a dead owner's word returns");
	zassert_equal(r[5], 0);
	zassert_equal(atomic_get(&m.futex.val), 0);
	/* A supervisor thread too, with K_NO_WAIT. */
	run_to_end(user_create(0, lock_and_end, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(sys_mutex_lock(&m, K_NO_WAIT), -EOWNERDEAD);
	zassert_ok(sys_mutex_unlock(&m));
}

/* Two user threads each hold one lock and want the other's, forever: -EDEADLK. */
RESULT static struct sys_mutex m2;

static void cross(void *first, void *second, void *slot)
{
	int i = ARG_INT(slot);

	r[i] = sys_mutex_lock(first, K_FOREVER);
	(void)sys_sem_take(&gate, K_FOREVER);
	(void)sys_sem_give(&gate); /* the other one goes on too */
	r[i + 1] = sys_mutex_lock(second, K_FOREVER);
	if (r[i + 1] == 0) {
		(void)sys_mutex_unlock(second);
	}
	(void)sys_mutex_unlock(first);
}

ZTEST(sys_mutex_user, test_deadlock_refused) {
	sys_mutex_init(&m2);
	k_tid_t a = user_create(0, cross, &m, &m2, INT_ARG(0), MID_PRIO, 0);
	k_tid_t b = user_create(1, cross, &m2, &m, INT_ARG(2), HIGH_PRIO, 0);

	k_thread_start(a);
	await_blocked(a, &r[0]);
	k_thread_start(b);
	await_blocked(b, &r[2]);
	zassert_ok(sys_sem_give(&gate)); /* b goes first: waits for a's lock */
	zassert_equal(k_thread_join(a, K_MSEC(200)), 0);
	zassert_equal(k_thread_join(b, K_MSEC(200)), 0);
	zassert_equal(r[0], 0);
	zassert_equal(r[2], 0);
	zassert_true((r[1] == -EDEADLK) != (r[3] == -EDEADLK), "one of them is refused: %d %d",
		     r[1], r[3]);
	zassert_equal(atomic_get(&m.futex.val), 0);
	zassert_equal(atomic_get(&m2.futex.val), 0);
}
