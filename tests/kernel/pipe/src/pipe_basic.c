/*
 * k_pipe without other threads: bytes come out in order across the wrap of
 * the ring, a full pipe takes what fits, an empty one gives what it has,
 * close and reset, and the sizes that are errors.
 */
#include <limits.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define SIZE 16

K_PIPE_DEFINE(defined_pipe, SIZE, 4);

static struct k_pipe pipe;
static uint8_t pipe_buf[SIZE];

static void pattern(uint8_t *p, size_t n, uint8_t first)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (uint8_t)(first + i);
	}
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_pipe_init(&pipe, pipe_buf, sizeof(pipe_buf));
	k_pipe_reset(&defined_pipe);
}

ZTEST_SUITE(pipe_basic, NULL, NULL, before, NULL, NULL);

ZTEST(pipe_basic, test_defined_pipe) {
	uint8_t in[5] = "abcd", out[5] = { 0 };

	zassert_equal(k_pipe_write(&defined_pipe, in, 5, K_NO_WAIT), 5);
	zassert_equal(k_pipe_read(&defined_pipe, out, 5, K_NO_WAIT), 5);
	zassert_mem_equal(out, in, 5);
}

ZTEST(pipe_basic, test_in_order_across_the_wrap) {
	uint8_t in[SIZE], out[SIZE];

	for (int round = 0; round < 10; round++) {
		size_t n = 3 + round % 11;

		pattern(in, n, (uint8_t)(round * 17));
		zassert_equal(k_pipe_write(&pipe, in, n, K_NO_WAIT), (int)n);
		memset(out, 0, sizeof(out));
		zassert_equal(k_pipe_read(&pipe, out, n, K_NO_WAIT), (int)n);
		zassert_mem_equal(out, in, n, "round %d", round);
	}
}

ZTEST(pipe_basic, test_full_and_empty) {
	uint8_t in[SIZE + 8], out[SIZE + 8];

	pattern(in, sizeof(in), 1);
	zassert_equal(k_pipe_read(&pipe, out, 4, K_NO_WAIT), -EAGAIN, "empty");
	zassert_equal(k_pipe_write(&pipe, in, sizeof(in), K_NO_WAIT), SIZE, "what fits");
	zassert_equal(k_pipe_write(&pipe, in, 1, K_NO_WAIT), -EAGAIN, "full");
	zassert_equal(k_pipe_read(&pipe, out, 4, K_NO_WAIT), 4);
	zassert_equal(k_pipe_read(&pipe, out + 4, sizeof(out), K_NO_WAIT), SIZE - 4,
		      "what there is");
	zassert_mem_equal(out, in, SIZE);
}

ZTEST(pipe_basic, test_partial_write_on_timeout) {
	uint8_t in[SIZE + 4] = { 0 };
	int64_t start = k_uptime_get();

	zassert_equal(k_pipe_write(&pipe, in, sizeof(in), K_MSEC(5)), SIZE);
	int64_t took = k_uptime_get() - start;

	zassert_true(took >= 5 && took < 15, "waited %d ms", (int)took);
	start = k_uptime_get();
	zassert_equal(k_pipe_write(&pipe, in, 1, K_MSEC(3)), -EAGAIN);
	zassert_true(k_uptime_get() - start >= 3);
}

ZTEST(pipe_basic, test_close) {
	uint8_t in[6] = "hello", out[8];

	zassert_equal(k_pipe_write(&pipe, in, 6, K_NO_WAIT), 6);
	k_pipe_close(&pipe);
	zassert_equal(k_pipe_write(&pipe, in, 1, K_NO_WAIT), -EPIPE);
	zassert_equal(k_pipe_write(&pipe, in, 0, K_NO_WAIT), -EPIPE);
	zassert_equal(k_pipe_read(&pipe, out, sizeof(out), K_FOREVER), 6,
		      "what was left, without waiting");
	zassert_str_equal((char *)out, "hello");
	zassert_equal(k_pipe_read(&pipe, out, 1, K_FOREVER), -EPIPE);
	k_pipe_reset(&pipe);
	zassert_equal(k_pipe_write(&pipe, in, 1, K_NO_WAIT), -EPIPE, "a reset does not reopen");
}

ZTEST(pipe_basic, test_reset_drops_the_bytes) {
	uint8_t in[4] = { 1, 2, 3, 4 }, out[4];

	zassert_equal(k_pipe_write(&pipe, in, 4, K_NO_WAIT), 4);
	k_pipe_reset(&pipe);
	zassert_equal(k_pipe_read(&pipe, out, 4, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_pipe_write(&pipe, in, 4, K_NO_WAIT), 4, "usable after a reset");
	zassert_equal(k_pipe_read(&pipe, out, 4, K_NO_WAIT), 4);
	zassert_mem_equal(out, in, 4);
}

ZTEST(pipe_basic, test_sizes) {
	uint8_t b[1];

	zassert_equal(k_pipe_write(&pipe, b, 0, K_NO_WAIT), 0);
	zassert_equal(k_pipe_read(&pipe, b, 0, K_NO_WAIT), 0);
	zassert_equal(k_pipe_write(&pipe, b, (size_t)INT_MAX + 1, K_NO_WAIT), -EOVERFLOW);
	zassert_equal(k_pipe_read(&pipe, b, SIZE_MAX, K_NO_WAIT), -EOVERFLOW);
}

/* A pipe without a buffer holds nothing: with nobody waiting, nothing goes through. */
ZTEST(pipe_basic, test_empty_buffer) {
	static struct k_pipe none;
	uint8_t b[2] = { 0 };

	k_pipe_init(&none, NULL, 0);
	zassert_equal(k_pipe_write(&none, b, 2, K_MSEC(1)), -EAGAIN);
	zassert_equal(k_pipe_read(&none, b, 2, K_NO_WAIT), -EAGAIN);
}
