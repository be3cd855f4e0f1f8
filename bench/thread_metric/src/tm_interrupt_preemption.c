/*
 * Interrupt preemption processing: thread 1 (priority 10) raises the
 * software interrupt and counts, round after round. The handler counts and
 * resumes thread 0 (priority 3, created but never resumed by the test), which
 * preempts thread 1 as the interrupt returns, counts and suspends itself,
 * letting thread 1 go on. The total is the handler's count; the two threads'
 * and the handler's counts must stay within 1 of their average.
 */
#include "tm_api.h"

TM_DATA static unsigned long counters[3]; /* thread 0, thread 1, the handler */

static void thread_0(void)
{
	for (;;) {
		counters[0]++;
		tm_thread_suspend(0);
	}
}

/* Paces the test: returns after tm_iterations rounds, leaving thread 0 suspended. */
static void thread_1(void)
{
	const uint32_t rounds = tm_iterations;

	do {
		TM_CAUSE_INTERRUPT;
		/* Thread 0 has run and suspended itself by now. */
		counters[1]++;
	} while (counters[1] != rounds);
}

static void handler(void)
{
	counters[2]++;
	(void)tm_thread_resume(0);
}

static void initialize(void)
{
	for (int i = 0; i < 3; i++) {
		counters[i] = 0;
	}
	tm_interrupt_handler_set(handler);
	tm_init_check(tm_thread_create(0, 3, thread_0), "thread 0");
	tm_init_check(tm_thread_create(1, 10, thread_1), "thread 1");
	tm_init_check(tm_thread_resume(1), "resume 1");
}

static uint32_t total(void)
{
	return counters[2];
}

static bool valid(void)
{
	return tm_counters_even(counters, 3) && counters[1] == tm_iterations;
}

const struct tm_test tm_interrupt_preemption_test = {
	.name = "irq_preempt",
	.rounds = 4000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
