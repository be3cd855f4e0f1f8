/*
 * An interrupt handler recurses without bound (stack_guard.conf): the
 * interrupt stack's guard stops it, the report says so, and the system halts
 * (exit status 18).
 */
#include <breeze/drivers/clint.h>
#include "scenario.h"

static void deep_isr(const void *arg)
{
	ARG_UNUSED(arg);
	riscv_clint_soft_irq_clear(0);
	printk("result %d\n", stack_eater(100000));
}

void run_scenario(void)
{
	IRQ_CONNECT(RISCV_IRQ_MSOFT, 0, deep_isr, NULL, 0);
	irq_enable(RISCV_IRQ_MSOFT);
	riscv_clint_soft_irq_raise(0);
	k_busy_wait(1000);
}
