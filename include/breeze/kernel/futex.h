/*
 * Futexes (CONFIG_FUTEX): a word in the caller's memory that threads change
 * with atomics on their own, and the kernel only to wait for a change or to
 * wake those waiting (Zephyr's k_futex). sys_sem and sys_mutex are built on
 * them: uncontended, they make no system call at all.
 *
 * A futex is its address: any aligned word the caller may write (a partition
 * of its domain, its own stack; any word for a supervisor thread) is one, and
 * needs no grant. Two threads share a futex exactly when they can both write
 * the word. The kernel keeps the waiters of a word in a queue of its own,
 * taken from a pool of CONFIG_FUTEX_QUEUES (kernel/futex.c) while anyone
 * waits on that word.
 *
 * The PI calls are Breeze's own, behind sys_mutex (<breeze/sys/mutex.h>): the
 * word then holds its owner's thread pointer (k_current_get()) or 0, with
 * K_FUTEX_PI_WAITERS set while threads wait in the kernel. What the kernel
 * believes of such a word is said in docs/userspace.md ("Futexes").
 */
#ifndef BREEZE_KERNEL_FUTEX_H
#define BREEZE_KERNEL_FUTEX_H

#include <stdbool.h>
#include <breeze/sys/atomic.h>
#include <breeze/kernel/time.h>

struct k_futex {
	atomic_t val;
};

/*
 * Wait until woken, if the word still holds @expected (read once by the
 * kernel, as the caller could read it). 0 when woken by k_futex_wake(),
 * -EAGAIN if the word held another value, -ETIMEDOUT when @timeout passed
 * (at once for K_NO_WAIT), -EACCES if the caller may not write the word,
 * -EINVAL if it is not an aligned word (or waits for a sys_mutex's PI calls),
 * -ENOMEM if every futex queue is taken.
 */
__syscall int k_futex_wait(struct k_futex *futex, int expected, k_timeout_t timeout);

/*
 * Wake the most urgent thread waiting on @futex, or all of them: the number
 * woken, or -EACCES / -EINVAL as k_futex_wait(). Also from an ISR.
 */
__syscall int k_futex_wake(struct k_futex *futex, bool wake_all);

/* The low bit of a PI word: threads wait in the kernel for its owner. */
#define K_FUTEX_PI_WAITERS 1UL

/*
 * The slow paths of a lock whose word names its owner (sys_mutex). Lock:
 * take the word if it is 0, else wait behind the owner the word names,
 * lending it the caller's priority, until it hands the lock over. 0: the
 * caller owns it (the word names it); -EOWNERDEAD: the caller owns it, taken
 * from an owner that ended holding it; -EBUSY (K_NO_WAIT), -EAGAIN (timeout),
 * -EDEADLK (a cycle of owners waiting forever); -EINVAL when the word names
 * the caller, no thread, or a thread that cannot write the word; -EACCES,
 * -ENOMEM as k_futex_wait().
 */
__syscall int k_futex_lock_pi(struct k_futex *futex, k_timeout_t timeout);

/*
 * Unlock a PI word the caller owns: hand it to its most urgent waiter (the
 * word then names that thread) or clear it. 0, -EPERM when the word does not
 * name the caller, -EACCES / -EINVAL as k_futex_wait().
 */
__syscall int k_futex_unlock_pi(struct k_futex *futex);

#endif /* BREEZE_KERNEL_FUTEX_H */
