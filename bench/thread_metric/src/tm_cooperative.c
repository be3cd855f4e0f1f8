/*
 * Cooperative scheduling: five threads of one priority (3), each in a loop
 * of relinquishing the CPU to the others and then counting. The total is the
 * sum of the five counts (one per relinquish); the counts must stay within 1
 * of their average.
 */
#include "tm_api.h"

#define THREADS 5

TM_DATA static unsigned long counters[THREADS];

/* Each thread runs its own copy, with its own counter's address built in. */
static ALWAYS_INLINE void relinquish_and_count(unsigned long *counter)
{
	const uint32_t rounds = tm_iterations;

	do {
		tm_thread_relinquish();
		(*counter)++;
	} while (*counter != rounds);
}

static void thread_0(void)
{
	relinquish_and_count(&counters[0]);
}

static void thread_1(void)
{
	relinquish_and_count(&counters[1]);
}

static void thread_2(void)
{
	relinquish_and_count(&counters[2]);
}

static void thread_3(void)
{
	relinquish_and_count(&counters[3]);
}

static void thread_4(void)
{
	relinquish_and_count(&counters[4]);
}

static void initialize(void)
{
	static void (*const entries[THREADS])(void) = { thread_0, thread_1, thread_2, thread_3,
							thread_4 };

	for (int i = 0; i < THREADS; i++) {
		counters[i] = 0;
		tm_init_check(tm_thread_create(i, 3, entries[i]), "create");
	}
	for (int i = 0; i < THREADS; i++) {
		tm_init_check(tm_thread_resume(i), "resume");
	}
}

static uint32_t total(void)
{
	return tm_counters_sum(counters, THREADS);
}

static bool valid(void)
{
	return tm_counters_even(counters, THREADS) && total() == THREADS * tm_iterations;
}

const struct tm_test tm_cooperative_test = {
	.name = "cooperative",
	.rounds = 4000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
