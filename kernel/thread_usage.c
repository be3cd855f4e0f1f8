/*
 * Run-time statistics: at each context switch the thread switched out is
 * charged the cycles since the previous switch. The CPU's totals (all time,
 * and the idle thread's) are kept too, so that threads that have ended still
 * count in k_thread_runtime_stats_all_get().
 *
 * One CPU: the bookkeeping is static (with SMP it would move to struct _cpu).
 */
#include <ksched.h>
#include <thread_ext_internal.h>

static uint64_t stretch_start; /* cycle count at the last switch (0: boot) */
static uint64_t all_cycles;    /* charged so far, to any thread */
static uint64_t idle_cycles;   /* of which to the idle thread */

void z_thread_usage_switch_locked(struct k_thread *old, struct k_thread *new)
{
	ARG_UNUSED(new);
	uint64_t now = k_cycle_get_64();
	uint64_t d = now - stretch_start;

	stretch_start = now;
	all_cycles += d;
	if (old == NULL) {
		return; /* it has ended: its storage may be in other hands already (sched.c) */
	}
	old->ext.usage_cycles += d;
	if (z_is_idle_thread(old)) {
		idle_cycles += d;
	}
}

/* The running thread's stretch so far (lock held). */
static uint64_t current_stretch(void)
{
	return k_cycle_get_64() - stretch_start;
}

int k_thread_runtime_stats_get(k_tid_t thread, k_thread_runtime_stats_t *stats)
{
	if (thread == NULL || stats == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint64_t cycles = thread->ext.usage_cycles + (thread == _current ? current_stretch() : 0U);

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
	uint64_t stretch = current_stretch();
	uint64_t all = all_cycles + stretch;
	uint64_t idle = idle_cycles + (z_is_idle_thread(_current) ? stretch : 0U);

	k_spin_unlock(&_sched_spinlock, key);
	*stats = (k_thread_runtime_stats_t){
		.execution_cycles = all,
		.total_cycles = all - idle,
		.idle_cycles = idle,
	};
	return 0;
}
