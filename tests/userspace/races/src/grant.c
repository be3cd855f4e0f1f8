/*
 * A grant that reaches the wrong thread.
 *
 * Window: k_object_access_grant() checked that the target thread is alive,
 * then set the permission bit of that thread's index, without a lock. The
 * intruder, which also holds the target, aborts it in between and creates a
 * thread of its own, which takes the freed index: the victim's grant then
 * lands on the intruder's new thread. A grant must reach the thread it names
 * or nobody.
 */
#include "race.h"
#include <kobject_internal.h>

K_SEM_DEFINE(secret_sem, 0, 1);
K_THREAD_STACK_DEFINE(grant_target_stack, 512);
K_THREAD_STACK_DEFINE(newcomer_stack, 512);
static struct k_thread target;
static struct k_thread newcomer;

RACE_DATA static volatile int newcomer_created;

static void victim(void)
{
	k_object_access_grant(&secret_sem, &target);
}

static void intruder(void)
{
	k_thread_abort(&target);
	RACE_UNSTARTED(&newcomer, newcomer_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	newcomer_created = 1;
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	newcomer_created = 0;
	/* Created last: no index below its own is free once it dies. */
	RACE_UNSTARTED(&target, grant_target_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	k_thread_access_grant(v, &secret_sem, &target);
	k_thread_access_grant(i, &target, &newcomer, newcomer_stack);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	bool ok = true;

	if (newcomer_created) {
		ok = !z_object_has_perm(k_object_find(&secret_sem), &newcomer);
		k_thread_abort(&newcomer);
	}
	k_thread_abort(&target);
	return ok;
}

static const struct race grant_race = {
	.name = "grant",
	.attempts = 400,
	.lead_cycles = 4,
	.step = 1,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

ZTEST_SUITE(race_grant, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_grant, test_grant_reaches_named_thread_or_nobody) {
	race_check(&grant_race, 10);
}
