/*
 * Runs the scenario this image was built for. Each scenario ends the run
 * through the fatal-error path with its own exit status; falling back here
 * means the expected fatal error never happened, which is a failure (exit 1).
 */
#include <breeze/kernel.h>
#include "scenario.h"

int main(void)
{
	printk("fatal scenario '%s'\n", SCENARIO_NAME);
	run_scenario();
	printk("FAIL: scenario '%s' returned without a fatal error\n", SCENARIO_NAME);
	sys_exit(1);
}
