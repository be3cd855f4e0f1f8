/*
 * The architecture's public part: register layouts that appear in kernel
 * structures, interrupt locking and the exception trigger.
 */
#ifndef BREEZE_ARCH_CPU_H
#define BREEZE_ARCH_CPU_H

#if defined(CONFIG_RISCV)
#include <breeze/arch/riscv/arch.h>
#elif defined(CONFIG_ARM)
#include <breeze/arch/arm/arch.h>
#else
#error "No architecture selected (the board must select one)"
#endif

/* Wait for an interrupt (supervisor threads only; Zephyr's k_cpu_idle()). */
void arch_cpu_idle(void);

static inline void k_cpu_idle(void)
{
	arch_cpu_idle();
}

#ifdef CONFIG_SMP
extern unsigned int z_smp_num_cpus; /* kernel/smp.c */

/*
 * The CPUs the kernel runs on (Zephyr's arch_num_cpus()): those that started,
 * at most CONFIG_MP_MAX_NUM_CPUS; 1 until the others have.
 */
static inline unsigned int arch_num_cpus(void)
{
	return z_smp_num_cpus;
}
#else
static inline unsigned int arch_num_cpus(void)
{
	return 1;
}
#endif

#endif /* BREEZE_ARCH_CPU_H */
