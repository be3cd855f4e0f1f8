/*
 * Two live threads on one stack.
 *
 * Window: z_vrfy_k_thread_create() checks that the stack object is free, but
 * the new thread becomes its owner only when the stack is laid out, a few
 * hundred instructions later. A second user thread holding the same stack
 * object creates its own thread in between: its check passes too, and two
 * threads would run on one stack. The kernel must let exactly one creator
 * through; the other is refused (an oops).
 */
#include "race.h"

K_THREAD_STACK_DEFINE(shared_stack, 512);
static struct k_thread victim_child;
static struct k_thread intruder_child;

RACE_DATA static volatile int victim_created;
RACE_DATA static volatile int intruder_created;

static void victim(void)
{
	RACE_UNSTARTED(&victim_child, shared_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	victim_created = 1;
}

static void intruder(void)
{
	RACE_UNSTARTED(&intruder_child, shared_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	intruder_created = 1;
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	victim_created = 0;
	intruder_created = 0;
	k_thread_access_grant(v, shared_stack, &victim_child);
	k_thread_access_grant(i, shared_stack, &intruder_child);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	bool ok = !(victim_created && intruder_created);

	/* Free the stack for the next attempt. */
	if (victim_created) {
		k_thread_abort(&victim_child);
	}
	if (intruder_created) {
		k_thread_abort(&intruder_child);
	}
	return ok;
}

static const struct race stack_race = {
	.name = "stack owner",
	.attempts = 200,
	.lead_cycles = 10,
	.step = 5,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

ZTEST_SUITE(race_stack_owner, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_stack_owner, test_one_thread_per_stack) {
	race_check(&stack_race, 10);
}
