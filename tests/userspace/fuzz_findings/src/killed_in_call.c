/*
 * A user thread killed inside a system call must leave no half-done kernel
 * state behind. Here a sibling user thread, which holds it, kills a thread in
 * the middle of a call: the kill moves one timer cycle (100 instructions)
 * further into the call at each try, so that together the tries cover the
 * whole call. (Found by the system call fuzzer, tests/userspace/fuzz.)
 */
#include "user_util.h"

#define TRIES        60
#define VICTIM_SIZE  512
#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define EARLY        20 /* cycles: the first tries kill the caller before it calls */

RESULT static volatile uint32_t start_at; /* cycle at which the caller calls */
RESULT static volatile bool entered;
RESULT static volatile bool returned;

typedef void (*call_fn)(void *arg);

/* User mode: at start_at, call fn(arg); then wait for the killer. */
static void caller(void *fn, void *arg, void *p3)
{
	ARG_UNUSED(p3);
	while ((int32_t)(k_cycle_get_32() - start_at) < 0) {
	}
	entered = true;
	((call_fn)fn)(arg);
	returned = true;
	k_sleep(K_FOREVER);
}

/* User mode, more urgent than the caller: a tick from now, kill it. */
static void killer(void *caller_tid, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_TICKS(1));
	k_thread_abort(caller_tid);
}

/*
 * Try @try: a user thread holding @grants (NULL-terminated) calls fn(arg) and
 * is killed @try cycles later into the call than at try 0. True if the kill
 * fell inside the call.
 */
static bool kill_in_call(int try, call_fn fn, void *arg, void *const grants[])
{
	k_tid_t c = user_create(0, caller, (void *)fn, arg, NULL, TEST_PRIO + 2, 0);
	k_tid_t k = user_create(1, killer, c, NULL, NULL, TEST_PRIO + 1, 0);

	for (unsigned int g = 0; grants[g] != NULL; g++) {
		k_object_access_grant(grants[g], c);
	}
	k_object_access_grant(c, k);
	entered = false;
	returned = false;
	start_at = k_cycle_get_32() + CYC_PER_TICK + EARLY - (uint32_t)try;
	k_thread_start(k);
	k_thread_start(c);
	zassert_ok(k_thread_join(k, K_FOREVER));
	zassert_ok(k_thread_join(c, K_FOREVER));
	return entered && !returned;
}

ZTEST_SUITE(killed_in_call, NULL, NULL, NULL, NULL, NULL);

/* One thread object and stack per try, so that a try cannot spoil the next. */
static struct k_thread victims[TRIES];
K_THREAD_STACK_ARRAY_DEFINE(victim_stacks, TRIES, VICTIM_SIZE);

static void nothing(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* User mode: a thread on victims[i], not started. */
static void create_victim(void *i)
{
	int n = (int)(intptr_t)i;

	k_thread_create(&victims[n], victim_stacks[n], VICTIM_SIZE, nothing, NULL, NULL, NULL,
			TEST_PRIO + 2, K_USER, K_FOREVER);
}

/* User mode: a thread on @t and @stack, waited for. */
static void create_on(void *t, void *stack, void *p3)
{
	ARG_UNUSED(p3);
	k_thread_create(t, stack, VICTIM_SIZE, nothing, NULL, NULL, NULL, USER_PRIO, K_USER,
			K_NO_WAIT);
	(void)k_thread_join(t, K_FOREVER);
}

/* Afterwards, every thread object takes a new thread again. */
ZTEST(killed_in_call, test_creator_killed_anywhere_in_k_thread_create) {
	int cut = 0;

	for (int i = 0; i < TRIES; i++) {
		/* A used, dead thread object: what a user thread may create on. */
		k_thread_create(&victims[i], victim_stacks[i], VICTIM_SIZE, nothing, NULL, NULL,
				NULL, USER_PRIO, 0, K_NO_WAIT);
		zassert_ok(k_thread_join(&victims[i], K_FOREVER));

		if (kill_in_call(i, create_victim, (void *)(intptr_t)i,
				 (void *const[]){ &victims[i], victim_stacks[i], NULL })) {
			cut++;
		}
		/*
		 * A thread the call completed (the kill may land after the call's
		 * work, before it returns) lives, never started: end it, as its
		 * creator would have. One the call never completed must be
		 * reusable as it is.
		 */
		k_thread_abort(&victims[i]);

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

/* User mode: an object from the pool (it dies with its holder). */
static void allocate(void *arg)
{
	ARG_UNUSED(arg);
	(void)k_object_alloc(K_OBJ_SEM);
}

/* Afterwards, every block of the pool can be allocated again. */
ZTEST(killed_in_call, test_allocator_killed_anywhere_in_k_object_alloc) {
	void *objs[CONFIG_DYNAMIC_OBJECTS_POOL_SIZE];
	int cut = 0;
	int n = 0;

	for (int i = 0; i < TRIES; i++) {
		cut += kill_in_call(i, allocate, NULL, (void *const[]){ NULL }) ? 1 : 0;
	}
	while (n < CONFIG_DYNAMIC_OBJECTS_POOL_SIZE &&
	       (objs[n] = k_object_alloc(K_OBJ_SEM)) != NULL) {
		n++;
	}
	for (int i = 0; i < n; i++) {
		k_object_free(objs[i]);
	}
	zassert_equal(
	    n, CONFIG_DYNAMIC_OBJECTS_POOL_SIZE,
	    "%d of the %d blocks of the object pool lost: their allocators were killed in "
	    "the call",
	    CONFIG_DYNAMIC_OBJECTS_POOL_SIZE - n, CONFIG_DYNAMIC_OBJECTS_POOL_SIZE);
	zassert_true(cut > 2, "only %d calls cut", cut);
}
