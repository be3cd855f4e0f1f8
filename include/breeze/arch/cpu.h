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

#endif /* BREEZE_ARCH_CPU_H */
