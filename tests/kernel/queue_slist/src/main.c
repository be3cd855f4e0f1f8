/*
 * Queueing a sys_slist: the items come out in list order behind what was
 * queued before, a waiting thread takes the first one, the list is emptied,
 * and an empty list is refused with -EINVAL, leaving the queue as it was.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

struct item {
	sys_snode_t node;
	int value;
};

static struct item items[4];
static K_FIFO_DEFINE(fifo);
static struct k_queue queue;

static K_THREAD_STACK_DEFINE(waiter_stack, 1024);
static struct k_thread waiter;
static void *volatile waiter_got;

static void waiter_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	waiter_got = k_fifo_get((struct k_fifo *)p1, K_FOREVER);
}

static void *setup(void)
{
	for (int i = 0; i < (int)ARRAY_SIZE(items); i++) {
		items[i].value = i;
	}
	return NULL;
}

ZTEST(queue_slist, test_merge_behind_queued_items) {
	sys_slist_t list;

	k_queue_init(&queue);
	k_queue_append(&queue, &items[0]);
	sys_slist_init(&list);
	sys_slist_append(&list, &items[1].node);
	sys_slist_append(&list, &items[2].node);
	zassert_equal(k_queue_merge_slist(&queue, &list), 0);
	zassert_true(sys_slist_is_empty(&list), "the list is emptied");
	for (int i = 0; i < 3; i++) {
		zassert_equal_ptr(k_queue_get(&queue, K_NO_WAIT), &items[i]);
	}
	zassert_true(k_queue_is_empty(&queue));
}

ZTEST(queue_slist, test_empty_list_refused) {
	sys_slist_t list;

	k_queue_init(&queue);
	k_queue_append(&queue, &items[0]);
	sys_slist_init(&list);
	zassert_equal(k_queue_merge_slist(&queue, &list), -EINVAL);
	zassert_equal_ptr(k_queue_get(&queue, K_NO_WAIT), &items[0]);
	zassert_true(k_queue_is_empty(&queue));
}

ZTEST(queue_slist, test_fifo_put_slist_wakes_waiter) {
	sys_slist_t list;

	waiter_got = NULL;
	k_thread_create(&waiter, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), waiter_entry,
			&fifo, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	k_sleep(K_MSEC(10)); /* the waiter blocks in k_fifo_get() */
	sys_slist_init(&list);
	for (int i = 1; i < 4; i++) {
		sys_slist_append(&list, &items[i].node);
	}
	zassert_equal(k_fifo_put_slist(&fifo, &list), 0);
	zassert_equal(k_thread_join(&waiter, K_MSEC(100)), 0);
	zassert_equal_ptr(waiter_got, &items[1], "the waiter takes the first item");
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &items[2]);
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &items[3]);
	zassert_true(k_fifo_is_empty(&fifo));
}

ZTEST_SUITE(queue_slist, NULL, setup, NULL, NULL, NULL);
