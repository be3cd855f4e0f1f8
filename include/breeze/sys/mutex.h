/*
 * sys_mutex: Zephyr's mutex API for application code (<zephyr/sys/mutex.h>).
 *
 * In Breeze a sys_mutex is a k_mutex inside (Zephyr's form without user
 * mode): the calls are k_mutex_lock() and k_mutex_unlock() on it, with their
 * results. A user thread reaches it as it reaches any k_mutex: a supervisor
 * initialises it (sys_mutex_init() or SYS_MUTEX_DEFINE) and grants it
 * (k_object_access_grant(&m.kernel_mutex, thread)). Zephyr's user-mode form,
 * a sys_mutex in a memory partition that user threads use without a grant,
 * is not there yet.
 */
#ifndef BREEZE_SYS_MUTEX_H
#define BREEZE_SYS_MUTEX_H

#include <breeze/kernel.h>

struct sys_mutex {
	struct k_mutex kernel_mutex;
};

#define SYS_MUTEX_DEFINE(name) \
	struct sys_mutex name = { .kernel_mutex = Z_MUTEX_INITIALIZER(name.kernel_mutex) }

static inline void sys_mutex_init(struct sys_mutex *mutex)
{
	(void)k_mutex_init(&mutex->kernel_mutex);
}

/* 0, -EBUSY without waiting, -EAGAIN on timeout (and k_mutex_lock()'s other results). */
static inline int sys_mutex_lock(struct sys_mutex *mutex, k_timeout_t timeout)
{
	return k_mutex_lock(&mutex->kernel_mutex, timeout);
}

/* 0, -EPERM when the caller does not own it, -EINVAL when nobody does. */
static inline int sys_mutex_unlock(struct sys_mutex *mutex)
{
	return k_mutex_unlock(&mutex->kernel_mutex);
}

#endif /* BREEZE_SYS_MUTEX_H */
