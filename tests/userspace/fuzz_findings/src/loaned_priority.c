/*
 * A priority lent to a mutex owner by a more urgent waiter is the owner's
 * only while the waiter waits: the owner can neither pass it on nor keep it.
 * Here the waiter is the test thread (supervisor, TEST_PRIO), the owner a user
 * thread created at OWNER_PRIO. (Found by the system call fuzzer,
 * tests/userspace/fuzz.)
 */
#include "user_util.h"

#define OWNER_PRIO (TEST_PRIO + 4)
#define LOAN       K_MSEC(2) /* how long the test thread waits for the owner's mutex */

K_MUTEX_DEFINE(lent);
K_MUTEX_DEFINE(other);
K_SEM_DEFINE(owner_ready, 0, 1);

RESULT static volatile int prio_after_loan;

/* User mode: hold @lent, let the test thread wait for it, then wait for the loan to end. */
static void hold_lent(void)
{
	k_mutex_lock(&lent, K_FOREVER);
	k_sem_give(&owner_ready); /* the test thread wakes and waits for lent */
}

/* User mode, while lent the test thread's priority: raise a sibling to it. */
static void pass_on(void *sibling, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	hold_lent();
	k_thread_priority_set(sibling, k_thread_priority_get(k_current_get()));
	k_msleep(5);
	k_mutex_unlock(&lent);
}

/* User mode, while lent the test thread's priority: lock another mutex, unlock it after. */
static void keep(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	hold_lent();
	k_mutex_lock(&other, K_FOREVER);
	k_msleep(5);
	k_mutex_unlock(&other);
	prio_after_loan = k_thread_priority_get(k_current_get());
	k_mutex_unlock(&lent);
}

static void never_runs(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* Wait for the owner's mutex: the loan ends by timeout, or with the owner (oopsed). */
static void lend(void)
{
	zassert_ok(k_sem_take(&owner_ready, K_FOREVER));
	int ret = k_mutex_lock(&lent, LOAN);

	zassert_true(ret == -EAGAIN || ret == -EOWNERDEAD, "the owner let go of the mutex (%d)",
		     ret);
	if (ret == -EOWNERDEAD) {
		k_mutex_unlock(&lent); /* the waiter gets the dead owner's mutex */
	}
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_sem_reset(&owner_ready);
}

ZTEST_SUITE(loaned_priority, NULL, NULL, before, NULL, NULL);

ZTEST(loaned_priority, test_loaned_priority_not_passed_on) {
	k_tid_t sibling = user_create(1, never_runs, NULL, NULL, NULL, OWNER_PRIO, 0);
	k_tid_t owner = user_create(0, pass_on, sibling, NULL, NULL, OWNER_PRIO, 0);

	k_thread_access_grant(owner, &lent, &owner_ready, sibling);
	/* The refusal of the raise is an oops of the owner: that is fine too. */
	ztest_set_fault_valid(true);
	k_thread_start(owner);
	lend();
	zassert_ok(k_thread_join(owner, K_FOREVER));
	ztest_set_fault_valid(false);
	zassert_true(k_thread_priority_get(sibling) >= OWNER_PRIO,
		     "a user thread of priority %d raised its sibling to %d with a lent priority",
		     OWNER_PRIO, k_thread_priority_get(sibling));
	k_thread_abort(sibling);
}

ZTEST(loaned_priority, test_loaned_priority_not_kept) {
	k_tid_t owner = user_create(0, keep, NULL, NULL, NULL, OWNER_PRIO, 0);

	k_thread_access_grant(owner, &lent, &other, &owner_ready);
	k_thread_start(owner);
	lend();
	zassert_ok(k_thread_join(owner, K_FOREVER));
	zassert_equal(prio_after_loan, OWNER_PRIO,
		      "a user thread of priority %d kept the lent priority %d after the loan",
		      OWNER_PRIO, prio_after_loan);
}
