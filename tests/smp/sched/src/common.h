/*
 * Helpers of the SMP scheduling tests: spinner threads that keep a CPU busy
 * without calling the kernel, and the CPU a thread runs on.
 */
#ifndef SMP_SCHED_COMMON_H
#define SMP_SCHED_COMMON_H

#include <zephyr/ztest.h>
#include <zephyr/kernel.h>

#define STACK_SIZE 1024
#define SPINNERS   (CONFIG_MP_MAX_NUM_CPUS + 2)

/* The CPU running the caller (a supervisor thread). */
static inline int cpu_now(void)
{
	unsigned int key = arch_irq_lock();
	int cpu = (int)arch_proc_id();

	arch_irq_unlock(key);
	return cpu;
}

/* A spinner: counts in a loop, never calling the kernel, until told to stop. */
struct spinner {
	struct k_thread thread;
	volatile uint32_t count;
	volatile int cpu;
	volatile bool stop;
};

extern struct spinner spinners[SPINNERS];

/*
 * Start spinner @i at @prio, pinned to @cpu (-1: any CPU but 0, which the
 * observer keeps); it runs at once if it may.
 */
k_tid_t spinner_start(unsigned int i, int prio, int cpu);

/*
 * Run @body in the observer: a cooperative thread pinned to CPU 0, where no
 * spinner may run, so that what the other CPUs do is up to the scheduler.
 * The observer waits by sleeping, never by spinning: under -icount a
 * spinning hart would keep the others from their turns.
 */
void observe(void (*body)(void));

/* Let the other CPUs run for about @ms, from the observer. */
void let_run(int ms);

/* Stop every spinner started and wait for its end. */
void spinners_stop(void);

/* Wait until spinner @i has counted (about 200 ms at most); true if it did. */
bool spinner_runs(unsigned int i);

#endif
