/*
 * Shared declarations of the kernel benchmarks.
 */
#ifndef BENCH_KERNEL_COMMON_H
#define BENCH_KERNEL_COMMON_H

#include <breeze/kernel.h>
#include "bench.h"

/* Written for an exact counter: BENCH_LOOP and the waiters run BENCH_ITERS(ITERS) rounds. */
#define ITERS 1000

/* Run @entry as a user thread (in @domain, or the default one) and wait for it. */
void run_user(k_thread_entry_t entry, struct k_mem_domain *domain);

void bench_switch(void);
void bench_sync(void);
void bench_misc(void);
void bench_futex(void);

/* From a user thread: the null call from code built for user mode only (user_only.c). */
void bench_null_user_only(void);

#endif
