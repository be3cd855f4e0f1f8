/*
 * The thread analyzer (CONFIG_THREAD_ANALYZER), Zephyr's API: for every live
 * thread, its stack size and the most of it ever used (the high-water mark
 * of the painting of CONFIG_INIT_STACKS), and for a user thread its
 * privileged stack apart (where its system calls run), since either one
 * overflowing kills the thread. Supervisor mode.
 */
#ifndef BREEZE_DEBUG_THREAD_ANALYZER_H
#define BREEZE_DEBUG_THREAD_ANALYZER_H

#include <stddef.h>
#include <breeze/kernel.h>

struct thread_analyzer_info {
	const char *name; /* the thread's name, or its address as text */
	size_t stack_size;
	size_t stack_used;
	/* The privileged stack: both 0 for a supervisor thread. */
	size_t priv_stack_size;
	size_t priv_stack_used;
};

typedef void (*thread_analyzer_cb)(struct thread_analyzer_info *info);

/*
 * Call @cb once per live thread, the scheduler lock released around each
 * call. @cpu is accepted for Zephyr's signature: Breeze's threads are not
 * bound to a CPU's list, so every thread is reported whatever its value.
 */
void thread_analyzer_run(thread_analyzer_cb cb, unsigned int cpu);

/* Print one line per thread (and per privileged stack) on the console. */
void thread_analyzer_print(unsigned int cpu);

#endif /* BREEZE_DEBUG_THREAD_ANALYZER_H */
