/*
 * The architecture's public part: register layouts that appear in kernel
 * structures, interrupt locking and the exception trigger.
 */
#ifndef BREEZE_ARCH_CPU_H
#define BREEZE_ARCH_CPU_H

#if defined(CONFIG_RISCV)
#include <breeze/arch/riscv/arch.h>
#else
#error "No architecture selected (the board must select one)"
#endif

/* The CPUs the kernel runs on (Zephyr's arch_num_cpus()): Breeze starts hart 0 only. */
static inline unsigned int arch_num_cpus(void)
{
	return CONFIG_MP_MAX_NUM_CPUS;
}

#endif /* BREEZE_ARCH_CPU_H */
