/*
 * k_queue, k_fifo and k_lifo from user mode: a user producer puts pointers in
 * kernel nodes from its resource pool (the alloc_ variants), a user consumer gets items a
 * supervisor queued and waits for more, peeks, and is released by cancel_wait; a user thread
 * initialises a queue it was granted before anyone used it.
 */
#include "user_util.h"

struct item {
	void *reserved;
	int value;
};

static struct k_fifo fifo;
static struct k_lifo lifo;
static struct k_queue fresh;
static struct item items[2];

/* The user threads' resource pool: the alloc_ variants take their nodes from it. */
K_HEAP_DEFINE(user_pool, 512);

RESULT static volatile int r[8];
RESULT static void *volatile got[6];
RESULT static int values[3] = { 0 };

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_fifo_init(&fifo);
	k_lifo_init(&lifo);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(got); i++) {
		got[i] = &got;
	}
}

ZTEST_SUITE(sys_queue, NULL, NULL, before, NULL, NULL);

static void producer(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_fifo_alloc_put(&fifo, &values[0]);
	r[1] = k_fifo_alloc_put(&fifo, &values[1]);
	r[2] = k_lifo_alloc_put(&lifo, &values[0]);
	r[3] = k_lifo_alloc_put(&lifo, &values[2]);
	r[4] = k_fifo_is_empty(&fifo);
	got[0] = k_fifo_peek_head(&fifo);
	got[1] = k_fifo_peek_tail(&fifo);
	got[2] = k_lifo_get(&lifo, K_NO_WAIT);
}

ZTEST(sys_queue, test_user_producer) {
	k_tid_t t = user_create(0, producer, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &user_pool);
	k_thread_access_grant(t, &fifo, &lifo);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[3], 0);
	zassert_equal(r[4], 0);
	zassert_equal_ptr(got[0], &values[0]);
	zassert_equal_ptr(got[1], &values[1]);
	zassert_equal_ptr(got[2], &values[2]);
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &values[0]);
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &values[1]);
	zassert_equal_ptr(k_lifo_get(&lifo, K_NO_WAIT), &values[0]);
}

static void consumer(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	got[0] = k_fifo_get(&fifo, K_NO_WAIT);
	got[1] = k_fifo_get(&fifo, K_FOREVER); /* the supervisor puts it later */
	got[2] = k_fifo_get(&fifo, K_FOREVER); /* cancelled */
	got[3] = k_fifo_get(&fifo, K_MSEC(2));
}

ZTEST(sys_queue, test_user_consumer) {
	k_tid_t t = user_create(0, consumer, NULL, NULL, NULL, TEST_PRIO + 1, 0);

	k_object_access_grant(&fifo, t);
	k_fifo_put(&fifo, &items[0]);
	k_thread_start(t);
	k_msleep(1);
	zassert_equal_ptr(got[0], &items[0]);
	zassert_equal_ptr(got[1], &got, "it did not wait");
	k_fifo_put(&fifo, &items[1]);
	k_msleep(1);
	zassert_equal_ptr(got[1], &items[1]);
	k_fifo_cancel_wait(&fifo);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_is_null(got[2]);
	zassert_is_null(got[3]);
}

static void init_fresh(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_queue_init(&fresh);
	r[0] = k_queue_alloc_append(&fresh, &values[2]);
	got[0] = k_queue_get(&fresh, K_NO_WAIT);
}

/* Granted while still a plain variable, initialised by the user thread itself. */
ZTEST(sys_queue, test_user_init_of_granted_queue) {
	k_tid_t t = user_create(0, init_fresh, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &user_pool);
	k_object_access_grant(&fresh, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal_ptr(got[0], &values[2]);
}
