/*
 * The hooks of k_poll in the objects it watches (kernel/poll.c). Called with
 * _sched_spinlock held; without CONFIG_POLL they compile away.
 */
#ifndef BREEZE_POLL_INTERNAL_H
#define BREEZE_POLL_INTERNAL_H

#include <breeze/kernel.h>

#ifdef CONFIG_POLL
/*
 * @obj changed so that a condition pollers watch may hold (a semaphore given
 * with no thread waiting to take it, data queued, a signal raised, a queue
 * cancelled): every event registered on @obj gets @state and its thread is
 * made ready. The caller reschedules, if this returns true (a thread may
 * have been made ready).
 */
static inline bool z_poll_notify_locked(const void *obj, uint32_t state)
{
	extern sys_dlist_t z_poll_registered;
	void z_poll_notify_registered(const void *obj, uint32_t state);

	/* Usually nobody polls: a give or put then pays one load and a branch. */
	if (!sys_dlist_is_empty(&z_poll_registered)) {
		z_poll_notify_registered(obj, state);
		return true;
	}
	return false;
}

/* @t ends: its events, if it was in k_poll(), leave the registered ones. */
void z_poll_thread_halt_locked(struct k_thread *t);
#else
static inline bool z_poll_notify_locked(const void *obj, uint32_t state)
{
	ARG_UNUSED(obj);
	ARG_UNUSED(state);
	return false;
}

static inline void z_poll_thread_halt_locked(struct k_thread *t)
{
	ARG_UNUSED(t);
}
#endif

#endif /* BREEZE_POLL_INTERNAL_H */
