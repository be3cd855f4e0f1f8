/*
 * The optional per-thread state of the further thread calls: custom data,
 * the thread list, run-time statistics, per-thread time slices and stack
 * painting. Each part exists only with its option; all of it is kernel
 * memory, zeroed when a thread is created.
 */
#ifndef BREEZE_KERNEL_THREAD_EXT_H
#define BREEZE_KERNEL_THREAD_EXT_H

#include <stdint.h>
#include <stddef.h>
#include <breeze/sys/dlist.h>

struct k_thread;

/* Called (in the timer interrupt) when a thread's own time slice runs out. */
typedef void (*k_thread_timeslice_fn_t)(struct k_thread *thread, void *data);

struct _thread_ext {
#ifdef CONFIG_THREAD_CUSTOM_DATA
	void *custom_data; /* k_thread_custom_data_set() */
#endif
#ifdef CONFIG_THREAD_MONITOR
	sys_dnode_t monitor_node; /* in the list of live threads (k_thread_foreach()) */
#endif
#ifdef CONFIG_THREAD_RUNTIME_STATS
	uint64_t usage_cycles; /* cycles run, up to its last switch out */
#endif
#ifdef CONFIG_TIMESLICE_PER_THREAD
	int32_t slice_ticks; /* its own slice length; 0: the global one */
	k_thread_timeslice_fn_t slice_expired;
	void *slice_data;
#endif
#ifdef CONFIG_INIT_STACKS
	uintptr_t stack_low;  /* the painted part of its stack: from here ... */
	size_t stack_painted; /* ... this many bytes up */
#ifdef CONFIG_USERSPACE
	uintptr_t priv_stack_low;  /* the painted privileged stack (user-capable stacks) */
	size_t priv_stack_painted; /* 0: the thread has none */
#endif
#endif
	char _unused[0]; /* keeps the struct valid with every option off */
};

#endif /* BREEZE_KERNEL_THREAD_EXT_H */
