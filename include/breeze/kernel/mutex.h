/*
 * Mutexes: recursive, owned, with priority inheritance
 * (CONFIG_PRIORITY_INHERITANCE).
 *
 * While a more urgent thread waits, the owner runs at that thread's priority;
 * its own priority comes back when it unlocks or when the waiter gives up. The
 * inheritance is one level deep (an owner blocked on a second mutex does not
 * pass the boost on), as in Zephyr.
 */
#ifndef BREEZE_KERNEL_MUTEX_H
#define BREEZE_KERNEL_MUTEX_H

#include <breeze/kernel/thread.h>

struct k_mutex {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	struct k_thread *owner;
	uint32_t lock_count;
	int owner_orig_prio;
};

#define Z_MUTEX_INITIALIZER(obj)                                                        \
	{                                                                               \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .owner = NULL, .lock_count = 0, \
		.owner_orig_prio = K_LOWEST_APPLICATION_THREAD_PRIO                     \
	}

#define K_MUTEX_DEFINE(name) STRUCT_SECTION_ITERABLE(k_mutex, name) = Z_MUTEX_INITIALIZER(name)

/* Always 0. */
__syscall int k_mutex_init(struct k_mutex *mutex);

/*
 * Lock (recursively for the owner): 0, -EBUSY when held by another thread with
 * K_NO_WAIT, -EAGAIN on timeout.
 */
__syscall int k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout);

/* 0, -EINVAL when not locked, -EPERM when the caller is not the owner. */
__syscall int k_mutex_unlock(struct k_mutex *mutex);

#endif /* BREEZE_KERNEL_MUTEX_H */
