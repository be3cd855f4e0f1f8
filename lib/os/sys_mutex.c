/*
 * sys_mutex over a PI futex word (include/breeze/sys/mutex.h): the word
 * names the owner (its k_tid_t, which k_current_get() gives without a system
 * call), and the owner alone keeps the recursion count beside it. Lock and
 * unlock without contention are one compare-and-swap each; the kernel is
 * entered only when the word is taken (k_futex_lock_pi()) or, at unlock,
 * carries the waiters bit (k_futex_unlock_pi()).
 */
#include <breeze/sys/mutex.h>

#ifdef CONFIG_FUTEX

#define WAITERS ((uintptr_t)K_FUTEX_PI_WAITERS)

int sys_mutex_lock(struct sys_mutex *mutex, k_timeout_t timeout)
{
	uintptr_t self = (uintptr_t)k_current_get();

	if (atomic_cas(&mutex->futex.val, 0, (atomic_val_t)self)) {
		mutex->count = 1U;
		return 0;
	}
	if (((uintptr_t)atomic_get(&mutex->futex.val) & ~WAITERS) == self) {
		mutex->count++;
		return 0;
	}
	/*
	 * Taken: the kernel waits (or, with K_NO_WAIT, says -EBUSY), and takes
	 * the word over from an owner that ended.
	 */
	int ret = k_futex_lock_pi(&mutex->futex, timeout);

	if (ret == 0 || ret == -EOWNERDEAD) {
		mutex->count = 1U;
	}
	return ret;
}

int sys_mutex_unlock(struct sys_mutex *mutex)
{
	uintptr_t self = (uintptr_t)k_current_get();

	/*
	 * The common case first: the last unlock of a word naming the caller
	 * alone. A count read from someone else's hold does no harm: the
	 * compare-and-swap then fails. The count stays 1 (a lock sets it).
	 */
	if (mutex->count == 1U && atomic_cas(&mutex->futex.val, (atomic_val_t)self, 0)) {
		return 0;
	}
	uintptr_t v = (uintptr_t)atomic_get(&mutex->futex.val);

	if ((v & ~WAITERS) != self) {
		return v == 0U ? -EINVAL : -EPERM;
	}
	if (mutex->count > 1U) {
		mutex->count--;
		return 0;
	}
	return k_futex_unlock_pi(&mutex->futex); /* threads wait: hand it over */
}

#endif /* CONFIG_FUTEX */
