/*
 * CPU-level services: boot setup, the switch call, idle, halt.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_irq.h>

struct z_arm_switch_pend z_arm_switch_pend;

void z_arm_mpu_init(void);

/* The boot context's TLS block, zeroed at reset (vector_table.S). */
extern char __boot_tls_start[];

void arch_kernel_init(void)
{
	_current->callee_saved.tls = __boot_tls_start;
	/* SVC and the faults above the interrupts, which all share one level. */
	SCB_SHPR1 = (Z_ARM_EXC_PRIO << 0) | (Z_ARM_EXC_PRIO << 8) | (Z_ARM_EXC_PRIO << 16) |
		    (Z_ARM_EXC_PRIO << 24);
	SCB_SHPR2 = (uint32_t)Z_ARM_EXC_PRIO << 24;
	/* PendSV (arch_switch()) above the interrupt lock too; SysTick with the interrupts. */
	SCB_SHPR3 = ((uint32_t)Z_ARM_IRQ_PRIO << 24) | ((uint32_t)Z_ARM_EXC_PRIO << 16);
	SCB_SHCSR |= SCB_SHCSR_MEMFAULTENA | SCB_SHCSR_BUSFAULTENA | SCB_SHCSR_USGFAULTENA;
	/* Divide by zero traps (as RISC-V cannot, but a bug is a bug); 8-byte aligned frames. */
	SCB_CCR |= SCB_CCR_DIV_0_TRP | SCB_CCR_STKALIGN;
	z_arm_dsb_isb();
#if defined(CONFIG_USERSPACE) || defined(CONFIG_HW_STACK_PROTECTION)
	z_arm_mpu_init();
#endif
}

/* arch_switch() is in switch.S, beside the exceptions that complete it. */

void arch_cpu_idle(void)
{
	__asm__ volatile("wfi");
}

FUNC_NORETURN void arch_cpu_halt(void)
{
	(void)arch_irq_lock();
	for (;;) {
		__asm__ volatile("wfi");
	}
}

uint64_t z_impl_z_arm_cycle_get_64(void)
{
	return sys_clock_cycle_get_64();
}

#ifdef CONFIG_USERSPACE
/* Nothing to check: the verifier is the call itself. */
uint64_t z_vrfy_z_arm_cycle_get_64(void) __attribute__((alias("z_impl_z_arm_cycle_get_64")));
#endif
