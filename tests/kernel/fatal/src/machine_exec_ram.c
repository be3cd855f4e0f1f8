/*
 * With Smepmp (the default on qemu_riscv32), machine mode executes only the
 * kernel's code: a jump into kernel data (valid machine code there) is an
 * instruction access fault, a kernel fatal error (exit status 16).
 */
#include "scenario.h"

/* "li a0, 1; ret" */
static uint32_t code_in_ram[2] __aligned(4) = { 0x00100513U, 0x00008067U };

void run_scenario(void)
{
	printk("calling %p\n", (void *)code_in_ram);
	int ret = ((int (*)(void))code_in_ram)();

	printk("machine mode ran code from RAM (%d)\n", ret);
}
