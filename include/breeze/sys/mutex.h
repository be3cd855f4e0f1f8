/*
 * sys_mutex: Zephyr's mutex API for application code (<zephyr/sys/mutex.h>),
 * recursive, with Zephyr's results.
 *
 * With CONFIG_FUTEX (the default) a sys_mutex lives in the caller's memory:
 * a futex word naming its owner (its k_tid_t, 0 when unlocked, the low bit
 * K_FUTEX_PI_WAITERS while threads wait in the kernel) and the owner's
 * recursion count. An uncontended lock or unlock is one compare-and-swap of
 * the word, no system call. A contended lock enters the kernel
 * (k_futex_lock_pi()), which queues the caller behind the owner the word
 * names and lends that owner the caller's priority, as for a k_mutex; an
 * unlock that finds the waiters bit enters it too (k_futex_unlock_pi()) and
 * hands the lock to the most urgent waiter, writing its identity into the
 * word. Beyond Zephyr's user-mode sys_mutex (a k_mutex behind it, a system
 * call per lock), and beyond its futex-based semaphores: priority inheritance
 * survives the fast path. User threads share one in a partition of their
 * domain (K_APP_DMEM(part) SYS_MUTEX_DEFINE(...)); no grant is needed.
 *
 * If the owner ends holding it, the next locker takes it over and gets
 * -EOWNERDEAD, holding the lock (POSIX's robust mutexes): what the mutex
 * protected may be half changed. Threads waiting at the owner's end get it
 * in turn, the first this way.
 *
 * Without CONFIG_FUTEX a sys_mutex is a k_mutex inside (Zephyr's form without
 * user mode); user threads then need a grant of &m.kernel_mutex.
 */
#ifndef BREEZE_SYS_MUTEX_H
#define BREEZE_SYS_MUTEX_H

#include <breeze/kernel.h>

#ifdef CONFIG_FUTEX

struct sys_mutex {
	struct k_futex futex; /* 0, or the owner's k_tid_t | K_FUTEX_PI_WAITERS */
	uint32_t count;       /* the owner's lock depth: only the owner changes it */
};

#define SYS_MUTEX_DEFINE(name) struct sys_mutex name = { .futex = { 0 }, .count = 0 }

static inline void sys_mutex_init(struct sys_mutex *mutex)
{
	mutex->count = 0U;
	atomic_set(&mutex->futex.val, 0);
}

/*
 * 0, -EBUSY without waiting, -EAGAIN on timeout; -EOWNERDEAD (held, from an
 * owner that ended), -EDEADLK (a cycle of owners), -EINVAL (the word names no
 * thread that shares it), -EACCES (the caller may not write it), -ENOMEM (no
 * futex queue free).
 */
int sys_mutex_lock(struct sys_mutex *mutex, k_timeout_t timeout);

/* 0, -EPERM when the caller does not own it, -EINVAL when nobody does. */
int sys_mutex_unlock(struct sys_mutex *mutex);

#else /* !CONFIG_FUTEX */

struct sys_mutex {
	struct k_mutex kernel_mutex;
};

#define SYS_MUTEX_DEFINE(name) \
	struct sys_mutex name = { .kernel_mutex = Z_MUTEX_INITIALIZER(name.kernel_mutex) }

static inline void sys_mutex_init(struct sys_mutex *mutex)
{
	(void)k_mutex_init(&mutex->kernel_mutex);
}

static inline int sys_mutex_lock(struct sys_mutex *mutex, k_timeout_t timeout)
{
	return k_mutex_lock(&mutex->kernel_mutex, timeout);
}

static inline int sys_mutex_unlock(struct sys_mutex *mutex)
{
	return k_mutex_unlock(&mutex->kernel_mutex);
}

#endif /* CONFIG_FUTEX */

#endif /* BREEZE_SYS_MUTEX_H */
