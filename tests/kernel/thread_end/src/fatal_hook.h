/*
 * The image's own k_sys_fatal_error_handler() (an ended essential thread is
 * a kernel panic, which ztest's handler would take for a failure): it records
 * each fatal error and returns, so the kernel aborts the thread that raised
 * it. A fatal error no test announced halts the run.
 */
#ifndef THREAD_END_FATAL_HOOK_H
#define THREAD_END_FATAL_HOOK_H

#include <zephyr/kernel.h>

struct fatal_seen {
	unsigned int count;
	unsigned int reason;
	k_tid_t thread; /* the current thread when it was raised */
};

/* Announce the next fatal errors and forget those seen so far. */
void fatal_expect(void);
/* What was seen since fatal_expect(); expecting stops. */
struct fatal_seen fatal_seen_take(void);

#endif /* THREAD_END_FATAL_HOOK_H */
