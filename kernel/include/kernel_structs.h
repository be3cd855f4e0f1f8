/*
 * The kernel's global state: per-CPU data and the ready queue.
 */
#ifndef BREEZE_KERNEL_STRUCTS_H
#define BREEZE_KERNEL_STRUCTS_H

#include <breeze/kernel.h>
#include <prio_bitmap.h>

/* Priority levels: -NUM_COOP .. NUM_PREEMPT (idle), mapped to 0 .. K_NUM_PRIORITIES-1. */
#define K_NUM_PRIORITIES   (CONFIG_NUM_COOP_PRIORITIES + CONFIG_NUM_PREEMPT_PRIORITIES + 1)
#define Z_PRIO_LEVEL(prio) ((unsigned int)((prio) + CONFIG_NUM_COOP_PRIORITIES))

/* Priorities are int8_t: -128 (NUM_COOP_PRIORITIES = 128) .. 127 (the idle level). */
BUILD_ASSERT(K_NUM_PRIORITIES <= 256, "at most 256 priority levels");

struct _ready_q {
	uint32_t bitmap[PRIO_BITMAP_WORDS(K_NUM_PRIORITIES)];
	sys_dlist_t queues[K_NUM_PRIORITIES]; /* FIFO per level; the running thread stays in */
};

struct _cpu {
	struct k_thread *current;
	struct k_thread *idle_thread;
	uint32_t nested; /* interrupt nesting depth: > 0 in an ISR */
#ifdef CONFIG_TIMESLICING
	struct _timeout slice_timeout;
	bool slice_forces_switch; /* a slice of the thread's own ended */
#endif
#ifdef CONFIG_SMP
	/*
	 * The running thread once it has ended, until the switch away from it
	 * (kernel/sched.c; one CPU keeps it there, so that this structure and
	 * the ready queue's place after it stay as they were).
	 */
	struct k_thread *ended_current;
	uint8_t id;
	int8_t promised_prio; /* most urgent thread an IPI sent it for, until it schedules */
	atomic_t ipi_pending; /* Z_IPI_* bits, set by other CPUs (kernel/smp.c) */
#endif
};

struct z_kernel {
	struct _cpu cpus[CONFIG_MP_MAX_NUM_CPUS];
	struct _ready_q ready_q;
};

extern struct z_kernel _kernel;

/* The index of @cpu in _kernel.cpus. */
#define CPU_INDEX(cpu) ((unsigned int)((cpu)-_kernel.cpus))

#ifdef CONFIG_SMP
/*
 * The CPU running the caller. Stable only with interrupts masked (inside a
 * spinlock): otherwise the thread may move to another CPU at any time.
 */
#define _current_cpu (&_kernel.cpus[arch_proc_id()])

/* The running thread, read with interrupts masked so that it cannot move meanwhile. */
static ALWAYS_INLINE struct k_thread *z_smp_current_get(void)
{
	unsigned int key = arch_irq_lock();
	struct k_thread *t = _current_cpu->current;

	arch_irq_unlock(key);
	return t;
}
#define _current z_smp_current_get()
#else
#define _current_cpu (&_kernel.cpus[0])
#define _current     (_current_cpu->current)
#endif

/* The one lock of the scheduler, wait queues, timeouts and kernel objects. */
extern struct k_spinlock _sched_spinlock;

#endif /* BREEZE_KERNEL_STRUCTS_H */
