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

void *z_tls_setup(char **stack_top, struct k_thread *t)
{
	size_t tdata = (size_t)__tdata_size;
	size_t tbss = (size_t)__tbss_size;
	size_t align = MAX((size_t)__tls_align, (size_t)ARCH_STACK_PTR_ALIGN);
	char *tls = (char *)ROUND_DOWN((uintptr_t)*stack_top - tdata - tbss, align);

	memcpy(tls, __tdata_start, tdata);
	memset(tls + tdata, 0, tbss);
	*stack_top = tls;

	/* z_tls_current's offset from the thread pointer is fixed at link time. */
	uintptr_t offset = (uintptr_t)&z_tls_current - (uintptr_t)__builtin_thread_pointer();

	*(struct k_thread **)(tls + offset) = t;
	return tls;
}

k_tid_t k_current_get(void)
{
	return z_tls_current;
}
