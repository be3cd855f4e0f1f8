/*
 * Memory allocation: one thread (priority 10) allocates a 128-byte block
 * from the pool (2048 bytes of 128-byte blocks) and frees it at once, round
 * after round, stopping if the free fails, and counts. The total is the
 * count.
 */
#include "tm_api.h"

TM_DATA static unsigned long counter;

static void thread_0(void)
{
	const uint32_t rounds = tm_iterations;
	unsigned char *block;

	do {
		tm_memory_pool_allocate(0, &block);
		if (tm_memory_pool_deallocate(0, block) != TM_SUCCESS) {
			return;
		}
		counter++;
	} while (counter != rounds);
}

static void initialize(void)
{
	counter = 0;
	tm_init_check(tm_thread_create(0, 10, thread_0), "thread 0");
	tm_init_check(tm_memory_pool_create(0), "pool");
	tm_init_check(tm_thread_grant_pool(0, 0), "grant");
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

const struct tm_test tm_memory_test = {
	.name = "memory",
	.rounds = 4000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
