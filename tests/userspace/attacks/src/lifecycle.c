/*
 * A fault leaks nothing: a thread that dies holding a k_mutex frees it (its
 * waiter gets -EOWNERDEAD, Breeze's rule, and the mutex can be locked again),
 * whether it died of an access fault or of a refused system call; its grants
 * are cleared, so a new thread in the same struct k_thread, or one reusing its
 * permission index, cannot use what it held, nor receive what is granted to
 * the dead thread's object afterwards; and the kernel objects it allocated
 * return to the pool.
 */
#include "attack.h"

static volatile uint32_t kernel_secret = 0x6b5ec2e7U;

static K_MUTEX_DEFINE(shared_mutex);
static K_SEM_DEFINE(locked_sem, 0, 1);
static K_SEM_DEFINE(proceed_sem, 0, 1);
static K_SEM_DEFINE(held_sem, 0, 1);
static K_SEM_DEFINE(never_granted_sem, 0, 1);
static K_SEM_DEFINE(gift_sem, 0, 1);

static struct k_thread newcomer_thread;
static K_THREAD_STACK_DEFINE(newcomer_stack, ATTACK_STACK_SIZE);

#define WAITER_PRIO K_PRIO_PREEMPT(0) /* runs as soon as it is woken */

struct waiter_log {
	volatile int first_lock;
	volatile int second_lock;
	volatile int unlock;
	volatile uint32_t done;
};

K_APP_BMEM(attacker_part) static struct waiter_log waiter_log;

/* How the mutex owner dies. */
enum death {
	DEATH_ACCESS_FAULT,
	DEATH_REFUSED_CALL,
};

static void die(enum death how)
{
	attack_arm();
	if (how == DEATH_ACCESS_FAULT) {
		attack_log.loot = kernel_secret;
	} else {
		k_sem_give(&never_granted_sem);
	}
}

/* Attacker: take the mutex, say so, wait for the go, die holding it. */
static void lock_then_die(void *how)
{
	attack_log.loot = (uintptr_t)k_mutex_lock(&shared_mutex, K_FOREVER);
	k_sem_give(&locked_sem);
	(void)k_sem_take(&proceed_sem, K_FOREVER);
	die((enum death)(uintptr_t)how);
}

static void waiter_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	waiter_log.first_lock = k_mutex_lock(&shared_mutex, K_MSEC(500));
	waiter_log.second_lock = k_mutex_lock(&shared_mutex, K_NO_WAIT);
	waiter_log.unlock = k_mutex_unlock(&shared_mutex);
	waiter_log.done = 1U;
}

static void owner_dies_holding_mutex(enum death how)
{
	k_sem_reset(&locked_sem);
	k_sem_reset(&proceed_sem);
	waiter_log = (struct waiter_log){ 1, 1, 1, 0 };

	attack_prepare(&attacker_thread, attacker_stack, lock_then_die, (void *)(uintptr_t)how,
		       ATTACK_GRANTS(&shared_mutex, &locked_sem, &proceed_sem));
	attack_start(&attacker_thread,
		     how == DEATH_ACCESS_FAULT ? K_ERR_CPU_EXCEPTION : K_ERR_KERNEL_OOPS);
	zassert_ok(k_sem_take(&locked_sem, END_TIMEOUT), "the attacker did not take the mutex");
	zassert_equal(attack_log.loot, 0U);

	/* More urgent than the test: it blocks on the mutex before we go on. */
	user_thread_create(&probe_thread, probe_stack, waiter_entry, NULL, NULL, WAITER_PRIO,
			   ATTACK_GRANTS(&shared_mutex));
	k_thread_start(&probe_thread);
	zassert_equal(waiter_log.done, 0U, "the waiter did not wait");

	k_sem_give(&proceed_sem);
	attack_finish(&attacker_thread);

	zassert_ok(k_thread_join(&probe_thread, END_TIMEOUT), "the waiter did not end");
	zassert_equal(waiter_log.done, 1U);
	zassert_equal(waiter_log.first_lock, -EOWNERDEAD, "the waiter got %d",
		      waiter_log.first_lock);
	zassert_equal(waiter_log.second_lock, 0, "the mutex could not be locked again");
	zassert_equal(waiter_log.unlock, 0);

	/* Free for the supervisor too. */
	zassert_ok(k_mutex_lock(&shared_mutex, K_NO_WAIT));
	zassert_ok(k_mutex_unlock(&shared_mutex));
}

static void sem_give(void *sem)
{
	attack_arm();
	k_sem_give(sem);
}

/* Use the grant once (legitimately), then fault. */
static void give_then_die(void *sem)
{
	k_sem_give(sem);
	attack_log.loot = 1U;
	die(DEATH_ACCESS_FAULT);
}

static void alloc_then_die(void *arg)
{
	ARG_UNUSED(arg);
	attack_log.loot = (uintptr_t)k_object_alloc(K_OBJ_SEM);
	if (attack_log.loot == 0U) {
		return; /* not armed: the test fails */
	}
	die(DEATH_ACCESS_FAULT);
}

static void end_at_once(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static void grant_gift(void *thread)
{
	attack_arm();
	k_object_access_grant(&gift_sem, thread);
}

ATTACK_SUITE(attacks_lifecycle);

ZTEST(attacks_lifecycle, test_mutex_owner_dies_of_access_fault) {
	owner_dies_holding_mutex(DEATH_ACCESS_FAULT);
}

ZTEST(attacks_lifecycle, test_mutex_owner_dies_of_refused_call) {
	owner_dies_holding_mutex(DEATH_REFUSED_CALL);
}

ZTEST(attacks_lifecycle, test_grants_cleared_same_thread_storage) {
	k_sem_reset(&held_sem);
	attack_run(K_ERR_CPU_EXCEPTION, give_then_die, &held_sem, ATTACK_GRANTS(&held_sem));
	zassert_equal(attack_log.loot, 1U);
	zassert_equal(k_sem_count_get(&held_sem), 1U, "the legitimate give was lost");

	/* A new thread in the same struct k_thread and stack, granted nothing. */
	attack_run(K_ERR_KERNEL_OOPS, sem_give, &held_sem, NULL);
	zassert_equal(k_sem_count_get(&held_sem), 1U, "the new thread used a dead thread's grant");
	k_sem_reset(&held_sem);
}

/* The next thread created most likely gets the dead thread's permission index. */
ZTEST(attacks_lifecycle, test_grants_cleared_other_thread_storage) {
	k_sem_reset(&held_sem);
	attack_run(K_ERR_CPU_EXCEPTION, give_then_die, &held_sem, ATTACK_GRANTS(&held_sem));
	zassert_equal(k_sem_count_get(&held_sem), 1U);

	attack_prepare(&probe_thread, probe_stack, sem_give, &held_sem, NULL);
	attack_launch(&probe_thread, K_ERR_KERNEL_OOPS);
	zassert_equal(k_sem_count_get(&held_sem), 1U, "the new thread used a dead thread's grant");
	k_sem_reset(&held_sem);
}

/* Twice as many rounds as the pool has objects: each dead thread's object came back. */
ZTEST(attacks_lifecycle, test_allocations_freed) {
	for (unsigned int i = 0; i < 2U * CONFIG_DYNAMIC_OBJECTS_POOL_SIZE; i++) {
		attack_run(K_ERR_CPU_EXCEPTION, alloc_then_die, NULL, NULL);
		zassert_not_equal(attack_log.loot, 0U, "round %u: the pool is exhausted", i);
	}
}

/*
 * The attacker holds the gift and a thread object whose thread has ended (a
 * user thread may still name it: to join it, say). It grants the gift to that
 * object. The kernel may refuse (an oops) or do nothing, but the thread that
 * now has the dead thread's permission index must not receive the gift.
 */
ZTEST(attacks_lifecycle, test_grant_to_dead_thread) {
	/* Created first, so its index is the lowest to come free when it ends. */
	user_thread_create(&probe_thread, probe_stack, end_at_once, NULL, NULL, ATTACKER_PRIO,
			   NULL);
	unsigned int dead_index = probe_thread.userspace.perm_index;

	attack_prepare(&attacker_thread, attacker_stack, grant_gift, &probe_thread,
		       ATTACK_GRANTS(&gift_sem, &probe_thread));
	k_thread_start(&probe_thread);
	zassert_ok(k_thread_join(&probe_thread, END_TIMEOUT));

	attack_prepare(&newcomer_thread, newcomer_stack, sem_give, &gift_sem, NULL);
	zassume_equal(newcomer_thread.userspace.perm_index, dead_index,
		      "the newcomer did not get the dead thread's index: nothing to show");

	unsigned int faults = ztest_fault_count();

	attack_log.armed = 0U;
	ztest_set_fault_valid(true); /* refusing the grant is fine */
	k_thread_start(&attacker_thread);
	zassert_ok(k_thread_join(&attacker_thread, END_TIMEOUT));
	ztest_set_fault_valid(false);
	zassert_true(attack_log.armed);
	zassert_true(ztest_fault_count() - faults <= 1U);

	k_sem_reset(&gift_sem);
	attack_launch(&newcomer_thread, K_ERR_KERNEL_OOPS);
	zassert_equal(k_sem_count_get(&gift_sem), 0U,
		      "the newcomer got what was granted to a dead thread");
}
