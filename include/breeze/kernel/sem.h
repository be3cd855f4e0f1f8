/*
 * Counting semaphores.
 */
#ifndef BREEZE_KERNEL_SEM_H
#define BREEZE_KERNEL_SEM_H

#include <limits.h>
#include <breeze/kernel/thread.h>

struct k_sem {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	unsigned int count;
	unsigned int limit;
};

#define K_SEM_MAX_LIMIT UINT_MAX

#define Z_SEM_INITIALIZER(obj, initial_count, count_limit)                        \
	{                                                                         \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .count = (initial_count), \
		.limit = (count_limit)                                            \
	}

#define K_SEM_DEFINE(name, initial_count, count_limit)           \
	STRUCT_SECTION_ITERABLE(k_sem, name) =                   \
	    Z_SEM_INITIALIZER(name, initial_count, count_limit); \
	BUILD_ASSERT(((count_limit) != 0) &&                     \
		     ((long long)(initial_count) <= (long long)(count_limit)))

/* 0, or -EINVAL when the limit is 0 or below the initial count. */
__syscall int k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit);

/*
 * Take: 0 on success, -EBUSY when unavailable with K_NO_WAIT, -EAGAIN on timeout
 * or when the semaphore was reset while waiting.
 */
__syscall int k_sem_take(struct k_sem *sem, k_timeout_t timeout);

/* Give (also from an ISR): wakes the most urgent waiter or counts up to the limit. */
__syscall void k_sem_give(struct k_sem *sem);

/* Count to zero; waiters are woken with -EAGAIN. */
__syscall void k_sem_reset(struct k_sem *sem);

__syscall unsigned int k_sem_count_get(struct k_sem *sem);

#endif /* BREEZE_KERNEL_SEM_H */
