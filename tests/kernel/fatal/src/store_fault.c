/*
 * A store to an address where nothing answers (ARCH_TEST_NO_MEMORY): an
 * access fault (RISC-V mcause 7, mtval the address; Cortex-M a BusFault), a
 * CPU exception (exit status 16).
 */
#include <breeze/kernel.h>
#include "arch_test.h"
#include "scenario.h"

void run_scenario(void)
{
	volatile uint32_t *nowhere = (volatile uint32_t *)ARCH_TEST_NO_MEMORY;

	*nowhere = 0xdeadbeefU;
}
