/*
 * Fatal errors: reasons, the application hook, and the calls that raise them.
 *
 * What happens on a fatal error: one report is printed (reason, CPU state,
 * thread); then k_sys_fatal_error_handler() decides. Breeze's default halts the
 * system for errors in supervisor threads or interrupts (under QEMU the run
 * exits with status 16 + reason) and, with user mode, ends only the faulting
 * user thread; ztest's handler checks the faults tests expect. An application
 * or test may define its own handler, which then replaces either: if it
 * returns, the faulting thread is aborted and the system goes on.
 */
#ifndef BREEZE_FATAL_H
#define BREEZE_FATAL_H

#include <breeze/arch/cpu.h>
#include <breeze/toolchain.h>

enum k_fatal_error_reason {
	K_ERR_CPU_EXCEPTION,  /* illegal instruction, access fault, misaligned access */
	K_ERR_SPURIOUS_IRQ,   /* an interrupt with no handler */
	K_ERR_STACK_CHK_FAIL, /* stack canary corrupted, or stack overflow */
	K_ERR_KERNEL_OOPS,    /* k_oops(), or a failed system call check */
	K_ERR_KERNEL_PANIC,   /* k_panic(), or a failed assertion */
	K_ERR_ARCH_START = 16,
};

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf);

/* Stop the whole system now (QEMU exits with 16 + reason). */
FUNC_NORETURN void k_fatal_halt(unsigned int reason);

#define k_oops()  ARCH_EXCEPT(K_ERR_KERNEL_OOPS)
#define k_panic() ARCH_EXCEPT(K_ERR_KERNEL_PANIC)

#endif /* BREEZE_FATAL_H */
