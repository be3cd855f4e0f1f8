/*
 * An instruction the architecture defines as undefined (RISC-V: the all-zero
 * word, mcause 2; Thumb: udf, a UsageFault), a CPU exception (exit status 16).
 */
#include <breeze/kernel.h>
#include "arch_test.h"
#include "scenario.h"

void run_scenario(void)
{
	__asm__ volatile(ARCH_TEST_ILLEGAL_INSN);
}
