/*
 * Run-time statistics: at each context switch the thread switched out is
 * charged the cycles since the previous switch. The CPU's totals (all time,
 * and the idle thread's) are kept too, so that threads that have ended still
 * count in k_thread_runtime_stats_all_get().
 *
 * With SMP each CPU has its stretch, and the totals add up every CPU's time.
 */
#include <ksched.h>
#include <thread_ext_internal.h>

/* Per CPU: the cycle count at its last switch (0: boot). */
static uint64_t stretch_start[CONFIG_MP_MAX_NUM_CPUS];
static uint64_t all_cycles;  /* charged so far, to any thread */
static uint64_t idle_cycles; /* of which to idle threads */

void z_thread_usage_switch_locked(struct k_thread *old, struct k_thread *new)
{
	ARG_UNUSED(new);
	uint64_t *start = &stretch_start[CPU_INDEX(_current_cpu)];
	uint64_t now = k_cycle_get_64();
	uint64_t d = now - *start;

	*start = now;
	all_cycles += d;
	if (old == NULL) {
		return; /* it has ended: its storage may be in other hands already (sched.c) */
	}
	old->ext.usage_cycles += d;
	if (z_is_idle_thread(old)) {
		idle_cycles += d;
	}
}

/* The stretch so far of the thread running on CPU @cpu (lock held). */
static uint64_t cpu_stretch(unsigned int cpu)
{
	return k_cycle_get_64() - stretch_start[cpu];
}

/* The CPU running @t, or -1. */
static int running_on(const struct k_thread *t)
{
#ifdef CONFIG_SMP
	return t->base.cpu;
#else
	return t == _current ? 0 : -1;
#endif
}

int k_thread_runtime_stats_get(k_tid_t thread, k_thread_runtime_stats_t *stats)
{
	if (thread == NULL || stats == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int cpu = running_on(thread);
	uint64_t cycles =
	    thread->ext.usage_cycles + (cpu >= 0 ? cpu_stretch((unsigned int)cpu) : 0U);

	k_spin_unlock(&_sched_spinlock, key);
	*stats = (k_thread_runtime_stats_t){ .execution_cycles = cycles, .total_cycles = cycles };
	return 0;
}

int k_thread_runtime_stats_all_get(k_thread_runtime_stats_t *stats)
{
	if (stats == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint64_t all = all_cycles;
	uint64_t idle = idle_cycles;

	for (unsigned int i = 0; i < arch_num_cpus(); i++) {
		uint64_t stretch = cpu_stretch(i);

		all += stretch;
		idle += z_is_idle_thread(_kernel.cpus[i].current) ? stretch : 0U;
	}

	k_spin_unlock(&_sched_spinlock, key);
	*stats = (k_thread_runtime_stats_t){
		.execution_cycles = all,
		.total_cycles = all - idle,
		.idle_cycles = idle,
	};
	return 0;
}
