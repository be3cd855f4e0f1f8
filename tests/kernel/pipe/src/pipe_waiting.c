/*
 * k_pipe with waiting threads: a stream far longer than the ring and than a
 * chunk goes through whole and in order; a read waits for all it asked for;
 * close and reset wake the waiters with -EPIPE and -ECANCELED; a wait keeps
 * its deadline across wake-ups that bring too little.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY
#define STACK_SIZE 1536
#define STREAM     1000

K_PIPE_DEFINE(stream_pipe, 48, 4);

static struct k_thread peer;
static K_THREAD_STACK_DEFINE(peer_stack, STACK_SIZE);
static uint8_t src[STREAM], dst[STREAM];
static volatile int peer_ret;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_pipe_init(&stream_pipe, stream_pipe.buffer, stream_pipe.size);
	peer_ret = 0x7ead;
}

ZTEST_SUITE(pipe_waiting, NULL, NULL, before, NULL, NULL);

/* Writes the stream in pieces of p1 bytes. */
static void writer(void *p1, void *p2, void *p3)
{
	size_t piece = (size_t)(uintptr_t)p1;
	int total = 0;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (size_t at = 0; at < STREAM; at += piece) {
		int rc = k_pipe_write(&stream_pipe, src + at, MIN(piece, STREAM - at), K_FOREVER);

		if (rc < 0) {
			peer_ret = rc;
			return;
		}
		total += rc;
	}
	peer_ret = total;
}

static void stream(size_t write_piece, size_t read_piece, int writer_prio)
{
	for (int i = 0; i < STREAM; i++) {
		src[i] = (uint8_t)(i * 7 + i / 256);
	}
	memset(dst, 0, sizeof(dst));
	k_thread_create(&peer, peer_stack, STACK_SIZE, writer, (void *)(uintptr_t)write_piece, NULL,
			NULL, writer_prio, 0, K_NO_WAIT);
	for (size_t at = 0; at < STREAM; at += read_piece) {
		size_t n = MIN(read_piece, STREAM - at);

		zassert_equal(k_pipe_read(&stream_pipe, dst + at, n, K_FOREVER), (int)n);
	}
	zassert_equal(k_thread_join(&peer, K_FOREVER), 0);
	zassert_equal(peer_ret, STREAM);
	zassert_mem_equal(dst, src, STREAM);
}

ZTEST(pipe_waiting, test_stream_one_write_small_reads) {
	stream(STREAM, 10, TEST_PRIO - 1);
}

ZTEST(pipe_waiting, test_stream_small_writes_one_read) {
	stream(7, STREAM, TEST_PRIO + 1);
}

ZTEST(pipe_waiting, test_stream_equal_priorities) {
	stream(100, 33, TEST_PRIO);
}

static void late_writer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(2);
	k_pipe_write(&stream_pipe, (const uint8_t *)"abcd", 4, K_NO_WAIT);
	k_msleep(2);
	k_pipe_write(&stream_pipe, (const uint8_t *)"efghij", 6, K_NO_WAIT);
}

ZTEST(pipe_waiting, test_read_waits_for_everything) {
	uint8_t out[11] = { 0 };

	k_thread_create(&peer, peer_stack, STACK_SIZE, late_writer, NULL, NULL, NULL, TEST_PRIO - 1,
			0, K_NO_WAIT);
	zassert_equal(k_pipe_read(&stream_pipe, out, 10, K_FOREVER), 10);
	zassert_str_equal((char *)out, "abcdefghij");
	zassert_equal(k_thread_join(&peer, K_FOREVER), 0);
}

/* 10 bytes come by 4 ms, 20 never do: the 10, at the deadline set when the read began. */
ZTEST(pipe_waiting, test_read_keeps_its_deadline) {
	uint8_t out[20];

	k_thread_create(&peer, peer_stack, STACK_SIZE, late_writer, NULL, NULL, NULL, TEST_PRIO - 1,
			0, K_NO_WAIT);
	int64_t start = k_uptime_get();

	zassert_equal(k_pipe_read(&stream_pipe, out, sizeof(out), K_MSEC(10)), 10);
	int64_t took = k_uptime_get() - start;

	zassert_true(took >= 10 && took < 14, "returned after %d ms", (int)took);
	zassert_mem_equal(out, "abcdefghij", 10);
	zassert_equal(k_thread_join(&peer, K_FOREVER), 0);
}

static void blocked_reader(void *p1, void *p2, void *p3)
{
	uint8_t b[4];

	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_ret = k_pipe_read(&stream_pipe, b, sizeof(b), K_FOREVER);
}

static void blocked_writer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_ret = k_pipe_write(&stream_pipe, src, 100, K_FOREVER); /* more than fits */
}

static void run_blocked(k_thread_entry_t entry, void (*action)(struct k_pipe *), int expect)
{
	k_thread_create(&peer, peer_stack, STACK_SIZE, entry, NULL, NULL, NULL, TEST_PRIO - 1, 0,
			K_NO_WAIT);
	/* With SMP the peer may run on another CPU: act once it waits (within a second). */
	for (int ms = 0; ms < 1000 && (peer.base.thread_state & _THREAD_PENDING) == 0U; ms++) {
		k_sleep(K_MSEC(1));
	}
	zassert_equal(peer_ret, 0x7ead, "the peer did not wait");
	action(&stream_pipe);
	zassert_equal(k_thread_join(&peer, K_FOREVER), 0);
	zassert_equal(peer_ret, expect);
}

ZTEST(pipe_waiting, test_close_wakes_a_reader) {
	run_blocked(blocked_reader, k_pipe_close, -EPIPE);
}

ZTEST(pipe_waiting, test_close_wakes_a_writer) {
	run_blocked(blocked_writer, k_pipe_close, -EPIPE);
}

ZTEST(pipe_waiting, test_reset_cancels_a_reader) {
	run_blocked(blocked_reader, k_pipe_reset, -ECANCELED);
}

ZTEST(pipe_waiting, test_reset_cancels_a_writer) {
	run_blocked(blocked_writer, k_pipe_reset, -ECANCELED);
	/* The pipe works on after a reset. */
	zassert_equal(k_pipe_write(&stream_pipe, src, 8, K_NO_WAIT), 8);
}

static void partial_reader(void *p1, void *p2, void *p3)
{
	uint8_t b[8];

	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_ret = k_pipe_read(&stream_pipe, b, sizeof(b), K_FOREVER);
}

/* A reader that got some bytes before the close returns them. */
ZTEST(pipe_waiting, test_close_after_some_bytes) {
	k_thread_create(&peer, peer_stack, STACK_SIZE, partial_reader, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	zassert_equal(k_pipe_write(&stream_pipe, src, 3, K_NO_WAIT), 3);
	zassert_equal(peer_ret, 0x7ead, "the reader waits for the rest");
	k_pipe_close(&stream_pipe);
	zassert_equal(k_thread_join(&peer, K_FOREVER), 0);
	zassert_equal(peer_ret, 3);
}
