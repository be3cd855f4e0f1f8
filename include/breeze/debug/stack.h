/*
 * Stack usage report: log_stack_usage(thread) prints one line with how much of
 * a thread's stack it has used so far, from the painting of CONFIG_INIT_STACKS
 * (k_thread_stack_space_get()); without that option it prints nothing.
 * Supervisor mode (it reads the thread's name and stack bounds).
 */
#ifndef BREEZE_DEBUG_STACK_H
#define BREEZE_DEBUG_STACK_H

#include <breeze/kernel.h>

static inline void log_stack_usage(const struct k_thread *thread)
{
#ifdef CONFIG_INIT_STACKS
	size_t unused;
	size_t size = thread->stack_info.size;

	if (size == 0U || k_thread_stack_space_get(thread, &unused) != 0) {
		return;
	}
	const char *name = k_thread_name_get((k_tid_t)thread);

	printk("%p (%s): unused %u, usage %u / %u (%u %%)\n", (const void *)thread,
	       name != NULL ? name : "unknown", (unsigned int)unused, (unsigned int)(size - unused),
	       (unsigned int)size, (unsigned int)((size - unused) * 100U / size));
#else
	ARG_UNUSED(thread);
#endif
}

#endif /* BREEZE_DEBUG_STACK_H */
