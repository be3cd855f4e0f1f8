/*
 * Queues (k_queue) and the FIFOs and LIFOs built on them (k_fifo, k_lifo).
 *
 * A queue links the items it is given through their first word, which the
 * kernel owns while the item is queued, as in Zephyr. The alloc_ variants
 * queue any pointer instead, in a node the kernel allocates: that is how user
 * threads put data in a queue (their items are not kernel memory). As in
 * Zephyr, the nodes come from the caller's resource pool
 * (k_thread_heap_assign()): -ENOMEM without one or when it is full.
 *
 * System calls: init (never-initialised objects), get, the alloc_ variants,
 * is_empty, peek_head/tail and cancel_wait. A get hands the item straight to
 * the most urgent waiter.
 */
#ifndef BREEZE_KERNEL_QUEUE_H
#define BREEZE_KERNEL_QUEUE_H

#include <breeze/kernel/thread.h>

struct k_queue {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	void *head; /* the item or node that leaves first; NULL when empty */
	void *tail;
};

#define Z_QUEUE_INITIALIZER(obj)                                                       \
	{                                                                              \
		Z_OBJECT_HDR_INIT.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .head = NULL, \
		.tail = NULL                                                           \
	}

/* FIFOs and LIFOs are queues (a pointer to one is a pointer to its queue). */
struct k_fifo {
	struct k_queue _queue;
};

struct k_lifo {
	struct k_queue _queue;
};

/* All three kinds are registered as queues at boot. */
#define K_QUEUE_DEFINE(name) \
	Z_ITERABLE_SECTION(k_queue, name) struct k_queue name = Z_QUEUE_INITIALIZER(name)
#define K_FIFO_DEFINE(name)               \
	Z_ITERABLE_SECTION(k_queue, name) \
	struct k_fifo name = { ._queue = Z_QUEUE_INITIALIZER(name._queue) }
#define K_LIFO_DEFINE(name)               \
	Z_ITERABLE_SECTION(k_queue, name) \
	struct k_lifo name = { ._queue = Z_QUEUE_INITIALIZER(name._queue) }

/*
 * The calls, only with CONFIG_K_QUEUE: without it, a call of any is an undeclared
 * function and fails to build and link, naming the call.
 */
#ifdef CONFIG_K_QUEUE

__syscall void k_queue_init(struct k_queue *queue);

/* Wake the most urgent waiter of k_queue_get(), which returns NULL. */
__syscall void k_queue_cancel_wait(struct k_queue *queue);

/* Queue @data (its first word becomes the kernel's): at the end, at the front, after @prev. */
void k_queue_append(struct k_queue *queue, void *data);
void k_queue_prepend(struct k_queue *queue, void *data);
void k_queue_insert(struct k_queue *queue, void *prev, void *data);

/* Queue @data in a node of the kernel's: 0, or -ENOMEM when no node is left. */
__syscall int32_t k_queue_alloc_append(struct k_queue *queue, void *data);
__syscall int32_t k_queue_alloc_prepend(struct k_queue *queue, void *data);

/*
 * Append the NULL-terminated list @head .. @tail, linked through their first
 * words: 0, or -EINVAL when either end is NULL.
 */
int k_queue_append_list(struct k_queue *queue, void *head, void *tail);

/* Take the first item: NULL when empty with K_NO_WAIT, on timeout, or when cancelled. */
__syscall void *k_queue_get(struct k_queue *queue, k_timeout_t timeout);

/* Take @data out of the queue wherever it is: true if it was there. */
bool k_queue_remove(struct k_queue *queue, void *data);

/* Append @data unless it is queued already: true if appended. */
bool k_queue_unique_append(struct k_queue *queue, void *data);

__syscall int k_queue_is_empty(struct k_queue *queue);
__syscall void *k_queue_peek_head(struct k_queue *queue);
__syscall void *k_queue_peek_tail(struct k_queue *queue);

/* FIFO: first in, first out. */
#define k_fifo_init(fifo)                 k_queue_init(&(fifo)->_queue)
#define k_fifo_cancel_wait(fifo)          k_queue_cancel_wait(&(fifo)->_queue)
#define k_fifo_put(fifo, data)            k_queue_append(&(fifo)->_queue, (data))
#define k_fifo_alloc_put(fifo, data)      k_queue_alloc_append(&(fifo)->_queue, (data))
#define k_fifo_put_list(fifo, head, tail) k_queue_append_list(&(fifo)->_queue, (head), (tail))
#define k_fifo_get(fifo, timeout)         k_queue_get(&(fifo)->_queue, (timeout))
#define k_fifo_is_empty(fifo)             k_queue_is_empty(&(fifo)->_queue)
#define k_fifo_peek_head(fifo)            k_queue_peek_head(&(fifo)->_queue)
#define k_fifo_peek_tail(fifo)            k_queue_peek_tail(&(fifo)->_queue)

/* LIFO: last in, first out. */
#define k_lifo_init(lifo)            k_queue_init(&(lifo)->_queue)
#define k_lifo_put(lifo, data)       k_queue_prepend(&(lifo)->_queue, (data))
#define k_lifo_alloc_put(lifo, data) k_queue_alloc_prepend(&(lifo)->_queue, (data))
#define k_lifo_get(lifo, timeout)    k_queue_get(&(lifo)->_queue, (timeout))

#endif /* CONFIG_K_QUEUE */

#endif /* BREEZE_KERNEL_QUEUE_H */
