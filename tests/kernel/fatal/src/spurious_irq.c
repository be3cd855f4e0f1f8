/*
 * An enabled interrupt with no handler connected: K_ERR_SPURIOUS_IRQ (exit
 * status 17), raised from interrupt context.
 */
#include <breeze/kernel.h>
#include "local_soft_irq.h"
#include "scenario.h"

void run_scenario(void)
{
	irq_enable(LOCAL_SOFT_IRQ);
	local_soft_irq_raise();
	k_busy_wait(1000);
}
