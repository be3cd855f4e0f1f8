/*
 * The idle thread's level is its own: a thread there would never run (idle
 * is first at that level and never yields). Creating a thread there, or
 * moving one there, is an assertion in supervisor mode and an oops from user
 * mode, as in Zephyr.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

/* A thread that never starts, for the test body to move. */
static ZTEST_BMEM k_tid_t target;

static void never_runs(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event('n');
}

static void create_at_idle_level(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	spawn(never_runs, NULL, NULL, K_LOWEST_THREAD_PRIO);
	event('x'); /* not reached */
}

ZTEST(sched_idle_level, test_create_at_idle_level_refused) {
	unsigned int faults = ztest_fault_count();

	ztest_expect_fault(K_ERR_KERNEL_PANIC);
	spawn(create_at_idle_level, NULL, NULL, TEST_PRIO - 1); /* runs at once */
	zassert_equal(ztest_fault_count(), faults + 1, "a thread was created at the idle level");
	k_msleep(1);
	zassert_events("");
}

ZTEST_USER(sched_idle_level, test_move_to_idle_level_refused) {
	ztest_expect_fault(IS_ENABLED(CONFIG_USERSPACE) ? K_ERR_KERNEL_OOPS : K_ERR_KERNEL_PANIC);
	k_thread_priority_set(target, K_LOWEST_THREAD_PRIO);
	zassert_unreachable("a thread was moved to the idle level");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	target = spawn_stopped(never_runs, NULL, NULL, TEST_PRIO + 1);
	k_thread_access_grant(k_current_get(), target);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sched_idle_level, NULL, NULL, before, after, NULL);
