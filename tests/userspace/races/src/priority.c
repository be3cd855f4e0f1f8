/*
 * No priority escalation through inheritance.
 *
 * A user thread that holds a mutex a more urgent thread waits for runs at
 * that thread's priority. The verifiers of k_thread_create() and
 * k_thread_priority_set() compared against that boosted priority, so the
 * owner could give any thread the waiter's priority for good. They must
 * compare against the caller's base priority, the one it asked for; and the
 * base priority must survive the boost: set while boosted, it is what the
 * thread gets back when it unlocks.
 */
#include "race.h"

#define OWNER_PRIO  (RACE_PRIO_BODY - 2)
#define WAITER_PRIO (RACE_PRIO_BODY - 7)
#define TARGET_PRIO (RACE_PRIO_BODY + 4)

K_MUTEX_DEFINE(prio_mutex);
K_SEM_DEFINE(prio_gate, 0, 1);
K_THREAD_STACK_DEFINE(owner_stack, RACE_STACK_SIZE);
K_THREAD_STACK_DEFINE(waiter_stack, RACE_STACK_SIZE);
K_THREAD_STACK_DEFINE(prio_target_stack, 512);
K_THREAD_STACK_DEFINE(prio_child_stack, 512);
static struct k_thread owner;
static struct k_thread waiter;
static struct k_thread target;
static struct k_thread child;

RACE_DATA static volatile int seen[4];
RACE_DATA static volatile int waiter_ret;

/* Supervisor thread more urgent than the owner: waits for the mutex. */
static void wait_for_mutex(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	waiter_ret = k_mutex_lock(&prio_mutex, K_FOREVER);
	if (waiter_ret == 0) {
		k_mutex_unlock(&prio_mutex);
	}
}

/*
 * Run @boosted_part in a user thread at OWNER_PRIO that holds the mutex while
 * a supervisor thread at WAITER_PRIO waits for it. Returns the faults it had.
 */
static unsigned int run_boosted(k_thread_entry_t owner_entry, bool fault_expected)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(seen); i++) {
		seen[i] = 0;
	}
	waiter_ret = 1;
	RACE_UNSTARTED(&target, prio_target_stack, TARGET_PRIO);
	k_tid_t o = k_thread_create(&owner, owner_stack, RACE_STACK_SIZE, owner_entry, NULL, NULL,
				    NULL, OWNER_PRIO, K_USER, K_FOREVER);

	k_thread_access_grant(o, &prio_mutex, &prio_gate, &target, &child, prio_child_stack);
	k_thread_start(o); /* locks the mutex, then waits at the gate */
	k_thread_create(&waiter, waiter_stack, RACE_STACK_SIZE, wait_for_mutex, NULL, NULL, NULL,
			WAITER_PRIO, 0, K_NO_WAIT); /* blocks on the mutex: the owner is boosted */
	zassert_equal(k_thread_priority_get(o), WAITER_PRIO, "the owner was not boosted");

	unsigned int faults = ztest_fault_count();

	if (fault_expected) {
		ztest_expect_fault(K_ERR_KERNEL_OOPS);
	}
	k_sem_give(&prio_gate);
	zassert_equal(k_thread_join(o, K_FOREVER), 0);
	zassert_equal(k_thread_join(&waiter, K_FOREVER), 0);
	ztest_set_fault_valid(false);
	k_thread_abort(&target);
	k_thread_abort(&child);
	return ztest_fault_count() - faults;
}

ZTEST_SUITE(race_priority, NULL, NULL, NULL, NULL, NULL);

static void raise_target(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&prio_mutex, K_FOREVER);
	k_sem_take(&prio_gate, K_FOREVER);
	k_thread_priority_set(&target, WAITER_PRIO);
	seen[0] = 1;
	k_mutex_unlock(&prio_mutex);
}

ZTEST(race_priority, test_priority_set_limited_to_base) {
	zassert_equal(run_boosted(raise_target, true), 1, "raised a thread above its base");
	zassert_equal(seen[0], 0);
	zassert_equal(k_thread_priority_get(&target), TARGET_PRIO);
	zassert_equal(waiter_ret, -EOWNERDEAD);
}

static void create_urgent(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&prio_mutex, K_FOREVER);
	k_sem_take(&prio_gate, K_FOREVER);
	RACE_UNSTARTED(&child, prio_child_stack, WAITER_PRIO);
	seen[0] = 1;
	k_mutex_unlock(&prio_mutex);
}

ZTEST(race_priority, test_create_limited_to_base) {
	zassert_equal(run_boosted(create_urgent, true), 1, "created a thread above its base");
	zassert_equal(seen[0], 0);
	zassert_equal(waiter_ret, -EOWNERDEAD);
}

/* Lowers its own base priority while boosted, creates at that base, unlocks. */
static void lower_while_boosted(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_tid_t self = k_current_get();

	k_mutex_lock(&prio_mutex, K_FOREVER);
	k_sem_take(&prio_gate, K_FOREVER);
	seen[0] = k_thread_priority_get(self);
	k_thread_priority_set(self, OWNER_PRIO + 1);
	seen[1] = k_thread_priority_get(self);
	RACE_UNSTARTED(&child, prio_child_stack, OWNER_PRIO + 1);
	k_mutex_unlock(&prio_mutex); /* the waiter runs, and ends */
	seen[2] = k_thread_priority_get(self);
	seen[3] = 1;
}

ZTEST(race_priority, test_base_priority_survives_boost) {
	zassert_equal(run_boosted(lower_while_boosted, false), 0);
	zassert_equal(seen[3], 1);
	zassert_equal(seen[0], WAITER_PRIO, "not boosted: %d", seen[0]);
	zassert_equal(seen[1], WAITER_PRIO, "lowering the base dropped the boost: %d", seen[1]);
	zassert_equal(seen[2], OWNER_PRIO + 1, "back at %d, not at the base set", seen[2]);
	zassert_equal(waiter_ret, 0);
}
