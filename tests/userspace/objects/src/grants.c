/*
 * Grants: a user thread may use a kernel object only once it holds it.
 * Covers k_object_access_grant, k_object_access_revoke, k_object_release,
 * k_object_access_all_grant, K_INHERIT_PERMS and k_thread_access_grant with
 * several objects. (K_THREAD_ACCESS_GRANT: static_thread.c.)
 */
#include "user_util.h"

static struct k_sem sem_a;
static struct k_sem sem_b;
static struct k_sem gate;
static struct k_mutex mtx;

/* What a user thread got to: one step per completed call, values it read. */
RESULT static volatile int steps;
RESULT static volatile int seen_count;
RESULT static volatile int lock_ret;
RESULT static volatile int unlock_ret;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&sem_a, 0, 10), 0);
	zassert_equal(k_sem_init(&sem_b, 0, 10), 0);
	zassert_equal(k_sem_init(&gate, 0, 1), 0);
	zassert_equal(k_mutex_init(&mtx), 0);
	steps = 0;
	seen_count = NOT_REACHED;
	lock_ret = NOT_REACHED;
	unlock_ret = NOT_REACHED;
}

ZTEST_SUITE(obj_grants, NULL, NULL, before, NULL, NULL);

/* Gives @sem @n times, then reads its count. */
static void give_n(void *sem, void *n, void *unused)
{
	ARG_UNUSED(unused);
	for (int i = 0; i < ARG_INT(n); i++) {
		k_sem_give(sem);
		steps++;
	}
	seen_count = (int)k_sem_count_get(sem);
}

ZTEST(obj_grants, test_granted_object_usable) {
	k_tid_t t = user_create(0, give_n, &sem_a, INT_ARG(3), NULL, USER_PRIO, 0);

	k_object_access_grant(&sem_a, t);
	run_to_end(t);
	zassert_equal(steps, 3);
	zassert_equal(seen_count, 3);
	zassert_equal(k_sem_count_get(&sem_a), 3);
}

ZTEST(obj_grants, test_ungranted_object_oopses) {
	k_tid_t t = user_create(0, give_n, &sem_a, INT_ARG(1), NULL, USER_PRIO, 0);

	k_object_access_grant(&sem_b, t); /* another object: not enough */
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 0);
	zassert_equal(k_sem_count_get(&sem_a), 0);
}

/* Gives sem, waits at the gate, gives sem again. */
static void give_wait_give(void *sem, void *gate_sem, void *unused)
{
	ARG_UNUSED(unused);
	k_sem_give(sem);
	steps = 1;
	(void)k_sem_take(gate_sem, K_FOREVER);
	steps = 2;
	k_sem_give(sem);
	steps = 3;
}

ZTEST(obj_grants, test_revoke_then_use_oopses) {
	k_tid_t t = user_create(0, give_wait_give, &sem_a, &gate, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &sem_a, &gate);
	k_thread_start(t); /* more urgent: runs until it waits at the gate */
	zassert_equal(steps, 1);
	zassert_equal(k_sem_count_get(&sem_a), 1);

	k_object_access_revoke(&sem_a, t);
	unsigned int faults = expect_fault(K_ERR_KERNEL_OOPS);

	k_sem_give(&gate);
	join_faulted(t, faults);
	zassert_equal(steps, 2, "the second give went through after the revoke");
	zassert_equal(k_sem_count_get(&sem_a), 1);
}

/* Gives sem, lets go of it, gives it again. */
static void give_release_give(void *sem, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_sem_give(sem);
	steps = 1;
	k_object_release(sem);
	steps = 2;
	k_sem_give(sem);
	steps = 3;
}

ZTEST(obj_grants, test_release_then_use_oopses) {
	k_tid_t t = user_create(0, give_release_give, &sem_a, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&sem_a, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 2);
	/* A static object is not freed by a release: it still works. */
	zassert_equal(k_sem_count_get(&sem_a), 1);
	k_sem_give(&sem_a);
	zassert_equal(k_sem_count_get(&sem_a), 2);
}

/* Waits at the gate (granted), then gives the public semaphore once. */
static void wait_then_give(void *gate_sem, void *sem, void *unused)
{
	ARG_UNUSED(unused);
	(void)k_sem_take(gate_sem, K_FOREVER);
	k_sem_give(sem);
	steps++;
}

ZTEST(obj_grants, test_all_grant_reaches_every_thread) {
	static struct k_sem public_sem;

	zassert_equal(k_sem_init(&public_sem, 0, 10), 0);
	/* One thread exists before the object goes public, one is created after. */
	k_tid_t early = user_create(0, wait_then_give, &gate, &public_sem, NULL, USER_PRIO, 0);

	k_object_access_grant(&gate, early);
	k_thread_start(early);
	k_object_access_all_grant(&public_sem);
	k_tid_t late = user_create(1, give_n, &public_sem, INT_ARG(2), NULL, USER_PRIO, 0);

	run_to_end(late);
	zassert_equal(steps, 2);
	k_sem_give(&gate);
	zassert_equal(k_thread_join(early, K_FOREVER), 0);
	zassert_equal(steps, 3);
	zassert_equal(k_sem_count_get(&public_sem), 3);
}

/* K_INHERIT_PERMS: a supervisor parent holding sem_a creates three user children. */
static k_tid_t child_inherit, child_plain, child_inherit_other;

static void parent_entry(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	child_inherit =
	    user_create(1, give_n, &sem_a, INT_ARG(1), NULL, USER_PRIO, K_INHERIT_PERMS);
	child_plain = user_create(2, give_n, &sem_a, INT_ARG(1), NULL, USER_PRIO, 0);
	/* Inheriting gives what the parent holds, nothing more: not sem_b. */
	child_inherit_other =
	    user_create(3, give_n, &sem_b, INT_ARG(1), NULL, USER_PRIO, K_INHERIT_PERMS);
}

ZTEST(obj_grants, test_inherit_perms) {
	k_tid_t parent = pool_create(0, parent_entry, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&sem_a, parent);
	run_to_end(parent);

	/* The parent has ended: what the child inherited was copied at creation. */
	run_to_end(child_inherit);
	zassert_equal(steps, 1);
	zassert_equal(k_sem_count_get(&sem_a), 1);

	run_expect_fault(child_plain, K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1);
	zassert_equal(k_sem_count_get(&sem_a), 1);

	run_expect_fault(child_inherit_other, K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1);
	zassert_equal(k_sem_count_get(&sem_b), 0);
}

/* Uses each granted object, then one that was not in the list. */
static void use_three_then_fourth(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sem_give(&sem_a);
	steps = 1;
	k_sem_give(&sem_b);
	steps = 2;
	lock_ret = k_mutex_lock(&mtx, K_NO_WAIT);
	unlock_ret = k_mutex_unlock(&mtx);
	steps = 3;
	k_sem_give(&gate);
	steps = 4;
}

ZTEST(obj_grants, test_thread_access_grant_several) {
	k_tid_t t = user_create(0, use_three_then_fourth, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &sem_a, &sem_b, &mtx);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 3, "stopped at step %d", steps);
	zassert_equal(lock_ret, 0);
	zassert_equal(unlock_ret, 0);
	zassert_equal(k_sem_count_get(&sem_a), 1);
	zassert_equal(k_sem_count_get(&sem_b), 1);
	zassert_equal(k_sem_count_get(&gate), 0);
}
