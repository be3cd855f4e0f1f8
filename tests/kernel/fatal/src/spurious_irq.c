/*
 * An enabled interrupt with no handler connected: K_ERR_SPURIOUS_IRQ (exit
 * status 17), raised from interrupt context.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/clint.h>
#include "scenario.h"

void run_scenario(void)
{
	irq_enable(RISCV_IRQ_MSOFT);
	riscv_clint_soft_irq_raise(0);
	k_busy_wait(1000);
}
