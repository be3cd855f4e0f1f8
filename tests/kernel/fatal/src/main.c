/*
 * Runs the scenario this image was built for. Each scenario ends the run
 * through the fatal-error path with its own exit status; falling back here
 * means the expected fatal error never happened, which is a failure (exit 1).
 */
#include <breeze/kernel.h>
#include "scenario.h"

K_KERNEL_STACK_DEFINE(scenario_stack, 1024);
static struct k_thread scenario_thread;

void run_in_thread(const char *name, k_thread_entry_t entry)
{
	k_thread_create(&scenario_thread, scenario_stack, K_KERNEL_STACK_SIZEOF(scenario_stack),
			entry, NULL, NULL, NULL, -1, 0, K_FOREVER);
	k_thread_name_set(&scenario_thread, name);
	k_thread_start(&scenario_thread);
	(void)k_thread_join(&scenario_thread, K_FOREVER);
}

int stack_eater(int depth)
{
	volatile char frame[64];

	frame[0] = (char)depth;
	if (depth == 0) {
		return frame[0];
	}
	/* Not a tail call: every level keeps its frame. */
	return stack_eater(depth - 1) + frame[0];
}

int main(void)
{
	printk("fatal scenario '%s'\n", SCENARIO_NAME);
	run_scenario();
	printk("FAIL: scenario '%s' returned without a fatal error\n", SCENARIO_NAME);
	sys_exit(1);
}
