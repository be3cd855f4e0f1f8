/*
 * sys_reboot() on Cortex-M: a system reset request through AIRCR. QEMU runs
 * with -no-reboot, so the reset ends the run with status 0, as a syscon
 * reboot does on RISC-V.
 */
#include <breeze/kernel.h>
#include <breeze/sys/reboot.h>
#include <cortex_m.h>

#define AIRCR_VECTKEY     (0x05faU << 16)
#define AIRCR_SYSRESETREQ (1U << 2)

FUNC_NORETURN void sys_reboot(int type)
{
	ARG_UNUSED(type); /* warm and cold are the same reset here */
	(void)arch_irq_lock();
	z_arm_dsb_isb();
	SCB_AIRCR = AIRCR_VECTKEY | AIRCR_SYSRESETREQ;
	z_arm_dsb_isb();
	for (;;) {
		__asm__ volatile("wfi");
	}
}
