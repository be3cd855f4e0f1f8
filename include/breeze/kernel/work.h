/*
 * Work queues (k_work, k_work_delayable, k_work_q): a thread that runs
 * handlers submitted to it, one at a time, in submission order.
 *
 * A work item is in any combination of these states (k_work_busy_get()):
 * queued (waiting in a queue), running (its handler runs), canceling (a
 * cancel waits for the running handler; submissions are refused meanwhile),
 * delayed (a delayable item waits for its delay to submit it) and flushing (a
 * thread waits for it to complete). An item may be queued while it runs: a
 * submission during its handler queues it again, on the queue running it.
 *
 * Supervisor-only, as in Zephyr: there are no system calls, and a user
 * thread that calls these touches kernel memory and faults.
 */
#ifndef BREEZE_KERNEL_WORK_H
#define BREEZE_KERNEL_WORK_H

#include <stdbool.h>
#include <breeze/kernel/thread.h>

struct k_work;
struct k_work_q;
typedef void (*k_work_handler_t)(struct k_work *work);

/* Item states, as k_work_busy_get() reports them (Zephyr's values). */
#define K_WORK_RUNNING   BIT(0)
#define K_WORK_CANCELING BIT(1)
#define K_WORK_QUEUED    BIT(2)
#define K_WORK_DELAYED   BIT(3)
#define K_WORK_FLUSHING  BIT(4)
#define K_WORK_MASK \
	(K_WORK_RUNNING | K_WORK_CANCELING | K_WORK_QUEUED | K_WORK_DELAYED | K_WORK_FLUSHING)
/* Set once, by k_work_init_delayable(): the item is inside a k_work_delayable. */
#define K_WORK_DELAYABLE BIT(8)

struct k_work {
	sys_dnode_t node; /* in its queue's pending list while queued */
	k_work_handler_t handler;
	struct k_work_q *queue; /* where it was last submitted */
	uint32_t flags;         /* K_WORK_* */
};

#define Z_WORK_INITIALIZER(work_handler)  \
	{                                 \
		.handler = (work_handler) \
	}

#define K_WORK_DEFINE(work, work_handler) struct k_work work = Z_WORK_INITIALIZER(work_handler)

struct k_work_delayable {
	struct k_work work;
	struct _timeout timeout; /* submits the item when the delay is over */
	struct k_work_q *queue;  /* where the delay submits it */
};

#define Z_WORK_DELAYABLE_INITIALIZER(work_handler)                              \
	{                                                                       \
		.work = {.handler = (work_handler), .flags = K_WORK_DELAYABLE } \
	}

#define K_WORK_DELAYABLE_DEFINE(work, work_handler) \
	struct k_work_delayable work = Z_WORK_DELAYABLE_INITIALIZER(work_handler)

/*
 * What a thread waiting in k_work_flush(), k_work_cancel_sync() and their
 * delayable forms keeps for the queue thread to find; the caller provides it
 * (on its stack, typically) and must not share it with another wait.
 */
struct k_work_sync {
	struct k_work *work;
	uint8_t kind;      /* flush or cancel (kernel/work.c) */
	uint8_t remaining; /* completions of the item a flush still waits for */
};

struct k_work_queue_config {
	const char *name; /* of the queue's thread; NULL: no name */
	bool no_yield;    /* don't yield to equal-priority threads between items */
	bool essential;   /* the thread is K_ESSENTIAL */
};

/* Queue flags, as struct k_work_q's flags shows them (Zephyr's values). */
#define K_WORK_QUEUE_STARTED  BIT(0)
#define K_WORK_QUEUE_BUSY     BIT(1) /* a handler runs */
#define K_WORK_QUEUE_DRAIN    BIT(2) /* k_work_queue_drain() waits */
#define K_WORK_QUEUE_PLUGGED  BIT(3)
#define K_WORK_QUEUE_NO_YIELD BIT(8)

struct k_work_q {
	struct k_thread thread; /* the queue's own thread (k_work_queue_start()) */
	/* The thread running the queue: that one, or k_work_queue_run()'s caller. */
	k_tid_t thread_id;
	sys_dlist_t pending; /* queued items, oldest first */
	_wait_q_t notifyq;   /* the queue's thread, while it has nothing to do */
	_wait_q_t drainq;    /* threads in k_work_queue_drain() */
	uint32_t flags;      /* started, busy, draining, plugged, no_yield (kernel/work.c) */
};

/* Work items */

void k_work_init(struct k_work *work, k_work_handler_t handler);

/* K_WORK_* bits: 0 when the item is idle. */
int k_work_busy_get(const struct k_work *work);

static inline bool k_work_is_pending(const struct k_work *work)
{
	return k_work_busy_get(work) != 0;
}

/*
 * Queue @work on @queue (NULL: the queue it was last submitted to). 0 if it
 * was already queued; 1 if queued now; 2 if it was running and is now queued
 * again, on the queue running it (whatever @queue says); -EBUSY if it is
 * being canceled or @queue is draining (except for submissions by the
 * queue's own thread) or plugged; -EINVAL if @queue is NULL and the item was
 * never submitted; -ENODEV if @queue was not started. Usable from ISRs.
 */
int k_work_submit_to_queue(struct k_work_q *queue, struct k_work *work);

/* k_work_submit_to_queue() on the system work queue. */
int k_work_submit(struct k_work *work);

/*
 * Take @work out of its queue if it waits there. A running handler goes on,
 * and submissions are refused until it ends. Returns k_work_busy_get() after
 * that: 0 when the cancellation is complete. Usable from ISRs.
 */
int k_work_cancel(struct k_work *work);

/*
 * k_work_cancel(), then wait until the item is idle. True if it was busy.
 * Not from ISRs, nor from a handler on the item its queue is running.
 */
bool k_work_cancel_sync(struct k_work *work, struct k_work_sync *sync);

/*
 * Wait until the last submission of @work has completed (chained
 * resubmissions by its handler are not waited for). True if the caller had to
 * wait, false if the item was idle.
 */
bool k_work_flush(struct k_work *work, struct k_work_sync *sync);

/* Delayable work items */

void k_work_init_delayable(struct k_work_delayable *dwork, k_work_handler_t handler);

static inline struct k_work_delayable *k_work_delayable_from_work(struct k_work *work)
{
	return CONTAINER_OF(work, struct k_work_delayable, work);
}

int k_work_delayable_busy_get(const struct k_work_delayable *dwork);

static inline bool k_work_delayable_is_pending(const struct k_work_delayable *dwork)
{
	return k_work_delayable_busy_get(dwork) != 0;
}

/* Ticks until the delay submits the item; 0 when it is not delayed. */
k_ticks_t k_work_delayable_remaining_get(const struct k_work_delayable *dwork);

/* The uptime in ticks at which the delay submits the item; now when it is not delayed. */
k_ticks_t k_work_delayable_expires_get(const struct k_work_delayable *dwork);

/*
 * Submit @dwork to @queue after @delay, unless it is already delayed or
 * queued (0). 1 when scheduled; with K_NO_WAIT, what k_work_submit_to_queue()
 * returns. K_FOREVER keeps it delayed until rescheduled, flushed or
 * canceled. Usable from ISRs.
 */
int k_work_schedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
			      k_timeout_t delay);
int k_work_schedule(struct k_work_delayable *dwork, k_timeout_t delay);

/*
 * As k_work_schedule_for_queue(), but a delay in progress is replaced by the
 * new one; an item already queued stays queued. Usable from ISRs.
 */
int k_work_reschedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
				k_timeout_t delay);
int k_work_reschedule(struct k_work_delayable *dwork, k_timeout_t delay);

/* Stop the delay and k_work_cancel() the item; k_work_delayable_busy_get() after. */
int k_work_cancel_delayable(struct k_work_delayable *dwork);

/* k_work_cancel_delayable(), then wait until the item is idle. True if it was busy. */
bool k_work_cancel_delayable_sync(struct k_work_delayable *dwork, struct k_work_sync *sync);

/* A delayed item is submitted at once; then as k_work_flush(). */
bool k_work_flush_delayable(struct k_work_delayable *dwork, struct k_work_sync *sync);

/* Work queues */

/* Prepare @queue for k_work_queue_start() (a zeroed queue needs no call). */
void k_work_queue_init(struct k_work_q *queue);

/* Start the queue's thread on @stack at @prio; @cfg may be NULL. Once per queue. */
void k_work_queue_start(struct k_work_q *queue, k_thread_stack_t *stack, size_t stack_size,
			int prio, const struct k_work_queue_config *cfg);

/*
 * Run @queue in the calling thread instead of a thread of its own: the
 * caller becomes the queue's thread (named and made essential as @cfg says)
 * and never returns. Once per queue, as k_work_queue_start().
 */
FUNC_NORETURN void k_work_queue_run(struct k_work_q *queue, const struct k_work_queue_config *cfg);

/* The thread running @queue (NULL before it was started). */
static inline k_tid_t k_work_queue_thread_get(struct k_work_q *queue)
{
	return queue->thread_id;
}

/*
 * Refuse submissions (but those of the queue's own handlers) and wait until
 * the queue is empty and idle; with @plug, keep refusing them afterwards,
 * until k_work_queue_unplug(). 1 if the caller waited, 0 if not. Delayed
 * items are not waited for. Not from ISRs, nor from the queue's own thread.
 */
int k_work_queue_drain(struct k_work_q *queue, bool plug);

/* Accept submissions again: 0, or -EALREADY if the queue was not plugged. */
int k_work_queue_unplug(struct k_work_q *queue);

/* The system work queue (CONFIG_SYSTEM_WORKQUEUE_*), started at boot. */
extern struct k_work_q k_sys_work_q;

#endif /* BREEZE_KERNEL_WORK_H */
