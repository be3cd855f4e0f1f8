/*
 * A user thread killed inside a system call must leave no half-made kernel
 * state behind. Here a sibling user thread, which holds it, kills a thread in
 * the middle of k_thread_create(): the kill moves one timer cycle (100
 * instructions) further into the call at each try, so together the tries
 * cover the whole call. Afterwards every thread object must take a new thread
 * again. (Found by the system call fuzzer, tests/userspace/fuzz.)
 */
#include "user_util.h"

#define TRIES        60
#define VICTIM_SIZE  512
#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define EARLY        20 /* cycles: the first tries kill the creator before it calls */

/* One thread object and stack per try, so that a try cannot spoil the next. */
static struct k_thread victims[TRIES];
K_THREAD_STACK_ARRAY_DEFINE(victim_stacks, TRIES, VICTIM_SIZE);

RESULT static volatile uint32_t start_at; /* cycle at which the creator calls */
RESULT static volatile bool entered;
RESULT static volatile bool returned;

static void nothing(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* User mode: at start_at, create a thread on victims[i]. */
static void creator(void *i, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	int n = (int)(intptr_t)i;

	while ((int32_t)(k_cycle_get_32() - start_at) < 0) {
	}
	entered = true;
	k_thread_create(&victims[n], victim_stacks[n], VICTIM_SIZE, nothing, NULL, NULL, NULL,
			TEST_PRIO + 2, K_USER, K_FOREVER);
	returned = true;
}

/* User mode, more urgent than the creator: a tick from now, kill it. */
static void killer(void *creator_tid, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_TICKS(1));
	k_thread_abort(creator_tid);
}

/* User mode: a thread on @t and @stack, waited for. */
static void create_on(void *t, void *stack, void *p3)
{
	ARG_UNUSED(p3);
	k_thread_create(t, stack, VICTIM_SIZE, nothing, NULL, NULL, NULL, USER_PRIO, K_USER,
			K_NO_WAIT);
	(void)k_thread_join(t, K_FOREVER);
}

ZTEST_SUITE(killed_creator, NULL, NULL, NULL, NULL, NULL);

ZTEST(killed_creator, test_creator_killed_anywhere_in_k_thread_create) {
	int cut = 0;

	for (int i = 0; i < TRIES; i++) {
		/* A used, dead thread object: what a user thread may create on. */
		k_thread_create(&victims[i], victim_stacks[i], VICTIM_SIZE, nothing, NULL, NULL,
				NULL, USER_PRIO, 0, K_NO_WAIT);
		zassert_ok(k_thread_join(&victims[i], K_FOREVER));

		k_tid_t c =
		    user_create(0, creator, (void *)(intptr_t)i, NULL, NULL, TEST_PRIO + 2, 0);
		k_tid_t k = user_create(1, killer, c, NULL, NULL, TEST_PRIO + 1, 0);

		k_object_access_grant(&victims[i], c);
		k_object_access_grant(victim_stacks[i], c);
		k_object_access_grant(c, k);
		entered = false;
		returned = false;
		/* The killer's tick falls one cycle later into the call at each try. */
		start_at = k_cycle_get_32() + CYC_PER_TICK + EARLY - (uint32_t)i;
		k_thread_start(k);
		k_thread_start(c);
		zassert_ok(k_thread_join(k, K_FOREVER));
		zassert_ok(k_thread_join(c, K_FOREVER));
		if (returned) {
			k_thread_abort(&victims[i]); /* created, never started */
		}
		cut += entered && !returned ? 1 : 0;

		/* Another user thread creates a thread on the same object and stack. */
		unsigned int faults = ztest_fault_count();
		k_tid_t p =
		    user_create(2, create_on, &victims[i], victim_stacks[i], NULL, USER_PRIO, 0);

		k_object_access_grant(&victims[i], p);
		k_object_access_grant(victim_stacks[i], p);
		ztest_set_fault_valid(true);
		k_thread_start(p);
		zassert_ok(k_thread_join(p, K_FOREVER));
		ztest_set_fault_valid(false);
		zassert_equal(ztest_fault_count(), faults,
			      "thread object %d left half made: its creator was killed in the call",
			      i);
	}
	/* The tries did cut calls: the test covers what it means to. */
	zassert_true(cut > 10, "only %d calls cut", cut);
}
