/*
 * System call plumbing shared by the public headers.
 *
 * A public API that user threads may call is declared __syscall in its header
 * and listed in kernel/syscalls.def; the generated <syscalls.h> (included at
 * the end of <breeze/kernel.h>) defines it as an inline wrapper. In supervisor
 * mode the wrapper calls z_impl_<name> directly; in user mode it traps.
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

#endif /* BREEZE_SYSCALL_H */
