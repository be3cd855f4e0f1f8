/*
 * A thread object seen half built.
 *
 * Window: setting a thread up (z_setup_new_thread()) takes no lock; it clears
 * the thread object, then fills in its state, priority and context one by
 * one. The thread calls (k_thread_start(), _suspend(), _abort(), ...) check
 * their thread object and then act on it under the scheduler lock, so a
 * thread that runs in the middle of a user thread's k_thread_create() acts
 * on a half-built thread: k_thread_start() on it queues a thread whose
 * context is not set yet, or at a priority about to change under the queue.
 * The intruder here is a supervisor thread that only looks: it must never
 * find a thread object that a user thread's k_thread_create() has begun and
 * not finished.
 */
#include "race.h"
#include <kobject_internal.h>

K_THREAD_STACK_DEFINE(built_stack, 512);
static struct k_thread built;

RACE_DATA static volatile int created;
RACE_DATA static volatile int seen_half_built;

static void victim(void)
{
	RACE_UNSTARTED(&built, built_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	created = 1;
}

/* Supervisor: what any thread call on @built would find now. */
static void intruder(void)
{
	seen_half_built = atomic_get(&k_object_find(&built)->state) == Z_OBJ_INITIALIZING;
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(i);
	created = 0;
	seen_half_built = 0;
	k_thread_access_grant(v, &built, built_stack);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	if (created) {
		k_thread_abort(&built);
	}
	return !seen_half_built;
}

static const struct race built_race = {
	.name = "thread object",
	.attempts = 300,
	.lead_cycles = 40,
	.step = 15,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
	.supervisor_intruder = true,
};

ZTEST_SUITE(race_thread_object, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_thread_object, test_no_thread_sees_a_half_built_thread) {
	race_check(&built_race, 10);
}
