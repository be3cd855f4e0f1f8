/*
 * Looking into a wait queue (_wait_q_t, <breeze/kernel/thread.h>): the
 * threads waiting for an object, most urgent first. The kernel changes a wait
 * queue only under the scheduler's lock; a look from outside it is a snapshot
 * that may be stale by the time it is used (tests read it once the waiters
 * are known to be settled).
 */
#ifndef BREEZE_KERNEL_WAIT_Q_H
#define BREEZE_KERNEL_WAIT_Q_H

#include <breeze/kernel/thread.h>

static inline void z_waitq_init(_wait_q_t *wait_q)
{
	sys_dlist_init(&wait_q->waitq);
}

/* The most urgent thread in @wait_q, or NULL; it stays queued. */
static inline struct k_thread *z_waitq_head(_wait_q_t *wait_q)
{
	sys_dnode_t *n = sys_dlist_peek_head(&wait_q->waitq);

	return n == NULL ? NULL : CONTAINER_OF(n, struct k_thread, base.qnode);
}

/* The thread after @t in the wait queue @t is in, or NULL. */
static inline struct k_thread *z_waitq_next(struct k_thread *t)
{
	sys_dnode_t *n = sys_dlist_peek_next(&t->base.pended_on->waitq, &t->base.qnode);

	return n == NULL ? NULL : CONTAINER_OF(n, struct k_thread, base.qnode);
}

#endif /* BREEZE_KERNEL_WAIT_Q_H */
