/*
 * When a thread's timeout (its sleep, its wait's time limit, its delayed
 * start) fires: read under the scheduler lock, which every arming and
 * disarming takes.
 */
#include <ksched.h>
#include <timeout_q.h>

k_ticks_t z_impl_k_thread_timeout_expires_ticks(const struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	k_ticks_t ticks = z_timeout_expires_ticks(&thread->base.timeout);

	k_spin_unlock(&_sched_spinlock, key);
	return ticks;
}

k_ticks_t z_impl_k_thread_timeout_remaining_ticks(const struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	k_ticks_t ticks = z_timeout_remaining_ticks(&thread->base.timeout);

	k_spin_unlock(&_sched_spinlock, key);
	return ticks;
}

#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>

/*
 * A thread the caller holds, created and not ended (an ended thread's object
 * is uninitialised again, as in Zephyr).
 */
k_ticks_t z_vrfy_k_thread_timeout_expires_ticks(const struct k_thread *thread)
{
	K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
	return z_impl_k_thread_timeout_expires_ticks(thread);
}

k_ticks_t z_vrfy_k_thread_timeout_remaining_ticks(const struct k_thread *thread)
{
	K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
	return z_impl_k_thread_timeout_remaining_ticks(thread);
}
#endif
