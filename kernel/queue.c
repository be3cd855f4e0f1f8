/*
 * Queues (k_queue, and k_fifo/k_lifo over them).
 *
 * An element of a queue is either an item given by a supervisor, linked
 * through its own first word, or a node of the kernel's holding a pointer
 * (the alloc_ variants). Links, head and tail hold tagged pointers: bit 0
 * set marks a node (items are word-aligned, as Zephyr requires). Everything
 * moves under the scheduler lock, and an item added while threads wait goes
 * straight to the most urgent one (left in its base.swap_data).
 *
 * The nodes come from the caller's resource pool (k_thread_heap_assign()),
 * as in Zephyr, so a heap the supervisor chose bounds what each thread can
 * take. A pool is kernel memory: user threads never see or write a link.
 * A node leaves the queue under the lock and goes back to its heap after the
 * lock is released (the heap has a lock of its own, and a free may wake
 * threads waiting for memory).
 */
#include <ksched.h>
#include <kobject_init.h>
#include <thread_pool.h>
#include <poll_internal.h>

struct qnode {
	void *next;
	void *data;
};

#define NODE_TAG 1U

static bool is_node(const void *e)
{
	return ((uintptr_t)e & NODE_TAG) != 0U;
}

/* The link word of element @e. */
static void **link_of(void *e)
{
	return (void **)((uintptr_t)e & ~(uintptr_t)NODE_TAG);
}

/* The data of element @e; a node is left in *@spent, for k_free() once unlocked. */
static void *release_locked(void *e, struct qnode **spent)
{
	if (!is_node(e)) {
		return e;
	}
	struct qnode *n = (struct qnode *)link_of(e);

	*spent = n;
	return n->data;
}

/* Hand @e's data to the most urgent waiter, if any (the caller then reschedules). */
static bool hand_over_locked(struct k_queue *queue, void *e, struct qnode **spent)
{
	struct k_thread *waiter = z_waitq_head(&queue->wait_q);

	if (waiter == NULL) {
		return false;
	}
	waiter->base.swap_data = release_locked(e, spent);
	z_wake_thread(waiter, 0);
	return true;
}

/* Link @e after @prev (NULL: at the front). */
static void link_after_locked(struct k_queue *queue, void *prev, void *e)
{
	if (prev == NULL) {
		*link_of(e) = queue->head;
		queue->head = e;
	} else {
		*link_of(e) = *link_of(prev);
		*link_of(prev) = e;
	}
	if (*link_of(e) == NULL) {
		queue->tail = e;
	}
}

enum where {
	AT_FRONT,
	AT_END,
	AFTER_PREV,
};

/* Queue element @e (or hand it to a waiter). */
static void add(struct k_queue *queue, enum where where, void *prev, void *e)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct qnode *spent = NULL;

	if (hand_over_locked(queue, e, &spent)) {
		z_reschedule(key);
		k_free(spent);
		return;
	}
	link_after_locked(queue,
			  where == AT_END     ? queue->tail
			  : where == AT_FRONT ? NULL
					      : prev,
			  e);
	z_poll_notify_locked(queue, K_POLL_STATE_DATA_AVAILABLE);
	z_reschedule(key);
}

static int32_t alloc_add(struct k_queue *queue, enum where where, void *data)
{
	struct qnode *n = z_thread_malloc(sizeof(*n));

	if (n == NULL) {
		return -ENOMEM;
	}
	n->data = data;
	add(queue, where, NULL, (void *)((uintptr_t)n | NODE_TAG));
	return 0;
}

void z_impl_k_queue_init(struct k_queue *queue)
{
	if (z_object_init_begin_for(queue, K_OBJ_QUEUE) != 0) {
		return;
	}
	sys_dlist_init(&queue->wait_q.waitq);
	queue->head = NULL;
	queue->tail = NULL;
	z_object_init_end_for(queue);
}

void z_impl_k_queue_cancel_wait(struct k_queue *queue)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct k_thread *waiter = z_wake_first(&queue->wait_q, -EAGAIN);

	if (waiter != NULL) {
		waiter->base.swap_data = NULL;
	}
	z_poll_notify_locked(queue, K_POLL_STATE_CANCELLED);
	z_reschedule(key);
}

void k_queue_append(struct k_queue *queue, void *data)
{
	add(queue, AT_END, NULL, data);
}

void k_queue_prepend(struct k_queue *queue, void *data)
{
	add(queue, AT_FRONT, NULL, data);
}

void k_queue_insert(struct k_queue *queue, void *prev, void *data)
{
	add(queue, prev == NULL ? AT_FRONT : AFTER_PREV, prev, data);
}

int32_t z_impl_k_queue_alloc_append(struct k_queue *queue, void *data)
{
	return alloc_add(queue, AT_END, data);
}

int32_t z_impl_k_queue_alloc_prepend(struct k_queue *queue, void *data)
{
	return alloc_add(queue, AT_FRONT, data);
}

int k_queue_append_list(struct k_queue *queue, void *head, void *tail)
{
	if (head == NULL || tail == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	void *item = head;
	bool woke = false;

	/* Waiters take the first items; the rest is linked in one step. */
	while (item != NULL && z_waitq_head(&queue->wait_q) != NULL) {
		void *next = *link_of(item);
		struct qnode *none = NULL; /* items only: no node to free */

		woke = hand_over_locked(queue, item, &none);
		item = next;
	}
	if (item != NULL) {
		if (queue->tail != NULL) {
			*link_of(queue->tail) = item;
		} else {
			queue->head = item;
		}
		queue->tail = tail;
		z_poll_notify_locked(queue, K_POLL_STATE_DATA_AVAILABLE);
		woke = true; /* perhaps a poller: reschedule */
	}
	if (woke) {
		z_reschedule(key);
	} else {
		k_spin_unlock(&_sched_spinlock, key);
	}
	return 0;
}

void *z_impl_k_queue_get(struct k_queue *queue, k_timeout_t timeout)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	void *e = queue->head;

	if (e != NULL) {
		queue->head = *link_of(e);
		if (queue->head == NULL) {
			queue->tail = NULL;
		}
		struct qnode *spent = NULL;
		void *data = release_locked(e, &spent);

		k_spin_unlock(&_sched_spinlock, key);
		k_free(spent);
		return data;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return NULL;
	}
	__ASSERT(!k_is_in_isr(), "k_queue_get may only wait in a thread");
	_current->base.swap_data = NULL;
	return z_pend_curr(key, &queue->wait_q, timeout) == 0 ? _current->base.swap_data : NULL;
}

/* The element before the one holding @data (NULL: it is the head); false if absent. */
static bool find_locked(struct k_queue *queue, void *data, void **prev)
{
	void *before = NULL;

	for (void *e = queue->head; e != NULL; before = e, e = *link_of(e)) {
		if ((is_node(e) ? ((struct qnode *)link_of(e))->data : e) == data) {
			*prev = before;
			return true;
		}
	}
	return false;
}

bool k_queue_remove(struct k_queue *queue, void *data)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	void *prev;
	bool found = find_locked(queue, data, &prev);
	struct qnode *spent = NULL;

	if (found) {
		void **from = prev == NULL ? &queue->head : link_of(prev);
		void *e = *from;

		*from = *link_of(e);
		if (queue->tail == e) {
			queue->tail = prev;
		}
		(void)release_locked(e, &spent);
	}
	k_spin_unlock(&_sched_spinlock, key);
	k_free(spent);
	return found;
}

bool k_queue_unique_append(struct k_queue *queue, void *data)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	void *prev;

	if (find_locked(queue, data, &prev)) {
		k_spin_unlock(&_sched_spinlock, key);
		return false;
	}
	k_spin_unlock(&_sched_spinlock, key);
	k_queue_append(queue, data);
	return true;
}

int z_impl_k_queue_is_empty(struct k_queue *queue)
{
	return queue->head == NULL;
}

static void *queue_peek_end(struct k_queue *queue, bool head)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	void *e = head ? queue->head : queue->tail;
	void *data = e == NULL || !is_node(e) ? e : ((struct qnode *)link_of(e))->data;

	k_spin_unlock(&_sched_spinlock, key);
	return data;
}

void *z_impl_k_queue_peek_head(struct k_queue *queue)
{
	return queue_peek_end(queue, true);
}

void *z_impl_k_queue_peek_tail(struct k_queue *queue)
{
	return queue_peek_end(queue, false);
}

#ifdef CONFIG_USERSPACE
/* Data pointers are opaque to the kernel: only the queue object is checked. */
#define QUEUE_CHECK(q) K_OOPS(K_SYSCALL_OBJ(q, K_OBJ_QUEUE))

void z_vrfy_k_queue_init(struct k_queue *queue)
{
	K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(queue, K_OBJ_QUEUE));
	z_impl_k_queue_init(queue);
}

void z_vrfy_k_queue_cancel_wait(struct k_queue *queue)
{
	QUEUE_CHECK(queue);
	z_impl_k_queue_cancel_wait(queue);
}

int32_t z_vrfy_k_queue_alloc_append(struct k_queue *queue, void *data)
{
	QUEUE_CHECK(queue);
	return z_impl_k_queue_alloc_append(queue, data);
}

int32_t z_vrfy_k_queue_alloc_prepend(struct k_queue *queue, void *data)
{
	QUEUE_CHECK(queue);
	return z_impl_k_queue_alloc_prepend(queue, data);
}

void *z_vrfy_k_queue_get(struct k_queue *queue, k_timeout_t timeout)
{
	QUEUE_CHECK(queue);
	return z_impl_k_queue_get(queue, timeout);
}

int z_vrfy_k_queue_is_empty(struct k_queue *queue)
{
	QUEUE_CHECK(queue);
	return z_impl_k_queue_is_empty(queue);
}

void *z_vrfy_k_queue_peek_head(struct k_queue *queue)
{
	QUEUE_CHECK(queue);
	return z_impl_k_queue_peek_head(queue);
}

void *z_vrfy_k_queue_peek_tail(struct k_queue *queue)
{
	QUEUE_CHECK(queue);
	return z_impl_k_queue_peek_tail(queue);
}
#endif
