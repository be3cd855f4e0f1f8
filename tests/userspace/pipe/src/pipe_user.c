/*
 * Pipes from user mode: a producer and a consumer in two domains (each with a
 * private partition only) stream more bytes than the ring and than the
 * kernel's copy chunk, in pieces of odd sizes, also through a pipe of 0
 * bytes (each waits for the other); a user thread sets up a pipe
 * over its own partition and uses it with a supervisor; close and reset reach
 * user waiters; a timed-out user read returns what came.
 */
#include <string.h>
#include "user_util.h"

#define STREAM 700

K_PIPE_DEFINE(user_pipe, 40, 4);
K_PIPE_DEFINE(zero_pipe, 0, 4);

K_APPMEM_PARTITION_DEFINE(prod_part);
K_APPMEM_PARTITION_DEFINE(cons_part);
K_APP_BMEM(prod_part) static uint8_t prod_buf[STREAM];
K_APP_BMEM(prod_part) static uint8_t prod_ring[24];
K_APP_BMEM(cons_part) static uint8_t cons_buf[STREAM];

static struct k_mem_domain dom_prod, dom_cons;
static struct k_pipe own_pipe;

RESULT static volatile int r[4];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	k_pipe_init(&user_pipe, user_pipe.buffer, user_pipe.size);
	k_pipe_init(&zero_pipe, NULL, 0);
}

static void *setup(void)
{
	struct k_mem_partition *p[] = { &prod_part, &results_part };
	struct k_mem_partition *c[] = { &cons_part, &results_part };

	zassert_equal(k_mem_domain_init(&dom_prod, ARRAY_SIZE(p), p), 0);
	zassert_equal(k_mem_domain_init(&dom_cons, ARRAY_SIZE(c), c), 0);
	return NULL;
}

ZTEST_SUITE(pipe_user, NULL, setup, before, NULL, NULL);

static void producer(void *piece, void *pipe, void *c)
{
	int total = 0;

	ARG_UNUSED(c);
	for (int i = 0; i < STREAM; i++) {
		prod_buf[i] = (uint8_t)(i * 13 + 5);
	}
	for (size_t at = 0; at < STREAM; at += (size_t)(uintptr_t)piece) {
		size_t n = MIN((size_t)(uintptr_t)piece, STREAM - at);
		int rc = k_pipe_write(pipe, prod_buf + at, n, K_FOREVER);

		if (rc != (int)n) {
			r[0] = rc;
			return;
		}
		total += rc;
	}
	r[0] = total;
}

static void consumer(void *piece, void *pipe, void *c)
{
	int total = 0;

	ARG_UNUSED(c);
	for (size_t at = 0; at < STREAM; at += (size_t)(uintptr_t)piece) {
		size_t n = MIN((size_t)(uintptr_t)piece, STREAM - at);
		int rc = k_pipe_read(pipe, cons_buf + at, n, K_FOREVER);

		if (rc != (int)n) {
			r[1] = rc;
			return;
		}
		total += rc;
	}
	r[1] = total;
}

static void stream_through(struct k_pipe *stream_pipe, size_t write_piece, size_t read_piece)
{
	k_tid_t prod = user_create(0, producer, (void *)(uintptr_t)write_piece, stream_pipe, NULL,
				   TEST_PRIO + 1, 0);
	k_tid_t cons = user_create(1, consumer, (void *)(uintptr_t)read_piece, stream_pipe, NULL,
				   TEST_PRIO + 1, 0);

	k_mem_domain_add_thread(&dom_prod, prod);
	k_mem_domain_add_thread(&dom_cons, cons);
	k_object_access_grant(stream_pipe, prod);
	k_object_access_grant(stream_pipe, cons);
	memset(cons_buf, 0, sizeof(cons_buf));
	k_thread_start(prod);
	k_thread_start(cons);
	zassert_equal(k_thread_join(prod, K_FOREVER), 0);
	zassert_equal(k_thread_join(cons, K_FOREVER), 0);
	zassert_equal(r[0], STREAM);
	zassert_equal(r[1], STREAM);
	zassert_mem_equal(cons_buf, prod_buf, STREAM);
}

static void stream(size_t write_piece, size_t read_piece)
{
	stream_through(&user_pipe, write_piece, read_piece);
}

ZTEST(pipe_user, test_stream_between_domains) {
	stream(STREAM, 9);
	stream(13, STREAM);
	stream(65, 129); /* around the kernel's 64-byte chunk */
}

/* A pipe of 0 bytes: every byte goes from the writer's chunk to the reader's. */
ZTEST(pipe_user, test_stream_through_a_zero_pipe) {
	stream_through(&zero_pipe, STREAM, 9);
	stream_through(&zero_pipe, 13, STREAM);
	stream_through(&zero_pipe, 65, 129);
}

static void own_pipe_user(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	k_pipe_init(&own_pipe, prod_ring, sizeof(prod_ring));
	memcpy(prod_buf, "from user mode", 15);
	r[0] = k_pipe_write(&own_pipe, prod_buf, 15, K_NO_WAIT);
	k_msleep(2); /* the supervisor takes the bytes and replies */
	r[1] = k_pipe_read(&own_pipe, prod_buf + 100, 30, K_MSEC(2));
	k_pipe_close(&own_pipe);
}

ZTEST(pipe_user, test_pipe_over_a_user_partition) {
	uint8_t got[16] = { 0 };
	k_tid_t t = user_create(0, own_pipe_user, NULL, NULL, NULL, TEST_PRIO - 1, 0);

	k_mem_domain_add_thread(&dom_prod, t);
	k_object_access_grant(&own_pipe, t);
	k_thread_start(t);
	/* The user thread wrote and sleeps. */
	zassert_equal(r[0], 15);
	zassert_equal(k_pipe_read(&own_pipe, got, 15, K_NO_WAIT), 15);
	zassert_str_equal((char *)got, "from user mode");
	zassert_equal(k_pipe_write(&own_pipe, (const uint8_t *)"ok", 2, K_NO_WAIT), 2);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[1], 2, "a timed-out read returns what came");
	zassert_mem_equal(prod_buf + 100, "ok", 2);
	zassert_equal(k_pipe_write(&own_pipe, got, 1, K_NO_WAIT), -EPIPE, "closed by the user");
}

static void waiting_reader(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	r[0] = k_pipe_read(&user_pipe, cons_buf, 100, K_FOREVER);
	r[1] = k_pipe_read(&user_pipe, cons_buf, 100, K_FOREVER);
	r[2] = k_pipe_read(&user_pipe, cons_buf, 100, K_FOREVER);
}

ZTEST(pipe_user, test_reset_and_close_reach_user_waiters) {
	k_tid_t t = user_create(0, waiting_reader, NULL, NULL, NULL, TEST_PRIO - 1, 0);

	k_mem_domain_add_thread(&dom_cons, t);
	k_object_access_grant(&user_pipe, t);
	k_thread_start(t);
	k_pipe_reset(&user_pipe);
	zassert_equal(r[0], -ECANCELED);
	zassert_equal(k_pipe_write(&user_pipe, (const uint8_t *)"xyz", 3, K_NO_WAIT), 3);
	k_pipe_close(&user_pipe);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[1], 3, "the bytes before the close");
	zassert_equal(r[2], -EPIPE);
	zassert_mem_equal(cons_buf, "xyz", 3);
}
