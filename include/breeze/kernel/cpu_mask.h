/*
 * CPU masks (CONFIG_SCHED_CPU_MASK): the set of CPUs a thread may run on, as
 * Zephyr's k_thread_cpu_mask_*() and k_thread_cpu_pin().
 *
 * A mask changes only while its thread cannot run (created with K_FOREVER and
 * not started, suspended, blocked, sleeping or ended); on a thread that can,
 * each call returns -EINVAL and changes nothing, as in Zephyr. A new thread
 * may run on every CPU (with CONFIG_SCHED_CPU_MASK_PIN_ONLY: on CPU 0 only).
 *
 * Breeze runs on one CPU, CPU 0: a thread whose mask leaves it out is kept
 * out of the ready queue and never runs, until its mask lets it in again
 * (suspend it, change the mask, resume it). Supervisor mode only, as in
 * Zephyr.
 */
#ifndef BREEZE_KERNEL_CPU_MASK_H
#define BREEZE_KERNEL_CPU_MASK_H

#include <breeze/kernel/thread.h>

#ifdef CONFIG_SCHED_CPU_MASK
/*
 * Each returns 0, or -EINVAL when @thread may run now, when @cpu is not a CPU
 * of the system (0 .. CONFIG_MP_MAX_NUM_CPUS - 1), or, with
 * CONFIG_SCHED_CPU_MASK_PIN_ONLY, when the mask would name more than one CPU.
 */
int k_thread_cpu_mask_clear(k_tid_t thread);      /* no CPU: the thread never runs */
int k_thread_cpu_mask_enable_all(k_tid_t thread); /* every CPU */
int k_thread_cpu_mask_enable(k_tid_t thread, int cpu);
int k_thread_cpu_mask_disable(k_tid_t thread, int cpu);
int k_thread_cpu_pin(k_tid_t thread, int cpu); /* @cpu alone */
#endif

#endif /* BREEZE_KERNEL_CPU_MASK_H */
