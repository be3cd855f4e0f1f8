/*
 * Scheduler internals shared by the kernel's object implementations.
 *
 * Every function named *_locked, and every function here unless stated, must
 * be called with _sched_spinlock held.
 */
#ifndef BREEZE_KSCHED_H
#define BREEZE_KSCHED_H

#include <kernel_structs.h>

/* thread_state bits (public). A thread is runnable when none of the first five is set. */
#include <breeze/kernel/thread_state.h>

#define _THREAD_NOT_RUNNABLE                                                     \
	(_THREAD_PENDING | _THREAD_PRESTART | _THREAD_DEAD | _THREAD_SUSPENDED | \
	 _THREAD_SLEEPING | _THREAD_ABORTING)

static inline bool z_is_thread_runnable(const struct k_thread *t)
{
	return (t->base.thread_state & _THREAD_NOT_RUNNABLE) == 0U;
}

/*
 * Whether another thread may preempt @t: @t is preemptible (prio >= 0) and
 * has no k_sched_lock(). One compare of the two bytes as the halfword
 * base.preempt: prio below 0x80 as a byte, sched_locked 0.
 */
#define Z_PREEMPT_THRESHOLD 0x80U
BUILD_ASSERT(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "base.preempt: prio is its low byte");

static inline bool z_thread_preemptible(const struct k_thread *t)
{
	return t->base.preempt < Z_PREEMPT_THRESHOLD;
}

/* Whether @t's CPU mask lets it run on CPU @cpu. */
static inline bool z_cpu_mask_allows_cpu(const struct k_thread *t, unsigned int cpu)
{
#ifdef CONFIG_SCHED_CPU_MASK
	return (t->base.cpu_mask & BIT(cpu)) != 0U;
#else
	ARG_UNUSED(t);
	ARG_UNUSED(cpu);
	return true;
#endif
}

/*
 * Whether @t may be queued: on one CPU, only if its mask allows CPU 0; with
 * SMP every runnable thread is queued and each CPU's pick reads the mask.
 */
static inline bool z_cpu_mask_allows(const struct k_thread *t)
{
	return IS_ENABLED(CONFIG_SMP) || z_cpu_mask_allows_cpu(t, 0);
}

/* The mutex @t waits for, or NULL. */
static inline struct k_mutex *z_pend_mutex(const struct k_thread *t)
{
	return (t->base.thread_state & _THREAD_MUTEX) != 0U
		   ? CONTAINER_OF(t->base.pended_on, struct k_mutex, wait_q)
		   : NULL;
}

/* Whether @t is an idle thread: the idle level is theirs alone (one per CPU). */
static inline bool z_is_idle_thread(const struct k_thread *t)
{
#ifdef CONFIG_SMP
	return t->base.base_prio == K_IDLE_PRIO;
#else
	return t == _current_cpu->idle_thread;
#endif
}

/* Zephyr's name: whether @t is an idle thread (of any CPU). */
static inline bool z_is_idle_thread_object(const struct k_thread *t)
{
	return z_is_idle_thread(t);
}

void z_sched_init(void);

/* Put @t in the ready queue if it is runnable (and not already there). */
void z_ready_thread_locked(struct k_thread *t);

/* Take @t out of the ready queue if it is there. */
void z_dequeue_thread_locked(struct k_thread *t);

/*
 * Block the current thread on @wait_q (NULL: just sleep) for @timeout (a
 * negative tick count other than K_FOREVER is an absolute deadline), release
 * the lock and switch away. Returns what the waker set with z_wake_thread(),
 * or -EAGAIN if the timeout expired.
 */
int z_pend_curr(k_spinlock_key_t key, _wait_q_t *wait_q, k_timeout_t timeout);

/*
 * z_pend_curr() in two steps, for a caller with work to do between them: the
 * current thread leaves the ready queue for @wait_q, then z_swap() switches
 * away.
 */
void z_pend_curr_locked(_wait_q_t *wait_q, k_timeout_t timeout);

/* z_waitq_head(), z_waitq_next(): the threads of a wait queue. */
#include <breeze/kernel/wait_q.h>

/* Take @t out of its wait queue and cancel its timeout; then it may run with @retval. */
void z_wake_thread(struct k_thread *t, int retval);

/* Wake the most urgent waiter of @wait_q with @retval; NULL when there was none. */
struct k_thread *z_wake_first(_wait_q_t *wait_q, int retval);

/* Wake every waiter of @wait_q with @retval; true if any was woken. */
bool z_wake_all(_wait_q_t *wait_q, int retval);

/* Change @t's effective priority, keeping its queue (ready or wait) in order. */
void z_thread_prio_set_locked(struct k_thread *t, int prio);

/* Store @t's effective priority and its level's ready queue with it (nothing requeued). */
static inline void z_thread_prio_store(struct k_thread *t, int prio)
{
	t->base.prio = (int8_t)prio;
	t->base.ready_level = &_kernel.ready_q.queues[Z_PRIO_LEVEL(prio)];
}

/*
 * Change @t's base priority (k_thread_priority_set()); its effective priority,
 * and those of the owners down the chain it waits in, follow (kernel/mutex.c).
 */
void z_thread_base_prio_set_locked(struct k_thread *t, int prio);

/*
 * Release the lock and, if a more urgent thread may now run (and the current
 * one may be preempted), switch to it. In an ISR only the lock is released:
 * the interrupt exit reschedules.
 */
void z_reschedule(k_spinlock_key_t key);

/* Switch to the next thread unconditionally (current blocked or yielded). */
int z_swap(k_spinlock_key_t key);

/* The same for a current thread that has just ended itself (k_thread_abort(_current)). */
void z_swap_ended(k_spinlock_key_t key);

/*
 * k_is_in_isr() for a caller holding the scheduler lock, which keeps it on
 * its CPU: inline, and without k_is_in_isr()'s test for user code, which
 * never holds the lock.
 */
static ALWAYS_INLINE bool z_in_isr_locked(void)
{
	return _current_cpu->nested != 0U;
}

/* At interrupt exit, with interrupts masked: switch if the ISR made it necessary. */
void z_sched_isr_exit(void);

/*
 * End @t: out of every queue, timeout cancelled, the mutexes it held unlocked
 * (their waiters get -EOWNERDEAD), joiners woken.
 */
void z_thread_halt_locked(struct k_thread *t);

/*
 * A waiter left @mutex's queue without getting it (timeout, abort): the
 * owner's inherited priority is recomputed at once.
 */
void z_mutex_waiter_gone_locked(struct k_mutex *mutex);

/* Unlock every mutex @dead holds; their waiters get -EOWNERDEAD. */
void z_mutex_abandon_locked(struct k_thread *dead);

/*
 * k_mutex_unlock() without the reschedule (the caller does it, or blocks):
 * -EINVAL/-EPERM as k_mutex_unlock(), 0 when done, 1 when a waiter was woken
 * with the mutex (a reschedule is due).
 */
int z_mutex_unlock_locked(struct k_mutex *mutex);

/*
 * The waiting half of k_mutex_lock() for a mutex another thread owns: pend
 * the caller with @timeout (lending the owner its priority) and switch away;
 * -EDEADLK at once (the lock released) if that closes a cycle of owners.
 * 0 once handed the mutex, -EAGAIN on timeout, -EOWNERDEAD.
 */
int z_mutex_wait_locked(struct k_mutex *mutex, k_timeout_t timeout, k_spinlock_key_t key);

/*
 * Futex PI locks (kernel/futex.c) keep a kernel mutex for each lock threads
 * wait for, whose owner the lock word names: make @owner the owner of the
 * unlocked @mutex, as if it had locked it once, or take the owner's hold away
 * without handing the mutex on. Either recomputes the owner's priority.
 */
void z_mutex_adopt_locked(struct k_mutex *mutex, struct k_thread *owner);
void z_mutex_disown_locked(struct k_mutex *mutex);

/* Time slicing: restart the current thread's slice. */
void z_slice_reset_locked(void);

#endif /* BREEZE_KSCHED_H */
