/*
 * k_queue with waiting getters: an item goes straight to the most urgent
 * waiter (FIFO among equals), a list feeds several waiters, and
 * k_queue_cancel_wait() releases one waiter with NULL.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define GETTERS    3
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

struct item {
	void *reserved;
	int value;
};

static struct item items[GETTERS];
static struct k_fifo fifo;
static struct k_thread getters[GETTERS];
static K_THREAD_STACK_ARRAY_DEFINE(getter_stacks, GETTERS, STACK_SIZE);
static void *got[GETTERS];

static void getter(void *index, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	got[(int)(intptr_t)index] = k_fifo_get(&fifo, K_FOREVER);
}

static void start_getter(int i, int prio)
{
	got[i] = &got; /* not NULL: "never returned" */
	k_thread_create(&getters[i], getter_stacks[i], STACK_SIZE, getter, (void *)(intptr_t)i,
			NULL, NULL, prio, 0, K_NO_WAIT);
}

static void join_all(void)
{
	for (int i = 0; i < GETTERS; i++) {
		zassert_equal(k_thread_join(&getters[i], K_FOREVER), 0);
	}
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_fifo_init(&fifo);
}

ZTEST_SUITE(queue_waiters, NULL, NULL, before, NULL, NULL);

ZTEST(queue_waiters, test_put_goes_to_most_urgent_waiter) {
	start_getter(0, TEST_PRIO + 2);
	start_getter(1, TEST_PRIO + 1);
	start_getter(2, TEST_PRIO + 2);
	k_msleep(1);
	static int value = 7;

	k_fifo_put(&fifo, &items[0]);
	k_thread_system_pool_assign(k_current_get()); /* the node's pool */
	zassert_equal(k_fifo_alloc_put(&fifo, &value), 0);
	k_fifo_put(&fifo, &items[2]);
	join_all();
	zassert_equal_ptr(got[1], &items[0], "the most urgent waiter gets the first item");
	zassert_equal_ptr(got[0], &value, "then the one that waited longest");
	zassert_equal_ptr(got[2], &items[2]);
	zassert_true(k_fifo_is_empty(&fifo));
}

ZTEST(queue_waiters, test_list_feeds_waiters_then_queue) {
	static struct item list[4];

	for (int i = 0; i < 3; i++) {
		list[i].reserved = &list[i + 1];
	}
	list[3].reserved = NULL;
	start_getter(0, TEST_PRIO + 1);
	start_getter(1, TEST_PRIO + 1);
	k_msleep(1);
	start_getter(2, TEST_PRIO + 1); /* not waiting yet: it finds the queue */
	zassert_equal(k_fifo_put_list(&fifo, &list[0], &list[3]), 0);
	join_all();
	zassert_equal_ptr(got[0], &list[0]);
	zassert_equal_ptr(got[1], &list[1]);
	zassert_equal_ptr(got[2], &list[2]);
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &list[3]);
}

ZTEST(queue_waiters, test_cancel_wait_releases_one) {
	start_getter(0, TEST_PRIO + 1);
	start_getter(1, TEST_PRIO + 2);
	k_msleep(1);
	k_fifo_cancel_wait(&fifo);
	zassert_equal(k_thread_join(&getters[0], K_FOREVER), 0);
	zassert_is_null(got[0]);
	zassert_equal_ptr(got[1], &got, "the other one still waits");
	k_fifo_put(&fifo, &items[1]);
	zassert_equal(k_thread_join(&getters[1], K_FOREVER), 0);
	zassert_equal_ptr(got[1], &items[1]);
}
