/*
 * Two user threads initialise one never-initialised queue with
 * k_msgq_alloc_init().
 *
 * Window: the verifier finds the queue never initialised, the ring is then
 * taken from the pool, and only after that is the queue claimed. An intruder
 * landing in between gets past the verifier too; one of the two loses the
 * claim. The queue must be initialised exactly once, and the loser must give
 * its ring back: after the winner's cleanup the pool holds nothing.
 */
#include "race.h"

#define ATTEMPTS 240
#define NOT_RUN  0x7eadbeef

K_HEAP_DEFINE(init_pool, 512);

static struct k_msgq queues[ATTEMPTS];

RACE_DATA static struct k_msgq *volatile target;
RACE_DATA static volatile int victim_ret;
RACE_DATA static volatile int intruder_ret;

static void victim(void)
{
	victim_ret = k_msgq_alloc_init(target, 8, 4);
}

static void intruder(void)
{
	intruder_ret = k_msgq_alloc_init(target, 8, 4);
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	target = &queues[attempt];
	victim_ret = NOT_RUN;
	intruder_ret = NOT_RUN;
	k_thread_heap_assign(v, &init_pool);
	k_thread_heap_assign(i, &init_pool);
	k_object_access_grant(target, v);
	k_object_access_grant(target, i);
}

static size_t allocated(void)
{
	struct sys_memory_stats st;

	sys_heap_runtime_stats_get(&init_pool.heap, &st);
	return st.allocated_bytes;
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	/* One winner; the other refused (or, if it oopsed in the verifier, never returned). */
	int wins = (victim_ret == 0) + (intruder_ret == 0);
	bool ok = wins == 1 && target->max_msgs == 4U;

	ok = k_msgq_cleanup(target) == 0 && ok;
	return ok && allocated() == 0U && sys_heap_validate(&init_pool.heap);
}

static const struct race init_race = {
	.name = "msgq alloc_init",
	.attempts = ATTEMPTS,
	.lead_cycles = 6,
	.step = 3,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

ZTEST_SUITE(race_msgq_alloc_init, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_msgq_alloc_init, test_one_initialiser_no_leak) {
	race_check(&init_race, 10);
}
