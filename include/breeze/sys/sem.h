/*
 * sys_sem: Zephyr's counting semaphore for application code
 * (<zephyr/sys/sem.h>), in the caller's memory.
 *
 * With CONFIG_FUTEX (the default) a sys_sem is a futex word holding the
 * count, and a limit beside it: a give or take that finds a unit, or room,
 * is one compare-and-swap in user memory, no system call. Only a take that
 * must wait and a give that must wake a waiter enter the kernel
 * (k_futex_wait(), k_futex_wake()). The word is -1 when no unit is left and
 * threads may wait. User threads share one in a partition of their domain
 * (K_APP_DMEM(part) SYS_SEM_DEFINE(...), as in Zephyr); the kernel only ever
 * checks that a caller may write the word, so a thread that corrupts it hurts
 * only the threads sharing it (lib/os/sys_sem.c).
 *
 * Without CONFIG_FUTEX a sys_sem is a k_sem inside (Zephyr's form without
 * user mode).
 */
#ifndef BREEZE_SYS_SEM_H
#define BREEZE_SYS_SEM_H

#include <limits.h>
#include <breeze/kernel.h>

#ifdef CONFIG_FUTEX

struct sys_sem {
	struct k_futex futex; /* the count, or -1: none, and threads may wait */
	int limit;
};

#define SYS_SEM_DEFINE(_name, _initial_count, _count_limit)                                \
	struct sys_sem _name = { .futex = { (_initial_count) }, .limit = (_count_limit) }; \
	BUILD_ASSERT((_count_limit) != 0 && (_count_limit) <= INT_MAX &&                   \
		     (long long)(_initial_count) <= (long long)(_count_limit))

#else /* !CONFIG_FUTEX */

struct sys_sem {
	struct k_sem kernel_sem;
};

#define SYS_SEM_DEFINE(_name, _initial_count, _count_limit)                                        \
	struct sys_sem _name = { .kernel_sem = Z_SEM_INITIALIZER(_name.kernel_sem, _initial_count, \
								 _count_limit) };                  \
	BUILD_ASSERT((_count_limit) != 0 && (_count_limit) <= INT_MAX &&                           \
		     (long long)(_initial_count) <= (long long)(_count_limit))

#endif /* CONFIG_FUTEX */

/* 0, or -EINVAL when @limit is 0, above INT_MAX or below @initial_count. */
int sys_sem_init(struct sys_sem *sem, unsigned int initial_count, unsigned int limit);

/* 0, or -EAGAIN when the count is at the limit already. */
int sys_sem_give(struct sys_sem *sem);

/* 0, -EBUSY (none left, K_NO_WAIT), -EAGAIN (timeout); -EACCES if the caller may not write it. */
int sys_sem_take(struct sys_sem *sem, k_timeout_t timeout);

unsigned int sys_sem_count_get(struct sys_sem *sem);

#endif /* BREEZE_SYS_SEM_H */
