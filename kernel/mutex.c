/*
 * Mutexes with priority inheritance.
 *
 * A thread has a base priority (base.base_prio: what it asked for, at
 * creation or with k_thread_priority_set()) and an effective one (base.prio,
 * what the scheduler uses). Only the effective priority is ever boosted:
 * while a more urgent thread waits, the owner runs at that thread's priority.
 * owner_orig_prio is the boost the owner already had from other mutexes when
 * it took this one (K_LOWEST_THREAD_PRIO: none). On unlock the owner returns
 * to the more urgent of that and its base priority, as it is then (the base
 * may have changed meanwhile), and the mutex passes directly to the most
 * urgent waiter. When a waiter gives up (timeout, abort), the owner's boost
 * is recomputed from the waiters that remain at that very moment, not when
 * the waiter next runs: an owner that keeps the CPU must not keep a stale
 * boost.
 */
#include <ksched.h>
#include <kobject_init.h>
#include <kuser.h>

int z_impl_k_mutex_init(struct k_mutex *mutex)
{
	int ret = z_object_init_begin_for(mutex, K_OBJ_MUTEX);

	if (ret != 0) {
		return ret;
	}
	sys_dlist_init(&mutex->wait_q.waitq);
	mutex->owner = NULL;
	mutex->lock_count = 0;
	mutex->owner_orig_prio = K_LOWEST_APPLICATION_THREAD_PRIO;
	z_object_init_end_for(mutex);
	return 0;
}

#ifdef CONFIG_USERSPACE
/*
 * Mutexes each thread owns, by permission index: a thread that ends owning
 * none, the usual case, costs no walk over the registry under the scheduler
 * lock (z_mutex_abandon_locked()).
 */
static uint16_t owned[CONFIG_MAX_THREADS];
#endif

/* @t owns one mutex more (@n = 1) or one less (@n = -1). */
static inline void owned_add(const struct k_thread *t, int n)
{
#ifdef CONFIG_USERSPACE
	owned[t->userspace.perm_index] += n;
#else
	ARG_UNUSED(t);
	ARG_UNUSED(n);
#endif
}

/* What @t runs at beyond its base priority when it takes a mutex (see above). */
static int boost_of(const struct k_thread *t)
{
	return t->base.prio < t->base.base_prio ? t->base.prio : K_LOWEST_THREAD_PRIO;
}

/* The owner's priority without this mutex's waiters. */
static int owner_own_prio(const struct k_mutex *mutex)
{
	return MIN(mutex->owner_orig_prio, mutex->owner->base.base_prio);
}

/* The priority the owner should run at: its own, or its most urgent waiter's. */
static int inherited_prio(struct k_mutex *mutex)
{
	int prio = owner_own_prio(mutex);

	if (IS_ENABLED(CONFIG_PRIORITY_INHERITANCE)) {
		struct k_thread *w = z_waitq_head(&mutex->wait_q);

		if (w != NULL && w->base.prio < prio) {
			prio = w->base.prio;
		}
	}
	return prio;
}

void z_mutex_waiter_gone_locked(struct k_mutex *mutex)
{
	/* The owner keeps only the boost the remaining waiters justify. */
	if (mutex->owner != NULL) {
		z_thread_prio_set_locked(mutex->owner, inherited_prio(mutex));
	}
}

int z_impl_k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr(), "mutexes cannot be used in an ISR");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct k_thread *cur = _current;

	if (mutex->lock_count == 0U || mutex->owner == cur) {
		if (mutex->lock_count == 0U) {
			mutex->owner = cur;
			owned_add(cur, 1);
			mutex->owner_orig_prio = boost_of(cur);
		}
		mutex->lock_count++;
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
#ifdef CONFIG_PRIORITY_INHERITANCE
	if (cur->base.prio < mutex->owner->base.prio) {
		z_thread_prio_set_locked(mutex->owner, cur->base.prio);
	}
	/* If it gives up (timeout, abort), z_mutex_waiter_gone_locked() unboosts. */
	cur->base.pend_mutex = mutex;
#endif
	/* 0: the unlocking thread made us the owner; -EAGAIN; -EOWNERDEAD. */
	return z_pend_curr(key, &mutex->wait_q, timeout);
}

void z_thread_base_prio_set_locked(struct k_thread *t, int prio)
{
	/* A boost stays while it is more urgent than the new base. */
	int boost = boost_of(t);

	t->base.base_prio = (int8_t)prio;
	z_thread_prio_set_locked(t, MIN(prio, boost));
}

int z_impl_k_mutex_unlock(struct k_mutex *mutex)
{
	__ASSERT(!k_is_in_isr(), "mutexes cannot be used in an ISR");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (mutex->owner == NULL) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EINVAL;
	}
	if (mutex->owner != _current) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EPERM;
	}
	if (--mutex->lock_count > 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}

	z_thread_prio_set_locked(mutex->owner, owner_own_prio(mutex));
	owned_add(mutex->owner, -1);

	struct k_thread *next = z_wake_first(&mutex->wait_q, 0);

	mutex->owner = next;
	if (next != NULL) {
		owned_add(next, 1);
		mutex->lock_count = 1;
		mutex->owner_orig_prio = boost_of(next);
	}
	z_reschedule(key);
	return 0;
}

#ifdef CONFIG_USERSPACE
/* A thread ended while owning mutexes: free them; their waiters learn it. */
static void abandon(void *obj, void *arg)
{
	struct k_mutex *mutex = obj;

	if (mutex->owner != arg) {
		return;
	}
	z_thread_prio_set_locked(mutex->owner, owner_own_prio(mutex));
	mutex->owner = NULL; /* its owner's count is reset once all are found */
	mutex->lock_count = 0;
	(void)z_wake_all(&mutex->wait_q, -EOWNERDEAD);
}

void z_mutex_abandon_locked(struct k_thread *dead)
{
	/*
	 * A walk over the registry, bounded by CONFIG_MAX_KERNEL_OBJECTS, only
	 * for a thread that ends owning a mutex: the waiters must be woken now,
	 * under this lock, so it cannot be put off or cut into chunks. The
	 * count is reset whatever it found, as a mutex the registry never took
	 * cannot be found.
	 */
	if (owned[dead->userspace.perm_index] != 0U) {
		z_object_foreach(K_OBJ_MUTEX, abandon, dead);
		owned[dead->userspace.perm_index] = 0U;
	}
}

int z_vrfy_k_mutex_init(struct k_mutex *mutex)
{
	K_OOPS(K_SYSCALL_OBJ_INIT(mutex, K_OBJ_MUTEX));
	return z_impl_k_mutex_init(mutex);
}

int z_vrfy_k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout)
{
	K_OOPS(K_SYSCALL_OBJ(mutex, K_OBJ_MUTEX));
	return z_impl_k_mutex_lock(mutex, timeout);
}

int z_vrfy_k_mutex_unlock(struct k_mutex *mutex)
{
	K_OOPS(K_SYSCALL_OBJ(mutex, K_OBJ_MUTEX));
	return z_impl_k_mutex_unlock(mutex);
}
#endif
