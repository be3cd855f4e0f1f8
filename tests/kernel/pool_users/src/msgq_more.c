/*
 * k_msgq_put_front(), k_msgq_peek_at() and the queries, over a ring that
 * wraps: front puts come out first, peek_at indexes from the oldest across
 * the wrap, purge empties and wakes, get_attrs and num_used/num_free agree.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY
#define STACK_SIZE 1024

K_MSGQ_DEFINE(mq, sizeof(uint32_t), 4, 4);

static struct k_thread reader_thread;
static K_THREAD_STACK_DEFINE(reader_stack, STACK_SIZE);
static uint32_t read_value;
static int read_ret;

static void put(uint32_t v)
{
	zassert_equal(k_msgq_put(&mq, &v, K_NO_WAIT), 0);
}

static uint32_t get(void)
{
	uint32_t v = 0xdead;

	zassert_equal(k_msgq_get(&mq, &v, K_NO_WAIT), 0);
	return v;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_msgq_purge(&mq);
}

ZTEST_SUITE(msgq_more, NULL, NULL, before, NULL, NULL);

ZTEST(msgq_more, test_put_front_comes_out_first) {
	uint32_t v = 9;

	put(1);
	put(2);
	zassert_equal(k_msgq_put_front(&mq, &v), 0);
	v = 8;
	zassert_equal(k_msgq_put_front(&mq, &v), 0);
	zassert_equal(k_msgq_num_used_get(&mq), 4);
	zassert_equal(k_msgq_put_front(&mq, &v), -ENOMSG, "full: never waits");
	zassert_equal(get(), 8);
	zassert_equal(get(), 9);
	zassert_equal(get(), 1);
	zassert_equal(get(), 2);
}

ZTEST(msgq_more, test_put_front_at_the_start_of_the_ring) {
	uint32_t v = 7;

	/* read_ptr at the start of the buffer: the front put wraps to its end. */
	zassert_equal(k_msgq_put_front(&mq, &v), 0);
	put(1);
	zassert_equal(get(), 7);
	zassert_equal(get(), 1);
}

static void reader(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	read_ret = k_msgq_get(&mq, &read_value, K_FOREVER);
}

ZTEST(msgq_more, test_put_front_hands_to_a_waiting_reader) {
	uint32_t v = 42;

	k_thread_create(&reader_thread, reader_stack, STACK_SIZE, reader, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	zassert_equal(k_msgq_put_front(&mq, &v), 0);
	zassert_equal(k_thread_join(&reader_thread, K_FOREVER), 0);
	zassert_equal(read_ret, 0);
	zassert_equal(read_value, 42);
	zassert_equal(k_msgq_num_used_get(&mq), 0);
}

ZTEST(msgq_more, test_peek_at_across_the_wrap) {
	uint32_t v;

	put(100);
	put(101);
	put(102);
	(void)get();
	(void)get();
	put(103);
	put(104);
	put(105); /* queued: 102 at the end of the ring, then 103..105 from its start */
	for (uint32_t i = 0; i < 4; i++) {
		v = 0;
		zassert_equal(k_msgq_peek_at(&mq, &v, i), 0);
		zassert_equal(v, 102 + i);
	}
	zassert_equal(k_msgq_peek_at(&mq, &v, 4), -ENOMSG);
	zassert_equal(k_msgq_peek_at(&mq, &v, UINT32_MAX), -ENOMSG);
	zassert_equal(k_msgq_peek(&mq, &v), 0);
	zassert_equal(v, 102);
	zassert_equal(k_msgq_num_used_get(&mq), 4, "peeking takes nothing");
}

ZTEST(msgq_more, test_queries_and_purge) {
	struct k_msgq_attrs attrs;

	put(1);
	put(2);
	k_msgq_get_attrs(&mq, &attrs);
	zassert_equal(attrs.msg_size, sizeof(uint32_t));
	zassert_equal(attrs.max_msgs, 4);
	zassert_equal(attrs.used_msgs, 2);
	zassert_equal(k_msgq_num_used_get(&mq), 2);
	zassert_equal(k_msgq_num_free_get(&mq), 2);
	k_msgq_purge(&mq);
	zassert_equal(k_msgq_num_used_get(&mq), 0);
	zassert_equal(k_msgq_num_free_get(&mq), 4);
	uint32_t v;

	zassert_equal(k_msgq_peek_at(&mq, &v, 0), -ENOMSG);
}
