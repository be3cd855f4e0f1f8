/*
 * Synchronization processing: one thread (priority 10) takes the semaphore
 * (created with a count of 1) and gives it back at once, round after round,
 * stopping if the give fails, and counts. The total is the count.
 */
#include "tm_api.h"

TM_DATA static unsigned long counter;

static void thread_0(void)
{
	const uint32_t rounds = tm_iterations;

	do {
		tm_semaphore_get(0);
		if (tm_semaphore_put(0) != TM_SUCCESS) {
			return;
		}
		counter++;
	} while (counter != rounds);
}

static void initialize(void)
{
	counter = 0;
	tm_init_check(tm_thread_create(0, 10, thread_0), "thread 0");
	tm_init_check(tm_semaphore_create(0), "semaphore");
	tm_init_check(tm_thread_grant_semaphore(0, 0), "grant");
	tm_init_check(tm_thread_resume(0), "resume 0");
}

static uint32_t total(void)
{
	return counter;
}

static bool valid(void)
{
	return counter == tm_iterations;
}

const struct tm_test tm_synchronization_test = {
	.name = "sync",
	.rounds = 4000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
