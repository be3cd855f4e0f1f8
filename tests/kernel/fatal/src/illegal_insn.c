/*
 * An all-zero instruction word, which RISC-V defines as illegal: mcause 2, a
 * CPU exception (exit status 16).
 */
#include <breeze/kernel.h>
#include "scenario.h"

void run_scenario(void)
{
	__asm__ volatile(".word 0");
}
