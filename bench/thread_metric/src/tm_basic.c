/*
 * Basic processing: one thread (priority 10) and no kernel call in its loop.
 * It clears an array of 1024 words once, then per round updates every word to
 * (word + round counter) XOR word and counts the round. The figure scales the
 * others: it should be the same under any kernel on the same machine.
 */
#include "tm_api.h"

#define ARRAY_WORDS 1024

TM_DATA static unsigned long counter;
/* volatile: every word is read and written each round, as the suite's array is. */
TM_DATA static volatile unsigned long array[ARRAY_WORDS];

static void thread_0(void)
{
	const uint32_t rounds = tm_iterations;

	for (int i = 0; i < ARRAY_WORDS; i++) {
		array[i] = 0;
	}
	do {
		for (int i = 0; i < ARRAY_WORDS; i++) {
			array[i] = (array[i] + counter) ^ array[i];
		}
		counter++;
		/*
		 * The count goes to memory every round, where the suite's
		 * reporting thread reads it (no call here forces the store).
		 */
		__asm__ volatile("" ::: "memory");
	} while (counter != rounds);
}

static void initialize(void)
{
	counter = 0;
	tm_init_check(tm_thread_create(0, 10, thread_0), "thread 0");
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

const struct tm_test tm_basic_test = {
	.name = "basic",
	.rounds = 2000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
