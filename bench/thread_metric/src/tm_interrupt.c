/*
 * Interrupt processing: one thread (priority 10) and the software interrupt.
 * The thread first takes the semaphore (created with a count of 1), then in
 * each round raises the interrupt, takes the semaphore the handler gave, and
 * counts. The handler counts and gives the semaphore; the interrupt returns
 * to the thread, which nothing preempts. The total is the handler's count;
 * the thread's and the handler's counts must stay within 1 of their average.
 * A failed take ends the thread (the counts then fall short).
 */
#include "tm_api.h"

TM_DATA static unsigned long counters[2]; /* [0] the thread's, [1] the handler's */

static void thread_0(void)
{
	const uint32_t rounds = tm_iterations;

	if (tm_semaphore_get(0) != TM_SUCCESS) {
		return;
	}
	do {
		TM_CAUSE_INTERRUPT;
		/* The handler has run: the semaphore is there to take. */
		if (tm_semaphore_get(0) != TM_SUCCESS) {
			return;
		}
		counters[0]++;
	} while (counters[0] != rounds);
}

static void handler(void)
{
	counters[1]++;
	(void)tm_semaphore_put(0);
}

static void initialize(void)
{
	counters[0] = 0;
	counters[1] = 0;
	tm_interrupt_handler_set(handler);
	tm_init_check(tm_thread_create(0, 10, thread_0), "thread 0");
	tm_init_check(tm_semaphore_create(0), "semaphore");
	tm_init_check(tm_thread_grant_semaphore(0, 0), "grant");
	tm_init_check(tm_thread_resume(0), "resume 0");
}

static uint32_t total(void)
{
	return counters[1];
}

static bool valid(void)
{
	return tm_counters_even(counters, 2) && counters[0] == tm_iterations;
}

const struct tm_test tm_interrupt_test = {
	.name = "interrupt",
	.rounds = 4000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
