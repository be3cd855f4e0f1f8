/*
 * The bits of a thread's base.thread_state. The kernel changes them under
 * its scheduler lock; they are public, as in Zephyr, so that tests can see
 * what a thread is doing (Zephyr's suites compare a blocked thread's state
 * with _THREAD_PENDING). Reading them is a snapshot and nothing more. A thread
 * is runnable when none of the first five is set.
 */
#ifndef BREEZE_KERNEL_THREAD_STATE_H
#define BREEZE_KERNEL_THREAD_STATE_H

#include <breeze/sys/util.h>

#define _THREAD_PENDING   BIT(0) /* in a wait queue */
#define _THREAD_PRESTART  BIT(1) /* created, not started */
#define _THREAD_DEAD      BIT(2) /* ended */
#define _THREAD_SUSPENDED BIT(3) /* k_thread_suspend() */
#define _THREAD_SLEEPING  BIT(4) /* k_sleep() */
#define _THREAD_QUEUED    BIT(5) /* in the ready queue */
#define _THREAD_MUTEX     BIT(6) /* pending, and pended_on is a mutex's wait queue */
#define _THREAD_NO_LEND   BIT(9) /* its mutex wait closed a cycle: it lends no priority */
/*
 * Zephyr's two further states, which Breeze never sets: it has no dummy
 * threads (a placeholder _current before the first switch), and an abort
 * completes in one step under the scheduler lock, so no thread is ever seen
 * half-aborted. They exist for k_thread_state_str() and Zephyr's tests.
 */
#define _THREAD_DUMMY     BIT(7)
#define _THREAD_ABORTING  BIT(8)

#endif /* BREEZE_KERNEL_THREAD_STATE_H */
