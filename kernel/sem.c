/*
 * Counting semaphores. A give hands the unit straight to the most urgent
 * waiter (the count stays 0), so a woken taker can never lose it to a thread
 * that arrives later.
 */
#include <ksched.h>
#include <kobject_init.h>
#include <poll_internal.h>
#include <breeze/tracing.h>

int z_impl_k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit)
{
	if (limit == 0U || initial_count > limit) {
		return -EINVAL;
	}
	int ret = z_object_init_begin_for(sem, K_OBJ_SEM);

	if (ret != 0) {
		return ret;
	}
	sys_dlist_init(&sem->wait_q.waitq);
	sem->count = initial_count;
	sem->limit = limit;
	z_object_init_end_for(sem);
	return 0;
}

void z_impl_k_sem_give(struct k_sem *sem)
{
	sys_port_trace_k_sem_give(sem);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct k_thread *waiter = z_waitq_head(&sem->wait_q);

	if (waiter != NULL) {
		z_wake_thread(waiter, 0);
		z_reschedule(key);
		return;
	}
	if (sem->count < sem->limit) {
		sem->count++;
	}
	if (z_poll_notify_locked(sem, K_POLL_STATE_SEM_AVAILABLE)) {
		z_reschedule(key);
		return;
	}
	/* Nobody was made ready: nothing to reschedule. */
	k_spin_unlock(&_sched_spinlock, key);
}

int z_impl_k_sem_take(struct k_sem *sem, k_timeout_t timeout)
{
	sys_port_trace_k_sem_take(sem, timeout);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (sem->count > 0U) {
		sem->count--;
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
	__ASSERT(!k_is_in_isr(), "k_sem_take may only wait in a thread");
	return z_pend_curr(key, &sem->wait_q, timeout);
}

void z_impl_k_sem_reset(struct k_sem *sem)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	sem->count = 0;
	(void)z_wake_all(&sem->wait_q, -EAGAIN);
	z_reschedule(key);
}

unsigned int z_impl_k_sem_count_get(struct k_sem *sem)
{
	return sem->count;
}

#ifdef CONFIG_USERSPACE
int z_vrfy_k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit)
{
	K_OOPS(K_SYSCALL_OBJ_INIT(sem, K_OBJ_SEM));
	return z_impl_k_sem_init(sem, initial_count, limit);
}

/* Take and give: frameless when the check passes (K_SYSCALL_OBJ_FAST). */
static Z_SYSCALL_SLOW_PATH int z_vrfy_k_sem_take_checked(struct k_sem *sem, k_timeout_t timeout)
{
	K_OOPS(K_SYSCALL_OBJ_SLOW(sem, K_OBJ_SEM));
	return z_impl_k_sem_take(sem, timeout);
}

int z_vrfy_k_sem_take(struct k_sem *sem, k_timeout_t timeout)
{
	return K_SYSCALL_OBJ_FAST(sem, K_OBJ_SEM) ? z_impl_k_sem_take(sem, timeout)
						  : z_vrfy_k_sem_take_checked(sem, timeout);
}

static Z_SYSCALL_SLOW_PATH void z_vrfy_k_sem_give_checked(struct k_sem *sem)
{
	K_OOPS(K_SYSCALL_OBJ_SLOW(sem, K_OBJ_SEM));
	z_impl_k_sem_give(sem);
}

void z_vrfy_k_sem_give(struct k_sem *sem)
{
	K_SYSCALL_OBJ_FAST(sem, K_OBJ_SEM) ? z_impl_k_sem_give(sem)
					   : z_vrfy_k_sem_give_checked(sem);
}

void z_vrfy_k_sem_reset(struct k_sem *sem)
{
	K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
	z_impl_k_sem_reset(sem);
}

unsigned int z_vrfy_k_sem_count_get(struct k_sem *sem)
{
	K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
	return z_impl_k_sem_count_get(sem);
}
#endif
