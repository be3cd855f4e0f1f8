/*
 * A pool of worker threads shared by the test cases of this image. A test
 * spawns the workers it needs and joins them; reap_workers(), run after every
 * test, aborts whatever a failed test left behind so that the next test
 * starts with every slot free.
 */
#ifndef WORKERS_H
#define WORKERS_H

#include <zephyr/kernel.h>

#define NUM_WORKERS       4
#define WORKER_STACK_SIZE 1536

extern struct k_thread workers[NUM_WORKERS];

/* Create worker @slot running entry(p1, p2, p3) at @prio, started after @delay. */
k_tid_t spawn(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
	      k_timeout_t delay);

/* The same with thread @options (K_ESSENTIAL, K_FP_REGS, ...). */
k_tid_t spawn_opts(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		   int prio, uint32_t options, k_timeout_t delay);

/* Abort every worker spawned since the last call (a no-op for the ones that ended). */
void reap_workers(void);

/* ztest `after` hook calling reap_workers(). */
void reap_workers_after(void *fixture);

#endif /* WORKERS_H */
