/*
 * Thread-side hooks of user mode. Without CONFIG_USERSPACE they are empty
 * inlines, so the thread code carries no conditionals.
 */
#ifndef BREEZE_KUSER_H
#define BREEZE_KUSER_H

#include <breeze/kernel.h>

#ifdef CONFIG_USERSPACE
/* Bytes of a struct k_thread before its context (the object header) that setup must keep. */
#define Z_THREAD_KEEP_BYTES sizeof(struct z_object_hdr)

/* True if @stack is a thread stack object (K_THREAD_STACK_DEFINE), usable by user threads. */
bool z_stack_is_user_capable(const k_thread_stack_t *stack);

/*
 * Lay out the thread stack object @stack for @t: its kernel TLS block, guard
 * and privileged stack in the reserved part, its user region and user TLS
 * block. Returns the initial stack top, and the kernel TLS block in *@tls.
 */
char *z_thread_stack_layout(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
			    void **tls);

/*
 * Register a new thread as a kernel object, give it a permission index
 * (holding itself, plus the creator's grants with K_INHERIT_PERMS) and the
 * creator's memory domain. Panics when CONFIG_MAX_THREADS or the registry is
 * exhausted: a thread without an index could not be isolated.
 */
void z_thread_user_setup(struct k_thread *t, struct k_thread *creator);

/* A thread ended (sched lock held): its stack, domain and grants given up. */
void z_thread_user_exit_locked(struct k_thread *t);

/* First run of a K_USER thread: drop to user mode. */
FUNC_NORETURN void z_thread_user_start(k_thread_entry_t entry, void *p1, void *p2, void *p3);
#else
#define Z_THREAD_KEEP_BYTES 0U

static inline bool z_stack_is_user_capable(const k_thread_stack_t *stack)
{
	ARG_UNUSED(stack);
	return false;
}

static inline char *z_thread_stack_layout(struct k_thread *t, k_thread_stack_t *stack,
					  size_t stack_size, void **tls)
{
	ARG_UNUSED(t);
	ARG_UNUSED(stack);
	ARG_UNUSED(stack_size);
	ARG_UNUSED(tls);
	return NULL;
}

static inline void z_thread_user_setup(struct k_thread *t, struct k_thread *creator)
{
	ARG_UNUSED(t);
	ARG_UNUSED(creator);
}

static inline void z_thread_user_exit_locked(struct k_thread *t)
{
	ARG_UNUSED(t);
}
#endif

#endif /* BREEZE_KUSER_H */
