/*
 * A load access fault inside an interrupt handler (the test's software
 * interrupt, local_soft_irq.h), from where nothing answers (arch_test.h): the
 * report says interrupt context, and a fault there always halts (exit status
 * 16).
 */
#include <breeze/kernel.h>
#include "arch_test.h"
#include "local_soft_irq.h"
#include "scenario.h"

static void faulting_isr(const void *arg)
{
	ARG_UNUSED(arg);
	volatile uint32_t *nowhere = (volatile uint32_t *)ARCH_TEST_NO_MEMORY;

	local_soft_irq_clear();
	printk("read %lu\n", (unsigned long)*nowhere);
}

void run_scenario(void)
{
	IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, faulting_isr, NULL, 0);
	irq_enable(LOCAL_SOFT_IRQ);
	local_soft_irq_raise();
	/* The interrupt is taken here at once; give it time in case it is not. */
	k_busy_wait(1000);
}
