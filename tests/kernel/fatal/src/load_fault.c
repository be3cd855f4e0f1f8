/*
 * A load from an address where nothing answers (ARCH_TEST_NO_MEMORY: 0 on
 * QEMU 'virt', unmapped external RAM on mps2): an access fault (RISC-V mcause
 * 5, mtval the address; Cortex-M a precise BusFault, BFAR the address), a CPU
 * exception (exit status 16).
 */
#include <breeze/kernel.h>
#include "arch_test.h"
#include "scenario.h"

void run_scenario(void)
{
	volatile uint32_t *nowhere = (volatile uint32_t *)ARCH_TEST_NO_MEMORY;

	printk("read %lu\n", (unsigned long)*nowhere);
}
