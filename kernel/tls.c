/*
 * Thread-local storage. Each thread gets its own copy of the TLS template
 * (picolibc keeps errno there) at the top of its stack, where the thread can
 * always reach it, in user mode too. The block also holds the thread's own
 * k_tid_t, so k_current_get() is a single load through the thread pointer.
 */
#include <string.h>
#include <kthread.h>

extern char __tdata_start[];
extern char __tdata_size[];
extern char __tbss_size[];
extern char __tls_align[];

static __thread struct k_thread *z_tls_current;

#ifdef CONFIG_USERSPACE
/*
 * True exactly while the thread executes in user mode: the trap entry clears
 * it and the return to user mode sets it (see isr.S). The system call
 * wrappers read it to choose between a trap and a direct call.
 */
__thread bool z_tls_user_mode;
#endif

/* Address in @t's TLS block of the variable whose address is @var in the caller's. */
static void *tls_slot(const struct k_thread *t, const void *var)
{
	return (char *)t->tls + ((uintptr_t)var - (uintptr_t)__builtin_thread_pointer());
}

void *z_tls_setup(char **stack_top, struct k_thread *t)
{
	size_t tdata = (size_t)__tdata_size;
	size_t tbss = (size_t)__tbss_size;
	size_t align = MAX((size_t)__tls_align, (size_t)ARCH_STACK_PTR_ALIGN);
	char *tls = (char *)ROUND_DOWN((uintptr_t)*stack_top - tdata - tbss, align);

	memcpy(tls, __tdata_start, tdata);
	memset(tls + tdata, 0, tbss);
	*stack_top = tls;
	t->tls = tls;
	/* Offsets from the thread pointer are fixed at link time. */
	*(struct k_thread **)tls_slot(t, &z_tls_current) = t;
	return tls;
}

k_tid_t k_current_get(void)
{
	return z_tls_current;
}
