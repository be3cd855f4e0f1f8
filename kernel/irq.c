/*
 * Public interrupt-line calls; the port and the interrupt controller do the work.
 */
#include <breeze/kernel.h>
#include <arch_interface.h>

void irq_enable(unsigned int irq)
{
	arch_irq_enable(irq);
}

void irq_disable(unsigned int irq)
{
	arch_irq_disable(irq);
}

bool irq_is_enabled(unsigned int irq)
{
	return arch_irq_is_enabled(irq);
}

void z_irq_spurious(const void *arg)
{
	printk("*** interrupt %u has no handler\n", (unsigned int)(uintptr_t)arg);
	ARCH_EXCEPT(K_ERR_SPURIOUS_IRQ);
}
