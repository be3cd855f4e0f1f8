/*
 * A supervisor thread recurses without bound (stack_guard.conf): its stack
 * guard stops it, the report names the thread and says "stack overflow", and
 * as a kernel fatal error it halts the system (exit status 18).
 */
#include "scenario.h"

static void deep(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	printk("result %d\n", stack_eater(100000));
}

void run_scenario(void)
{
	run_in_thread("deep", deep);
}
