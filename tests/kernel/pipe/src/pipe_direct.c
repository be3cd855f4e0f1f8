/*
 * k_pipe hand-offs: with the ring empty, a write goes straight to the readers
 * waiting, and a read takes straight from the writers waiting, so a pipe of
 * 0 bytes carries a whole stream between two threads that wait for each
 * other. The bytes keep their order (the ring's first, then a waiting
 * writer's), a hand-off counts for a waiter whose time then runs out, and a
 * reset never leaves PIPE_FLAG_RESET behind.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY
#define STACK_SIZE 1536
#define STREAM     700

K_PIPE_DEFINE(zero_pipe, 0, 4);
K_PIPE_DEFINE(small_pipe, 8, 4);

static struct k_thread peer;
static K_THREAD_STACK_DEFINE(peer_stack, STACK_SIZE);
static uint8_t src[STREAM], dst[STREAM];
static volatile int peer_ret;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_pipe_init(&zero_pipe, NULL, 0);
	k_pipe_init(&small_pipe, small_pipe.buffer, small_pipe.size);
	peer_ret = 0x7ead;
	for (int i = 0; i < STREAM; i++) {
		src[i] = (uint8_t)(i * 11 + i / 256);
	}
	memset(dst, 0, sizeof(dst));
}

ZTEST_SUITE(pipe_direct, NULL, NULL, before, NULL, NULL);

/* Writes p2 bytes of src to pipe p1 in pieces of p3 bytes, waiting as long as it takes. */
static void writer(void *p1, void *p2, void *p3)
{
	size_t len = (size_t)(uintptr_t)p2, piece = (size_t)(uintptr_t)p3;
	int total = 0;

	for (size_t at = 0; at < len; at += piece) {
		int rc = k_pipe_write(p1, src + at, MIN(piece, len - at), K_FOREVER);

		if (rc < 0) {
			peer_ret = rc;
			return;
		}
		total += rc;
	}
	peer_ret = total;
}

/* Reads p2 bytes into dst from pipe p1 in pieces of p3 bytes. */
static void reader(void *p1, void *p2, void *p3)
{
	size_t len = (size_t)(uintptr_t)p2, piece = (size_t)(uintptr_t)p3;
	int total = 0;

	for (size_t at = 0; at < len; at += piece) {
		int rc = k_pipe_read(p1, dst + at, MIN(piece, len - at), K_FOREVER);

		if (rc < 0) {
			peer_ret = rc;
			return;
		}
		total += rc;
	}
	peer_ret = total;
}

static void start(k_thread_entry_t entry, struct k_pipe *pipe, size_t len, size_t piece, int prio)
{
	k_thread_create(&peer, peer_stack, STACK_SIZE, entry, pipe, (void *)(uintptr_t)len,
			(void *)(uintptr_t)piece, prio, 0, K_NO_WAIT);
}

/* The peer writes the stream in @write_piece bytes; this thread reads it in @read_piece. */
static void stream_zero(size_t write_piece, size_t read_piece, int writer_prio)
{
	before(NULL);
	start(writer, &zero_pipe, STREAM, write_piece, writer_prio);
	for (size_t at = 0; at < STREAM; at += read_piece) {
		size_t n = MIN(read_piece, STREAM - at);

		zassert_equal(k_pipe_read(&zero_pipe, dst + at, n, K_FOREVER), (int)n);
	}
	zassert_ok(k_thread_join(&peer, K_FOREVER));
	zassert_equal(peer_ret, STREAM);
	zassert_mem_equal(dst, src, STREAM);
}

ZTEST(pipe_direct, test_zero_pipe_stream) {
	stream_zero(STREAM, 7, TEST_PRIO - 1); /* a more urgent writer waits for each read */
	stream_zero(13, STREAM, TEST_PRIO + 1);
	stream_zero(65, 129, TEST_PRIO); /* around the kernel's 64-byte step */
}

/* A more urgent reader waits; the write then hands everything over at once. */
ZTEST(pipe_direct, test_write_to_a_waiting_reader) {
	start(reader, &small_pipe, 40, 40, TEST_PRIO - 1);
	zassert_equal(k_pipe_write(&small_pipe, src, 40, K_NO_WAIT), 40,
		      "40 bytes through an 8-byte ring at once");
	zassert_ok(k_thread_join(&peer, K_FOREVER));
	zassert_equal(peer_ret, 40);
	zassert_mem_equal(dst, src, 40);
}

/* A more urgent writer waits on a full ring: a read takes the ring's bytes, then the writer's. */
ZTEST(pipe_direct, test_read_from_the_ring_then_a_waiting_writer) {
	zassert_equal(k_pipe_write(&small_pipe, src, 8, K_NO_WAIT), 8);
	start(writer, &small_pipe, 20, 20, TEST_PRIO - 1); /* src + 0, once more: 20 bytes */
	zassert_equal(k_pipe_read(&small_pipe, dst, 28, K_NO_WAIT), 28);
	zassert_mem_equal(dst, src, 8);
	zassert_mem_equal(dst + 8, src, 20, "the writer's bytes after the ring's");
	zassert_ok(k_thread_join(&peer, K_FOREVER));
	zassert_equal(peer_ret, 20);
}

/* What a reader took from a waiting writer counts for the writer when its time runs out. */
static void timed_writer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_ret = k_pipe_write(p1, src, 10, K_MSEC(5));
}

ZTEST(pipe_direct, test_handed_off_bytes_count_at_the_timeout) {
	k_thread_create(&peer, peer_stack, STACK_SIZE, timed_writer, &zero_pipe, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	zassert_equal(k_pipe_read(&zero_pipe, dst, 4, K_NO_WAIT), 4);
	zassert_ok(k_thread_join(&peer, K_FOREVER));
	zassert_equal(peer_ret, 4, "the writer wrote what the reader took");
	zassert_mem_equal(dst, src, 4);
	zassert_equal(k_pipe_read(&zero_pipe, dst, 4, K_NO_WAIT), -EAGAIN, "nothing left over");
}

/* Without a peer a pipe of 0 bytes holds nothing; closed, it ends the wait. */
ZTEST(pipe_direct, test_zero_pipe_alone) {
	zassert_equal(k_pipe_write(&zero_pipe, src, 2, K_MSEC(1)), -EAGAIN);
	zassert_equal(k_pipe_read(&zero_pipe, dst, 2, K_NO_WAIT), -EAGAIN);
	start(reader, &zero_pipe, 4, 4, TEST_PRIO - 1);
	k_pipe_close(&zero_pipe);
	zassert_ok(k_thread_join(&peer, K_FOREVER));
	zassert_equal(peer_ret, -EPIPE);
}

/* A reset is one step: its flag is never left set, and the pipe stays open. */
ZTEST(pipe_direct, test_reset_flag_never_left) {
	start(reader, &zero_pipe, 4, 4, TEST_PRIO - 1);
	k_pipe_reset(&zero_pipe);
	zassert_ok(k_thread_join(&peer, K_FOREVER));
	zassert_equal(peer_ret, -ECANCELED);
	zassert_equal(zero_pipe.flags & PIPE_FLAG_RESET, 0);
	zassert_equal(zero_pipe.flags, PIPE_FLAG_OPEN);
}
