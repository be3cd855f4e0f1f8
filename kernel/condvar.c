/*
 * Condition variables (k_condvar). A wait releases the mutex and joins the
 * wait queue under one hold of the scheduler lock, so a signal sent by the
 * thread that takes the mutex next always finds the waiter there.
 */
#include <ksched.h>
#include <kobject_init.h>

int z_impl_k_condvar_init(struct k_condvar *condvar)
{
	int ret = z_object_init_begin_for(condvar, K_OBJ_CONDVAR);

	if (ret != 0) {
		return ret; /* a racing user initialiser, or waiters: -EBUSY */
	}
	sys_dlist_init(&condvar->wait_q.waitq);
	z_object_init_end_for(condvar);
	return 0;
}

int z_impl_k_condvar_signal(struct k_condvar *condvar)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	(void)z_wake_first(&condvar->wait_q, 0);
	z_reschedule(key);
	return 0;
}

int z_impl_k_condvar_broadcast(struct k_condvar *condvar)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int woken = 0;

	while (z_wake_first(&condvar->wait_q, 0) != NULL) {
		woken++;
	}
	z_reschedule(key);
	return woken;
}

int z_impl_k_condvar_wait(struct k_condvar *condvar, struct k_mutex *mutex, k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr(), "k_condvar_wait may only wait in a thread");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = z_mutex_unlock_locked(mutex);

	if (ret < 0) {
		k_spin_unlock(&_sched_spinlock, key);
		return ret;
	}
	/* A waiter handed the mutex runs once this thread has blocked. */
	ret = z_pend_curr(key, &condvar->wait_q, timeout);

	int locked;

	/* An owner that ended released the mutex (-EOWNERDEAD): try again. */
	while ((locked = z_impl_k_mutex_lock(mutex, K_FOREVER)) == -EOWNERDEAD) {
	}
	return locked != 0 ? locked : ret;
}

#ifdef CONFIG_USERSPACE
#define CONDVAR_CHECK(c) K_OOPS(K_SYSCALL_OBJ(c, K_OBJ_CONDVAR))

int z_vrfy_k_condvar_init(struct k_condvar *condvar)
{
	/* Again only on an idle condvar: -EBUSY while threads wait on it. */
	K_OOPS(K_SYSCALL_OBJ_INIT(condvar, K_OBJ_CONDVAR));
	return z_impl_k_condvar_init(condvar);
}

int z_vrfy_k_condvar_signal(struct k_condvar *condvar)
{
	CONDVAR_CHECK(condvar);
	return z_impl_k_condvar_signal(condvar);
}

int z_vrfy_k_condvar_broadcast(struct k_condvar *condvar)
{
	CONDVAR_CHECK(condvar);
	return z_impl_k_condvar_broadcast(condvar);
}

int z_vrfy_k_condvar_wait(struct k_condvar *condvar, struct k_mutex *mutex, k_timeout_t timeout)
{
	CONDVAR_CHECK(condvar);
	K_OOPS(K_SYSCALL_OBJ(mutex, K_OBJ_MUTEX));
	return z_impl_k_condvar_wait(condvar, mutex, timeout);
}
#endif
