/*
 * Mutexes: recursive, owned, with transitive priority inheritance
 * (CONFIG_PRIORITY_INHERITANCE).
 *
 * While threads wait for a mutex, its owner runs at the priority of the most
 * urgent of them (never above CONFIG_PRIORITY_CEILING), and passes it on to
 * the owner of a mutex it waits for in turn, and so on down the chain. Its
 * priority is recomputed whenever that can change it (a lock, an unlock, a
 * waiter that times out or is aborted, a priority change of a waiter or of
 * the owner), whatever the order of the unlocks: an owner never keeps a boost
 * no waiter justifies any more, and never loses one still owed.
 *
 * Where Breeze differs from Zephyr:
 * - inheritance is transitive, and out-of-order unlocks leave every owner at
 *   the right priority;
 * - a lock that would close a cycle of threads waiting for each other's
 *   mutexes (a deadlock), or make such a chain longer than
 *   CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH mutexes, fails with -EDEADLK;
 * - when the owner ends (aborted, faulted, returned) holding the mutex, the
 *   mutex is unlocked and every thread waiting for it gets -EOWNERDEAD.
 *   Zephyr leaves them waiting for good.
 */
#ifndef BREEZE_KERNEL_MUTEX_H
#define BREEZE_KERNEL_MUTEX_H

#include <breeze/kernel/thread.h>

struct k_mutex {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	struct k_thread *owner;
	uint32_t lock_count;
	struct k_mutex *next_held; /* next in its owner's list of held mutexes */
};

#define Z_MUTEX_INITIALIZER(obj)                                                        \
	{                                                                               \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .owner = NULL, .lock_count = 0, \
		.next_held = NULL                                                       \
	}

#define K_MUTEX_DEFINE(name) STRUCT_SECTION_ITERABLE(k_mutex, name) = Z_MUTEX_INITIALIZER(name)

/* Always 0. */
__syscall int k_mutex_init(struct k_mutex *mutex);

/*
 * Lock (recursively for the owner). 0 once the caller owns it; -EBUSY when
 * another thread holds it and @timeout is K_NO_WAIT; -EAGAIN when @timeout
 * expired; -EOWNERDEAD when its owner ended while the caller waited (the
 * mutex is then unlocked, not the caller's); -EDEADLK, at once, when waiting
 * would close a cycle or exceed the chain depth (see above).
 */
__syscall int k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout);

/*
 * 0, -EINVAL when not locked, -EPERM when the caller is not the owner. The
 * last unlock hands the mutex to its most urgent waiter.
 */
__syscall int k_mutex_unlock(struct k_mutex *mutex);

#endif /* BREEZE_KERNEL_MUTEX_H */
