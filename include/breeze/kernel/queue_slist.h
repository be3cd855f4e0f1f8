/*
 * Queueing a whole sys_slist at once (Zephyr's k_queue_merge_slist() and
 * k_fifo_put_slist()), supervisor mode as in Zephyr: the list's nodes are the
 * items' first words, which is how queues link items anyway, so the chain is
 * appended as it is (waiting threads take the first items) and the list is
 * left empty.
 */
#ifndef BREEZE_KERNEL_QUEUE_SLIST_H
#define BREEZE_KERNEL_QUEUE_SLIST_H

#include <errno.h>
#include <breeze/sys/slist.h>
#include <breeze/kernel/queue.h>

#ifdef CONFIG_K_QUEUE
/* 0, or -EINVAL for an empty list (the queue is unchanged). */
static inline int k_queue_merge_slist(struct k_queue *queue, sys_slist_t *list)
{
	if (sys_slist_is_empty(list)) {
		return -EINVAL;
	}
	int ret = k_queue_append_list(queue, sys_slist_peek_head(list), sys_slist_peek_tail(list));

	if (ret == 0) {
		sys_slist_init(list);
	}
	return ret;
}

#define k_fifo_put_slist(fifo, list) k_queue_merge_slist(&(fifo)->_queue, (list))
#endif /* CONFIG_K_QUEUE */

#endif /* BREEZE_KERNEL_QUEUE_SLIST_H */
