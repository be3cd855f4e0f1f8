/*
 * Preemptive scheduling: five threads of five priorities, 10 (thread 0, the
 * least urgent) up to 6 (thread 4), and only thread 0 resumed at the start.
 * Thread 0 resumes thread 1, which preempts it and resumes thread 2, and so
 * on up to thread 4. Threads 1 to 4 each count and suspend themselves (1 to 3
 * after resuming the next), so the chain unwinds back down to thread 0,
 * still inside its resume call, which counts and starts the next round. The
 * total is the sum of the five counts (five per round); the counts must stay
 * within 1 of their average.
 */
#include "tm_api.h"

#define THREADS 5

TM_DATA static unsigned long counters[THREADS];

/* Paces the test: returns after tm_iterations rounds, leaving 1-4 suspended. */
static void thread_0(void)
{
	const uint32_t rounds = tm_iterations;

	do {
		tm_thread_resume(1);
		counters[0]++;
	} while (counters[0] != rounds);
}

/* Threads 1-3: each its own copy, with its ids built in. */
static ALWAYS_INLINE void resume_next_then_suspend(int self)
{
	for (;;) {
		tm_thread_resume(self + 1);
		counters[self]++;
		tm_thread_suspend(self);
	}
}

static void thread_1(void)
{
	resume_next_then_suspend(1);
}

static void thread_2(void)
{
	resume_next_then_suspend(2);
}

static void thread_3(void)
{
	resume_next_then_suspend(3);
}

static void thread_4(void)
{
	for (;;) {
		counters[4]++;
		tm_thread_suspend(4);
	}
}

static void initialize(void)
{
	static void (*const entries[THREADS])(void) = { thread_0, thread_1, thread_2, thread_3,
							thread_4 };

	for (int i = 0; i < THREADS; i++) {
		counters[i] = 0;
		tm_init_check(tm_thread_create(i, 10 - i, entries[i]), "create");
	}
	/* Each resumes the next and suspends itself (thread 0 never suspends). */
	for (int i = 0; i < THREADS; i++) {
		if (i + 1 < THREADS) {
			tm_init_check(tm_thread_grant_thread(i, i + 1), "grant");
		}
	}
	tm_init_check(tm_thread_resume(0), "resume 0");
}

static uint32_t total(void)
{
	return tm_counters_sum(counters, THREADS);
}

static bool valid(void)
{
	return tm_counters_even(counters, THREADS) && total() == THREADS * tm_iterations;
}

const struct tm_test tm_preemptive_test = {
	.name = "preemptive",
	.rounds = 2000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
