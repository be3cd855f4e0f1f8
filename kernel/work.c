/*
 * Work queues. Every state change of an item or a queue happens under the
 * scheduler lock, the one that also guards the wait queues its waiters sleep
 * in, so a change and the wake-ups it causes are one step.
 *
 * A queue's thread takes the oldest queued item, runs its handler without the
 * lock, then tells the threads waiting for that item (flushes, synchronous
 * cancels) that a run has completed. Flushers and cancelers wait in one
 * kernel wait queue, each with its struct k_work_sync as swap_data: few
 * threads ever wait there, and a completion walks them once.
 *
 * Delayable items wait for their delay in the timeout list
 * (kernel/timeout.c): the expiry, in the timer interrupt with the lock held,
 * submits them.
 */
#include <ksched.h>
#include <timeout_q.h>

/* Queue flags (public: <breeze/kernel/work.h>). */
#define QUEUE_STARTED  K_WORK_QUEUE_STARTED
#define QUEUE_BUSY     K_WORK_QUEUE_BUSY
#define QUEUE_DRAIN    K_WORK_QUEUE_DRAIN
#define QUEUE_PLUGGED  K_WORK_QUEUE_PLUGGED
#define QUEUE_NO_YIELD K_WORK_QUEUE_NO_YIELD

/* What a struct k_work_sync waits for. */
#define SYNC_FLUSH  1U /* that many more completions of the item (remaining) */
#define SYNC_CANCEL 2U /* the end of its cancellation */

static _wait_q_t sync_waiters = Z_WAIT_Q_INIT(&sync_waiters);

void k_work_init(struct k_work *work, k_work_handler_t handler)
{
	__ASSERT(work != NULL, "NULL work item");
	*work = (struct k_work)Z_WORK_INITIALIZER(handler);
}

int k_work_busy_get(const struct k_work *work)
{
	return (int)(work->flags & K_WORK_MASK);
}

/*
 * An instance of @work is over (a run completed, or a queued instance was
 * taken out): wake the flushers that were waiting for it, and the cancelers
 * once the cancellation is over. FLUSHING stays set while a flusher waits.
 */
static void notify_locked(struct k_work *work)
{
	bool flushing = false;
	sys_dnode_t *n;
	sys_dnode_t *s;

	SYS_DLIST_FOR_EACH_NODE_SAFE(&sync_waiters.waitq, n, s) {
		struct k_thread *t = CONTAINER_OF(n, struct k_thread, base.qnode);
		struct k_work_sync *sync = t->base.swap_data;

		if (sync->work != work) {
			continue;
		}
		if (sync->kind == SYNC_FLUSH) {
			if (--sync->remaining == 0U) {
				z_wake_thread(t, 0);
			} else {
				flushing = true;
			}
		} else if ((work->flags & K_WORK_CANCELING) == 0U) {
			z_wake_thread(t, 0);
		}
	}
	if (!flushing) {
		work->flags &= ~K_WORK_FLUSHING;
	}
}

/* Wait for what @sync says, releasing the lock. */
static void sync_wait(k_spinlock_key_t key, struct k_work_sync *sync)
{
	__ASSERT(!k_is_in_isr(), "waiting for a work item in an ISR");
	__ASSERT(sync->work->queue == NULL || _current != sync->work->queue->thread_id,
		 "a queue's own handler waiting for an item of that queue: deadlock");
	_current->base.swap_data = sync;
	(void)z_pend_curr(key, &sync_waiters, K_FOREVER);
}

static int submit_locked(struct k_work_q *queue, struct k_work *work)
{
	int ret = 1;

	if ((work->flags & K_WORK_CANCELING) != 0U) {
		return -EBUSY;
	}
	if ((work->flags & K_WORK_QUEUED) != 0U) {
		return 0;
	}
	if ((work->flags & K_WORK_RUNNING) != 0U) {
		/* Never on two queues at once: after the run, on the same queue. */
		queue = work->queue;
		ret = 2;
	} else if (queue == NULL) {
		queue = work->queue;
	}
	if (queue == NULL) {
		return -EINVAL;
	}
	if ((queue->flags & QUEUE_STARTED) == 0U) {
		return -ENODEV;
	}
	bool own = !k_is_in_isr() && _current == queue->thread_id;

	if ((queue->flags & QUEUE_DRAIN) != 0U ? !own : (queue->flags & QUEUE_PLUGGED) != 0U) {
		return -EBUSY;
	}
	sys_dlist_append(&queue->pending, &work->node);
	work->flags |= K_WORK_QUEUED;
	work->queue = queue;
	(void)z_wake_first(&queue->notifyq, 0);
	return ret;
}

int k_work_submit_to_queue(struct k_work_q *queue, struct k_work *work)
{
	__ASSERT(work != NULL, "NULL work item");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = submit_locked(queue, work);

	z_reschedule(key);
	return ret;
}

/* Out of its queue if queued; a running item is marked canceling. The busy state after. */
static int cancel_locked(struct k_work *work)
{
	if ((work->flags & K_WORK_QUEUED) != 0U) {
		sys_dlist_remove(&work->node);
		work->flags &= ~K_WORK_QUEUED;
		notify_locked(work);
	}
	if ((work->flags & K_WORK_RUNNING) != 0U) {
		work->flags |= K_WORK_CANCELING;
	}
	return k_work_busy_get(work);
}

int k_work_cancel(struct k_work *work)
{
	__ASSERT((work->flags & K_WORK_DELAYABLE) == 0U, "k_work_cancel on a delayable item");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = cancel_locked(work);

	k_spin_unlock(&_sched_spinlock, key);
	return ret;
}

/* With the lock: wait for the end of a cancellation in progress; @busy is returned. */
static bool cancel_wait(k_spinlock_key_t key, struct k_work *work, struct k_work_sync *sync,
			bool busy)
{
	if ((work->flags & K_WORK_CANCELING) != 0U) {
		*sync = (struct k_work_sync){ .work = work, .kind = SYNC_CANCEL };
		sync_wait(key, sync);
		return busy;
	}
	k_spin_unlock(&_sched_spinlock, key);
	return busy;
}

bool k_work_cancel_sync(struct k_work *work, struct k_work_sync *sync)
{
	__ASSERT(sync != NULL, "NULL sync");
	__ASSERT((work->flags & K_WORK_DELAYABLE) == 0U, "k_work_cancel_sync on a delayable item");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	bool busy = k_work_busy_get(work) != 0;

	(void)cancel_locked(work);
	return cancel_wait(key, work, sync, busy);
}

/* With the lock: wait for the last submitted instance of @work; true if it had to. */
static bool flush_locked(k_spinlock_key_t key, struct k_work *work, struct k_work_sync *sync)
{
	/* A queued instance runs after the running one, if any: wait for both. */
	uint8_t runs = (work->flags & K_WORK_QUEUED) != 0U ? 1U : 0U;

	runs += (work->flags & K_WORK_RUNNING) != 0U ? 1U : 0U;
	if (runs == 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return false;
	}
	*sync = (struct k_work_sync){ .work = work, .kind = SYNC_FLUSH, .remaining = runs };
	work->flags |= K_WORK_FLUSHING;
	sync_wait(key, sync);
	return true;
}

bool k_work_flush(struct k_work *work, struct k_work_sync *sync)
{
	__ASSERT(sync != NULL, "NULL sync");
	__ASSERT((work->flags & K_WORK_DELAYABLE) == 0U, "k_work_flush on a delayable item");
	return flush_locked(k_spin_lock(&_sched_spinlock), work, sync);
}

/* Delayable items */

void k_work_init_delayable(struct k_work_delayable *dwork, k_work_handler_t handler)
{
	__ASSERT(dwork != NULL, "NULL work item");
	*dwork = (struct k_work_delayable)Z_WORK_DELAYABLE_INITIALIZER(handler);
	z_init_timeout(&dwork->timeout);
}

int k_work_delayable_busy_get(const struct k_work_delayable *dwork)
{
	return k_work_busy_get(&dwork->work);
}

k_ticks_t k_work_delayable_remaining_get(const struct k_work_delayable *dwork)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint64_t cycles = z_timeout_remaining_cycles(&dwork->timeout);

	k_spin_unlock(&_sched_spinlock, key);
	return (k_ticks_t)k_cyc_to_ticks_ceil64(cycles);
}

k_ticks_t k_work_delayable_expires_get(const struct k_work_delayable *dwork)
{
	return k_uptime_ticks() + k_work_delayable_remaining_get(dwork);
}

/* The delay is over (timer interrupt, lock held): submit; a refusal drops it, as in Zephyr. */
static void delay_expired(struct _timeout *to)
{
	struct k_work_delayable *dwork = CONTAINER_OF(to, struct k_work_delayable, timeout);

	dwork->work.flags &= ~K_WORK_DELAYED;
	(void)submit_locked(dwork->queue, &dwork->work);
}

/* Stop a delay in progress; true if there was one. */
static bool undelay_locked(struct k_work_delayable *dwork)
{
	if ((dwork->work.flags & K_WORK_DELAYED) == 0U) {
		return false;
	}
	(void)z_abort_timeout(&dwork->timeout);
	dwork->work.flags &= ~K_WORK_DELAYED;
	return true;
}

static int schedule_locked(struct k_work_q *queue, struct k_work_delayable *dwork,
			   k_timeout_t delay)
{
	__ASSERT((dwork->work.flags & K_WORK_DELAYABLE) != 0U, "not a delayable work item");
	if (K_TIMEOUT_EQ(delay, K_NO_WAIT)) {
		return submit_locked(queue, &dwork->work);
	}
	dwork->queue = queue;
	dwork->work.flags |= K_WORK_DELAYED;
	if (!K_TIMEOUT_EQ(delay, K_FOREVER)) {
		z_add_timeout(&dwork->timeout, delay_expired, delay.ticks);
	}
	return 1;
}

int k_work_schedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
			      k_timeout_t delay)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = 0;

	if ((dwork->work.flags & (K_WORK_QUEUED | K_WORK_DELAYED)) == 0U) {
		ret = schedule_locked(queue, dwork, delay);
	}
	z_reschedule(key);
	return ret;
}

int k_work_reschedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
				k_timeout_t delay)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	(void)undelay_locked(dwork);
	int ret = schedule_locked(queue, dwork, delay);

	z_reschedule(key);
	return ret;
}

int k_work_cancel_delayable(struct k_work_delayable *dwork)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	(void)undelay_locked(dwork);
	int ret = cancel_locked(&dwork->work);

	k_spin_unlock(&_sched_spinlock, key);
	return ret;
}

bool k_work_cancel_delayable_sync(struct k_work_delayable *dwork, struct k_work_sync *sync)
{
	__ASSERT(sync != NULL, "NULL sync");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	bool busy = k_work_busy_get(&dwork->work) != 0;

	(void)undelay_locked(dwork);
	(void)cancel_locked(&dwork->work);
	return cancel_wait(key, &dwork->work, sync, busy);
}

bool k_work_flush_delayable(struct k_work_delayable *dwork, struct k_work_sync *sync)
{
	__ASSERT(sync != NULL, "NULL sync");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (undelay_locked(dwork)) {
		(void)submit_locked(dwork->queue, &dwork->work);
	}
	return flush_locked(key, &dwork->work, sync);
}

/* Queues */

void k_work_queue_init(struct k_work_q *queue)
{
	/* The thread object is left alone: the registry may know it already. */
	sys_dlist_init(&queue->pending);
	sys_dlist_init(&queue->notifyq.waitq);
	sys_dlist_init(&queue->drainq.waitq);
	queue->flags = 0;
}

static void queue_thread(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct k_work_q *queue = p1;

	for (;;) {
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
		sys_dnode_t *n = sys_dlist_get(&queue->pending);

		if (n == NULL) {
			if ((queue->flags & QUEUE_DRAIN) != 0U) {
				queue->flags &= ~QUEUE_DRAIN;
				(void)z_wake_all(&queue->drainq, 0);
			}
			(void)z_pend_curr(key, &queue->notifyq, K_FOREVER);
			continue;
		}
		struct k_work *work = CONTAINER_OF(n, struct k_work, node);
		k_work_handler_t handler = work->handler;

		work->flags = (work->flags & ~K_WORK_QUEUED) | K_WORK_RUNNING;
		queue->flags |= QUEUE_BUSY;
		k_spin_unlock(&_sched_spinlock, key);

		handler(work);

		key = k_spin_lock(&_sched_spinlock);
		work->flags &= ~(K_WORK_RUNNING | K_WORK_CANCELING);
		queue->flags &= ~QUEUE_BUSY;
		notify_locked(work);
		bool yield = (queue->flags & QUEUE_NO_YIELD) == 0U;

		z_reschedule(key);
		if (yield) {
			k_yield();
		}
	}
}

void k_work_queue_start(struct k_work_q *queue, k_thread_stack_t *stack, size_t stack_size,
			int prio, const struct k_work_queue_config *cfg)
{
	__ASSERT(!k_is_in_isr(), "work queues are started by threads");
	__ASSERT((queue->flags & QUEUE_STARTED) == 0U, "work queue %p started twice", queue);
	if (queue->pending.next == NULL) {
		k_work_queue_init(queue); /* zeroed storage */
	}
	uint32_t options = (cfg != NULL && cfg->essential) ? K_ESSENTIAL : 0U;

	(void)k_thread_create(&queue->thread, stack, stack_size, queue_thread, queue, NULL, NULL,
			      prio, options, K_FOREVER);
	if (cfg != NULL && cfg->name != NULL) {
		(void)k_thread_name_set(&queue->thread, cfg->name);
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	queue->thread_id = &queue->thread;
	queue->flags = QUEUE_STARTED | ((cfg != NULL && cfg->no_yield) ? QUEUE_NO_YIELD : 0U);
	k_spin_unlock(&_sched_spinlock, key);
	k_thread_start(&queue->thread);
}

void k_work_queue_run(struct k_work_q *queue, const struct k_work_queue_config *cfg)
{
	__ASSERT(!k_is_in_isr(), "work queues are run by threads");
	__ASSERT((queue->flags & QUEUE_STARTED) == 0U, "work queue %p started twice", queue);
	if (queue->pending.next == NULL) {
		k_work_queue_init(queue); /* zeroed storage */
	}
	if (cfg != NULL && cfg->name != NULL) {
		(void)k_thread_name_set(_current, cfg->name);
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (cfg != NULL && cfg->essential) {
		_current->base.user_options |= K_ESSENTIAL;
	}
	queue->thread_id = _current;
	queue->flags = QUEUE_STARTED | ((cfg != NULL && cfg->no_yield) ? QUEUE_NO_YIELD : 0U);
	k_spin_unlock(&_sched_spinlock, key);
	queue_thread(queue, NULL, NULL);
	CODE_UNREACHABLE;
}

int k_work_queue_drain(struct k_work_q *queue, bool plug)
{
	__ASSERT(!k_is_in_isr(), "k_work_queue_drain in an ISR");
	__ASSERT(_current != queue->thread_id, "a queue's handler draining its own queue");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (plug) {
		queue->flags |= QUEUE_PLUGGED;
	}
	if ((queue->flags & QUEUE_BUSY) != 0U || !sys_dlist_is_empty(&queue->pending)) {
		queue->flags |= QUEUE_DRAIN;
		(void)z_pend_curr(key, &queue->drainq, K_FOREVER);
		return 1;
	}
	k_spin_unlock(&_sched_spinlock, key);
	return 0;
}

int k_work_queue_unplug(struct k_work_q *queue)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = (queue->flags & QUEUE_PLUGGED) != 0U ? 0 : -EALREADY;

	queue->flags &= ~QUEUE_PLUGGED;
	k_spin_unlock(&_sched_spinlock, key);
	return ret;
}
