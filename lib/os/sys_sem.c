/*
 * sys_sem (include/breeze/sys/sem.h). With futexes the count is the word
 * itself: a give or take that needs nobody else is one compare-and-swap in
 * the caller's memory. The word is -1 when no unit is left and threads may
 * be waiting: a take about to wait sets it, a give that finds it makes one
 * unit and wakes one waiter, which takes it (or, if another thread took it
 * first, waits again).
 *
 * A woken taker that takes the last unit leaves -1 rather than 0: others may
 * still wait, and only -1 makes the next give wake one of them. That costs at
 * most one wake with nobody to wake. The word is trusted by nobody but the
 * threads sharing it: any value another sharer writes (a negative one reads
 * as "none left") can only delay or hurry them.
 */
#include <breeze/sys/sem.h>

#ifdef CONFIG_FUTEX

int sys_sem_init(struct sys_sem *sem, unsigned int initial_count, unsigned int limit)
{
	if (limit == 0U || limit > INT_MAX || initial_count > limit) {
		return -EINVAL;
	}
	sem->limit = (int)limit;
	atomic_set(&sem->futex.val, (atomic_val_t)initial_count);
	return 0;
}

/* The give that found no room at first sight: a waiter to wake, the limit, or a race. */
static __attribute__((noinline)) int give_slow(struct sys_sem *sem)
{
	for (;;) {
		atomic_val_t c = atomic_get(&sem->futex.val);

		if (c < 0) {
			/* None left, and threads may wait: make one and wake one. */
			if (atomic_cas(&sem->futex.val, c, 1)) {
				int ret = k_futex_wake(&sem->futex, false);

				return ret < 0 ? ret : 0;
			}
		} else if (c >= sem->limit) {
			return -EAGAIN;
		} else if (atomic_cas(&sem->futex.val, c, c + 1)) {
			return 0;
		}
	}
}

int sys_sem_give(struct sys_sem *sem)
{
	atomic_val_t c = atomic_get(&sem->futex.val);

	if (c >= 0 && c < sem->limit && atomic_cas(&sem->futex.val, c, c + 1)) {
		return 0; /* the common case: one compare-and-swap */
	}
	return give_slow(sem);
}

/* The take that found no unit at first sight: wait for one, or a race. */
static __attribute__((noinline)) int take_slow(struct sys_sem *sem, k_timeout_t timeout)
{
	k_timepoint_t end = sys_timepoint_calc(timeout);
	bool waited = false;

	for (;;) {
		atomic_val_t c = atomic_get(&sem->futex.val);

		if (c > 0) {
			atomic_val_t left = c == 1 && waited ? -1 : c - 1;

			if (atomic_cas(&sem->futex.val, c, left)) {
				return 0;
			}
			continue;
		}
		if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
			return -EBUSY;
		}
		if (c == 0) {
			if (!atomic_cas(&sem->futex.val, 0, -1)) {
				continue;
			}
			c = -1;
		}
		k_timeout_t rest = sys_timepoint_timeout(end);

		if (K_TIMEOUT_EQ(rest, K_NO_WAIT)) {
			return -EAGAIN;
		}
		/* -EAGAIN from the futex: the word changed before the wait, look again. */
		int ret = k_futex_wait(&sem->futex, (int)c, rest);

		if (ret == -ETIMEDOUT) {
			return -EAGAIN;
		}
		if (ret != 0 && ret != -EAGAIN) {
			return ret;
		}
		waited = true;
	}
}

int sys_sem_take(struct sys_sem *sem, k_timeout_t timeout)
{
	atomic_val_t c = atomic_get(&sem->futex.val);

	if (c > 0 && atomic_cas(&sem->futex.val, c, c - 1)) {
		return 0; /* the common case: one compare-and-swap */
	}
	return take_slow(sem, timeout);
}

unsigned int sys_sem_count_get(struct sys_sem *sem)
{
	atomic_val_t c = atomic_get(&sem->futex.val);

	return c > 0 ? (unsigned int)c : 0U;
}

#else /* !CONFIG_FUTEX: a k_sem */

int sys_sem_init(struct sys_sem *sem, unsigned int initial_count, unsigned int limit)
{
	if (limit > INT_MAX) {
		return -EINVAL;
	}
	return k_sem_init(&sem->kernel_sem, initial_count, limit);
}

int sys_sem_give(struct sys_sem *sem)
{
	if (k_sem_count_get(&sem->kernel_sem) >= sem->kernel_sem.limit) {
		return -EAGAIN;
	}
	k_sem_give(&sem->kernel_sem);
	return 0;
}

int sys_sem_take(struct sys_sem *sem, k_timeout_t timeout)
{
	return k_sem_take(&sem->kernel_sem, timeout);
}

unsigned int sys_sem_count_get(struct sys_sem *sem)
{
	return k_sem_count_get(&sem->kernel_sem);
}

#endif /* CONFIG_FUTEX */
