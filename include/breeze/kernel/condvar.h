/*
 * Condition variables (k_condvar), used with a k_mutex: a thread holding the
 * mutex waits for a condition to change; k_condvar_wait() releases the mutex
 * and waits in one step (no signal can fall between), and takes the mutex
 * again before it returns, whatever ended the wait.
 *
 * Every call is a system call, as in Zephyr.
 */
#ifndef BREEZE_KERNEL_CONDVAR_H
#define BREEZE_KERNEL_CONDVAR_H

#include <breeze/kernel/thread.h>

struct k_mutex;

struct k_condvar {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
};

#define Z_CONDVAR_INITIALIZER(obj)                                      \
	{                                                               \
		Z_OBJECT_HDR_INIT.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q) \
	}

#define K_CONDVAR_DEFINE(name) \
	STRUCT_SECTION_ITERABLE(k_condvar, name) = Z_CONDVAR_INITIALIZER(name)

/*
 * The calls, only with CONFIG_K_CONDVAR: without it, a call of any is an undeclared
 * function and fails to build and link, naming the call.
 */
#ifdef CONFIG_K_CONDVAR

/* 0 (-EBUSY or -EALREADY to a user thread that loses a race to initialise it). */
__syscall int k_condvar_init(struct k_condvar *condvar);

/* Wake the most urgent waiter, if any. Always 0. */
__syscall int k_condvar_signal(struct k_condvar *condvar);

/* Wake every waiter; how many there were. */
__syscall int k_condvar_broadcast(struct k_condvar *condvar);

/*
 * Release @mutex (which the caller holds) and wait for a signal or a
 * broadcast, or @timeout; then lock @mutex again (waiting as long as it
 * takes). 0 when signalled, -EAGAIN on timeout; -EPERM (or -EINVAL for an
 * unlocked mutex) at once, without waiting, when the caller does not hold
 * @mutex; the error of k_mutex_lock() (-EDEADLK) if the mutex could not be
 * taken again (the caller then does not hold it). A recursive lock is
 * released one level, as in Zephyr: hold it once.
 */
__syscall int k_condvar_wait(struct k_condvar *condvar, struct k_mutex *mutex, k_timeout_t timeout);

#endif /* CONFIG_K_CONDVAR */

#endif /* BREEZE_KERNEL_CONDVAR_H */
