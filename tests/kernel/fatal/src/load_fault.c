/*
 * A load from address 0, where QEMU 'virt' has no memory: load access fault
 * (mcause 5) with mtval 0, a CPU exception (exit status 16).
 */
#include <breeze/kernel.h>
#include "scenario.h"

void run_scenario(void)
{
	volatile uint32_t *nowhere = (volatile uint32_t *)0;

	printk("read %lu\n", (unsigned long)*nowhere);
}
