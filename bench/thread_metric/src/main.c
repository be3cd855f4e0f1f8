/*
 * Thread-Metric on Breeze: the suite's eight tests (tm_*.c, through the
 * porting layer in tm_port.c), each run with supervisor test threads and
 * then (with CONFIG_USERSPACE) with the test threads in user mode inside one
 * memory domain, granted only the kernel objects they call on.
 *
 * The suite counts what a test does in a fixed time (30 seconds) and prints
 * the count. Here a test runs a fixed number of rounds instead, and the
 * figure is guest instructions per counted event (bench.h): per round of the
 * basic loop, per relinquish, per thread step of the preemption chain, per
 * interrupt, per message sent and received, per semaphore take and give, per
 * block allocated and freed. Each test runs twice, for R and 2R rounds of its
 * pacing thread, each timed from the moment its threads may start (they are
 * created beforehand) to their end, and the figure is the difference of the
 * two runs' instructions over the difference of their totals: starting and
 * ending the threads costs the same in both and cancels, leaving the loops.
 * The only work not in the suite's loops is the end test of the pacing
 * thread's loop (its counter against a register), about one instruction a
 * round of that thread.
 */
#include <stdio.h>
#include "bench.h"
#include "tm_api.h"

extern const struct tm_test tm_basic_test, tm_cooperative_test, tm_preemptive_test,
    tm_interrupt_test, tm_interrupt_preemption_test, tm_message_test, tm_synchronization_test,
    tm_memory_test;

static const struct tm_test *const tests[] = {
	&tm_basic_test,
	&tm_cooperative_test,
	&tm_preemptive_test,
	&tm_interrupt_test,
	&tm_interrupt_preemption_test,
	&tm_message_test,
	&tm_synchronization_test,
	&tm_memory_test,
};

/* One run of @rounds: its instructions and the test's total. */
static uint32_t run(const struct tm_test *test, uint32_t rounds, const char *mode, uint32_t *total)
{
	tm_iterations = rounds;
	tm_initialize(test->initialize);
	if (!test->valid()) {
		printk(
		    "thread-metric %s.%s: the test failed its checks after %u rounds (total %u)\n",
		    test->name, mode, (unsigned int)rounds, (unsigned int)test->total());
		sys_exit(1);
	}
	*total = test->total();
	tm_port_cleanup();
	return tm_port_run_instructions();
}

static void run_all(bool user)
{
	const char *mode = user ? "user" : "supervisor";
	char name[64];

	tm_port_user_mode(user);
	for (unsigned int i = 0; i < ARRAY_SIZE(tests); i++) {
		const struct tm_test *test = tests[i];
		uint32_t short_total, long_total;
		uint32_t short_run = run(test, test->rounds, mode, &short_total);
		uint32_t long_run = run(test, 2U * test->rounds, mode, &long_total);

		snprintf(name, sizeof(name), "thread_metric.%s.%s", test->name, mode);
		bench_report(name, long_run - short_run, long_total - short_total, 0);
	}
}

int main(void)
{
	tm_port_setup();
	run_all(false);
#ifdef CONFIG_USERSPACE
	run_all(true);
#endif
	printk("BENCH done\n");
	sys_exit(0);
}
