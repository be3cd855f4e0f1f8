/*
 * System call plumbing shared by the public headers.
 *
 * A public API that user threads may call is declared __syscall in its header
 * and listed in kernel/syscalls.def; the generated <syscalls.h> (included at
 * the end of <breeze/kernel.h>) defines it as an inline wrapper. In supervisor
 * mode the wrapper calls z_impl_<name> directly; in user mode it traps
 * (z_syscall_trap() below tells which).
 */
#ifndef BREEZE_SYSCALL_H
#define BREEZE_SYSCALL_H

#include <stdbool.h>
#include <breeze/toolchain.h>

#define __syscall static inline

#ifdef CONFIG_USERSPACE
#if defined(CONFIG_RISCV)
#include <breeze/arch/riscv/syscall.h>
#elif defined(CONFIG_ARM)
#include <breeze/arch/arm/syscall.h>
#endif

/* Set in the thread's TLS block while it runs in user mode (kept by the trap code). */
extern __thread bool z_tls_user_mode;

/*
 * True when the caller runs in user mode: one load from the TLS block, or
 * where the CPU itself tells at any privilege (Cortex-M), two register reads.
 */
static ALWAYS_INLINE bool k_is_user_context(void)
{
#ifdef ARCH_HAS_IS_USER_CONTEXT
	return arch_is_user_context();
#else
	return z_tls_user_mode;
#endif
}
#else
static ALWAYS_INLINE bool k_is_user_context(void)
{
	return false;
}
#endif

/*
 * Whether a system call wrapper traps (the generated <syscalls.h>). Code the
 * build declares as running in one mode only skips the run-time test, as
 * in Zephyr: compiled with __ZEPHYR_USER__ it always traps (it must then
 * run in user mode only: a trap from supervisor mode is no system call),
 * with __ZEPHYR_SUPERVISOR__ it always calls the implementation directly
 * (supervisor mode only: from user mode that call faults on kernel memory).
 */
static ALWAYS_INLINE bool z_syscall_trap(void)
{
#if !defined(CONFIG_USERSPACE) || defined(__ZEPHYR_SUPERVISOR__)
	return false;
#elif defined(__ZEPHYR_USER__)
	return true;
#else
	return k_is_user_context();
#endif
}

#endif /* BREEZE_SYSCALL_H */
