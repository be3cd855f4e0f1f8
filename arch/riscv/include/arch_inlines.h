/*
 * Small port services the kernel calls on hot paths, inline.
 */
#ifndef BREEZE_RISCV_ARCH_INLINES_H
#define BREEZE_RISCV_ARCH_INLINES_H

#include <kernel_structs.h>

#ifdef CONFIG_USERSPACE
/* The frame of the current thread's system call, at the top of its privileged stack. */
static ALWAYS_INLINE struct arch_esf *arch_syscall_frame(void)
{
	return (struct arch_esf *)(_current->userspace.priv_stack_top - ESF_SIZE);
}

/* Second result word of the system call in progress (a1; 0 unless set). */
static ALWAYS_INLINE void arch_syscall_ret_hi_set(uintptr_t hi)
{
	arch_syscall_frame()->a1 = hi;
}
#endif

/* Before switching to @new: a user thread gets its protection loaded. */
static ALWAYS_INLINE void arch_thread_switch_prepare(struct k_thread *new)
{
#ifdef CONFIG_USERSPACE
	if ((new->base.user_options &K_USER) != 0U) {
		arch_mem_domain_thread_load(new);
	}
#else
	ARG_UNUSED(new);
#endif
}

#endif /* BREEZE_RISCV_ARCH_INLINES_H */
