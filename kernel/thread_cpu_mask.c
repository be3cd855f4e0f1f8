/*
 * CPU masks of threads (see <breeze/kernel/cpu_mask.h>). The scheduler reads
 * the mask when a thread becomes ready (z_ready_thread_locked()): on this one
 * CPU a thread whose mask leaves out CPU 0 is not queued. Since a mask only
 * changes while its thread cannot run, that one check keeps the ready queue
 * right: no queued thread ever has its mask taken away.
 */
#include <ksched.h>

#define ALL_CPUS ((uint8_t)BIT_MASK(CONFIG_MP_MAX_NUM_CPUS))

static bool valid_cpu(int cpu)
{
	return cpu >= 0 && cpu < CONFIG_MP_MAX_NUM_CPUS;
}

/* The mask becomes (mask | enable) & ~disable, if the thread cannot run now. */
static int mask_mod(k_tid_t thread, uint8_t enable, uint8_t disable)
{
	int ret = 0;
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint8_t mask = (uint8_t)((thread->base.cpu_mask | enable) & ~disable);

	if (z_is_thread_runnable(thread)) {
		ret = -EINVAL;
	} else if (IS_ENABLED(CONFIG_SCHED_CPU_MASK_PIN_ONLY) && (mask & (mask - 1U)) != 0U) {
		ret = -EINVAL; /* more than one CPU */
	} else {
		thread->base.cpu_mask = mask;
	}
	k_spin_unlock(&_sched_spinlock, key);
	return ret;
}

int k_thread_cpu_mask_clear(k_tid_t thread)
{
	return mask_mod(thread, 0U, ALL_CPUS);
}

int k_thread_cpu_mask_enable_all(k_tid_t thread)
{
	return mask_mod(thread, ALL_CPUS, 0U);
}

int k_thread_cpu_mask_enable(k_tid_t thread, int cpu)
{
	return valid_cpu(cpu) ? mask_mod(thread, (uint8_t)BIT(cpu), 0U) : -EINVAL;
}

int k_thread_cpu_mask_disable(k_tid_t thread, int cpu)
{
	return valid_cpu(cpu) ? mask_mod(thread, 0U, (uint8_t)BIT(cpu)) : -EINVAL;
}

int k_thread_cpu_pin(k_tid_t thread, int cpu)
{
	if (!valid_cpu(cpu)) {
		return -EINVAL;
	}
	/* In one step, so that PIN_ONLY never sees two CPUs on the way. */
	return mask_mod(thread, (uint8_t)BIT(cpu), (uint8_t)(ALL_CPUS & ~BIT(cpu)));
}
