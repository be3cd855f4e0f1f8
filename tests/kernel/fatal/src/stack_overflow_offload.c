/*
 * A routine run in interrupt context through irq_offload() recurses without
 * bound (stack_guard.conf, irq_offload.conf): the interrupt stack's guard
 * (RISC-V) or limit (ARMv8-M, MSPLIM) stops it, the report says so although
 * that stack is the one that overflowed, and the system halts (exit status
 * 18). Unlike stack_overflow_isr, no interrupt controller is involved.
 */
#include <breeze/irq_offload.h>
#include "scenario.h"

static void deep_routine(const void *arg)
{
	ARG_UNUSED(arg);
	printk("result %d\n", stack_eater(100000));
}

void run_scenario(void)
{
	irq_offload(deep_routine, NULL);
}
