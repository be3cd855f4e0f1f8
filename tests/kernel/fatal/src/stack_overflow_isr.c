/*
 * An interrupt handler recurses without bound (stack_guard.conf): the
 * interrupt stack's guard stops it, the report says so, and the system halts
 * (exit status 18).
 */
#include "local_soft_irq.h"
#include "scenario.h"

static void deep_isr(const void *arg)
{
	ARG_UNUSED(arg);
	local_soft_irq_clear();
	printk("result %d\n", stack_eater(100000));
}

void run_scenario(void)
{
	IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, deep_isr, NULL, 0);
	irq_enable(LOCAL_SOFT_IRQ);
	local_soft_irq_raise();
	k_busy_wait(1000);
}
