/*
 * Thread-local storage. A TLS block holds the .tdata/.tbss template (picolibc
 * keeps errno there), the k_tid_t of its thread (so k_current_get() is one
 * load through the thread pointer) and whether code using the block runs in
 * user mode. The word just below the block is the stack canary that
 * -fstack-protector code compares against (-mstack-protector-guard=tls,
 * offset Z_TLS_CANARY_OFFSET from tp).
 *
 * Kernel code always runs with a kernel TLS block: at the top of a kernel
 * stack, or in the reserved part of a thread stack. Everything kernel code
 * trusts there (the canary, its idea of the current thread, "not in user
 * mode") therefore lies in memory no user thread can read or write. A user
 * thread has a second block at the top of its user stack, with a canary of its
 * own: it may read or change it, but only to its own harm. The trap code
 * switches tp between the two; it never writes either block.
 */
#include <string.h>
#include <kthread.h>
#include <kernel_internal.h>

extern char __tdata_start[];
extern char __tdata_size[];
extern char __tbss_size[];
extern char __tls_align[];

static __thread struct k_thread *z_tls_current;

#ifdef CONFIG_USERSPACE
/* True in a user TLS block, false in a kernel one; the system call wrappers read it. */
__thread bool z_tls_user_mode;
#endif

/*
 * Bytes between the thread pointer and the first thread-local variable: the
 * ABI's thread control block (8 on Arm, none on RISC-V). A "TLS block" below
 * is named by its thread pointer value.
 */
#ifndef ARCH_TLS_TCB_SIZE
#define ARCH_TLS_TCB_SIZE 0
#endif

/* Address in the block @tls of the variable whose address is @var in the caller's. */
static void *tls_slot(void *tls, const void *var)
{
	return (char *)tls + ((uintptr_t)var - (uintptr_t)__builtin_thread_pointer());
}

static size_t tls_block_size(void)
{
	return ROUND_UP(ARCH_TLS_TCB_SIZE + (size_t)__tdata_size + (size_t)__tbss_size,
			ARCH_STACK_PTR_ALIGN);
}

void z_tls_block_init(void *tls, struct k_thread *t, bool user)
{
	size_t tdata = (size_t)__tdata_size;
	char *data = (char *)tls + ARCH_TLS_TCB_SIZE;

	memcpy(data, __tdata_start, tdata);
	memset(data + tdata, 0, (size_t)__tbss_size);
	/* Offsets from the thread pointer are fixed at link time. */
	*(struct k_thread **)tls_slot(tls, &z_tls_current) = t;
#ifdef CONFIG_USERSPACE
	*(bool *)tls_slot(tls, &z_tls_user_mode) = user;
#endif
	*(uintptr_t *)((char *)tls + Z_TLS_CANARY_OFFSET) = z_stack_chk_guard_for(user);
}

void *z_tls_setup(char **stack_top, struct k_thread *t, bool user)
{
	size_t align = MAX((size_t)__tls_align, (size_t)ARCH_STACK_PTR_ALIGN);
	char *tls = (char *)ROUND_DOWN((uintptr_t)*stack_top - tls_block_size(), align);

	z_tls_block_init(tls, t, user);
	/* The stack starts below the canary word, keeping its alignment. */
	*stack_top = tls - ARCH_STACK_PTR_ALIGN;
	return tls;
}

k_tid_t k_current_get(void)
{
	return z_tls_current;
}
