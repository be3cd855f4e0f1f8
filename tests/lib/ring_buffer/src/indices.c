/*
 * The index layout of the ring buffer and the in-place calls with offsets:
 * read_idx and write_idx in [0, 2N) (16-bit, or 32-bit with
 * CONFIG_RING_BUFFER_LARGE: variant "large" of this image), full and empty
 * told apart without a spare byte, the wrap of the indices at 2N in the middle
 * of the data, ring_buf_put_ptr()/ring_buf_get_ptr() with an offset (areas
 * written or read in several pieces before one commit or consume), and
 * offsets that reach past the end of the array.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>
#include <zephyr/ztest.h>

#define SMALL 10U

static struct ring_buf ring;
static uint8_t storage[SMALL];

static void reset_ring(void *fixture)
{
	ARG_UNUSED(fixture);
	memset(storage, 0, sizeof(storage));
	ring_buf_init(&ring, sizeof(storage), storage);
}

ZTEST(ring_buffer_indices, test_index_types_and_limits) {
#ifdef CONFIG_RING_BUFFER_LARGE
	zassert_equal(sizeof(ring_buf_idx_t), 4U);
	zassert_equal(RING_BUFFER_MAX_SIZE, 0x3FFFFFFFU, "2N plus a distance fits in 32 bits");
#else
	zassert_equal(sizeof(ring_buf_idx_t), 2U);
	zassert_equal(RING_BUFFER_MAX_SIZE, 32767U, "2N - 1 fits in 16 bits");
#endif
	zassert_equal(sizeof(ring.size), sizeof(ring_buf_idx_t));
	zassert_equal(sizeof(ring.read_idx), sizeof(ring_buf_idx_t));
	zassert_equal(sizeof(ring.write_idx), sizeof(ring_buf_idx_t));
	zassert_equal(ring_buf_capacity_get(&ring), SMALL, "no byte is kept spare");
}

ZTEST(ring_buffer_indices, test_full_and_empty_at_every_start) {
	uint8_t in[SMALL];
	uint8_t out[SMALL];

	for (uint32_t i = 0; i < SMALL; i++) {
		in[i] = (uint8_t)(0xA0 + i);
	}
	/* Every starting index, both laps: full is write = read + N (mod 2N). */
	for (uint32_t start = 0; start < 2U * SMALL; start++) {
		ring_buf_internal_reset(&ring, (int32_t)start);
		zassert_true(ring_buf_is_empty(&ring));
		zassert_false(ring_buf_is_full(&ring));
		zassert_equal(ring_buf_put(&ring, in, SMALL + 1U), SMALL, "start %u", start);
		zassert_true(ring_buf_is_full(&ring));
		zassert_false(ring_buf_is_empty(&ring));
		zassert_equal(ring_buf_size_get(&ring), SMALL);
		zassert_equal(ring_buf_space_get(&ring), 0U);
		zassert_equal(ring.write_idx, (start + SMALL) % (2U * SMALL));
		zassert_equal(ring_buf_get(&ring, out, sizeof(out)), SMALL);
		zassert_mem_equal(out, in, SMALL);
		zassert_equal(ring.read_idx, ring.write_idx);
	}
}

ZTEST(ring_buffer_indices, test_internal_reset_takes_the_index_modulo_2n) {
	ring_buf_internal_reset(&ring, -1);
	zassert_equal(ring.read_idx, 2U * SMALL - 1U);
	ring_buf_internal_reset(&ring, 2 * SMALL + 3);
	zassert_equal(ring.write_idx, 3U);
	ring_buf_internal_reset(&ring, -(int32_t)(5U * SMALL));
	zassert_equal(ring.write_idx, SMALL, "-5N is N modulo 2N");
	zassert_true(ring_buf_is_empty(&ring));
}

ZTEST(ring_buffer_indices, test_indices_wrap_inside_the_data) {
	uint8_t *p = NULL;

	/* Two bytes before the wrap at 2N: the data cross it (and the array end). */
	ring_buf_internal_reset(&ring, 2 * SMALL - 2);
	zassert_equal(ring_buf_put_ptr(&ring, &p, 0), 2U, "up to the end of the array");
	zassert_equal_ptr(p, storage + SMALL - 2U);
	p[0] = 1;
	p[1] = 2;
	zassert_equal(ring_buf_put_ptr(&ring, &p, 2), SMALL - 2U, "the rest, from the start");
	zassert_equal_ptr(p, storage);
	p[0] = 3;
	ring_buf_commit(&ring, 3);
	zassert_equal(ring.write_idx, 1U, "wrapped at 2N");
	zassert_equal(ring_buf_size_get(&ring), 3U);
	zassert_equal(ring_buf_get_ptr(&ring, &p, 0), 2U);
	zassert_equal(p[0], 1);
	zassert_equal(p[1], 2);
	zassert_equal(ring_buf_get_ptr(&ring, &p, 2), 1U);
	zassert_equal_ptr(p, storage);
	zassert_equal(p[0], 3);
	ring_buf_consume(&ring, 3);
	zassert_true(ring_buf_is_empty(&ring));
	zassert_equal(ring.read_idx, 1U);
}

ZTEST(ring_buffer_indices, test_put_ptr_offsets_build_one_commit) {
	static const uint8_t msg[] = "0123456789";
	uint8_t out[SMALL] = { 0 };
	uint8_t *p = NULL;
	uint32_t done = 0;

	/* Start mid-array, so the pieces wrap; nothing is visible before the commit. */
	ring_buf_internal_reset(&ring, 7);
	while (done < SMALL) {
		uint32_t n = MIN(ring_buf_put_ptr(&ring, &p, done), 3U);

		zassert_true(n > 0U, "space left at offset %u", done);
		memcpy(p, &msg[done], n);
		done += n;
		zassert_equal(ring_buf_size_get(&ring), 0U, "an offset publishes nothing");
		zassert_equal(ring_buf_space_get(&ring), SMALL, "nor takes space");
	}
	zassert_equal(ring_buf_put_ptr(&ring, &p, SMALL), 0U, "nothing past the free space");
	zassert_equal_ptr(p, storage + 7U, "an offset of N points back at the start");
	ring_buf_commit(&ring, SMALL);
	zassert_true(ring_buf_is_full(&ring));
	zassert_equal(ring_buf_peek(&ring, out, sizeof(out)), SMALL);
	zassert_mem_equal(out, msg, SMALL);
}

ZTEST(ring_buffer_indices, test_get_ptr_offsets_read_before_consume) {
	static const uint8_t msg[] = "abcdefghij";
	uint8_t *p = NULL;
	uint32_t seen = 0;

	ring_buf_internal_reset(&ring, 3 * SMALL / 2); /* second lap, mid-array */
	zassert_equal(ring_buf_put(&ring, msg, 8), 8U);
	while (seen < 8U) {
		uint32_t n = ring_buf_get_ptr(&ring, &p, seen);

		zassert_true(n > 0U);
		zassert_mem_equal(p, &msg[seen], n);
		seen += n;
		zassert_equal(ring_buf_size_get(&ring), 8U, "an offset consumes nothing");
	}
	zassert_equal(ring_buf_get_ptr(&ring, &p, 8), 0U, "no data past the data");
	ring_buf_consume(&ring, 5);
	zassert_equal(ring_buf_get_ptr(&ring, &p, 0) + ring_buf_get_ptr(&ring, &p, 1), 3U + 2U);
	zassert_mem_equal(p, &msg[6], 2, "offset 1 from the new read position");
	ring_buf_consume(&ring, 3);
	zassert_true(ring_buf_is_empty(&ring));
}

ZTEST(ring_buffer_indices, test_claims_are_counts_past_the_indices) {
	uint8_t *p = NULL;

	ring_buf_internal_reset(&ring, 2 * SMALL - 3);
	zassert_equal(ring_buf_put_claim(&ring, &p, 5), 3U, "stops at the array end");
	zassert_equal(ring.put_claimed, 3U);
	zassert_equal(ring_buf_put_claim(&ring, &p, 5), 5U);
	zassert_equal_ptr(p, storage);
	zassert_equal(ring.put_claimed, 8U);
	zassert_equal(ring.write_idx, 2U * SMALL - 3U, "claims move no index");
	zassert_equal(ring_buf_space_get(&ring), 2U, "claimed space is taken");
	zassert_equal(ring_buf_put_finish(&ring, 6), 0);
	zassert_equal(ring.put_claimed, 0U);
	zassert_equal(ring.write_idx, 3U, "wrapped at 2N");
	zassert_equal(ring_buf_get_claim(&ring, &p, 6), 3U);
	zassert_equal(ring.get_claimed, 3U);
	zassert_equal(ring_buf_size_get(&ring), 3U, "claimed data are not available");
	ring_buf_consume(&ring, 1); /* the in-place call drops the claim */
	zassert_equal(ring.get_claimed, 0U);
	zassert_equal(ring_buf_size_get(&ring), 5U);
}

#ifdef CONFIG_RING_BUFFER_LARGE
#define LARGE_BYTES 40000U /* more than 16-bit indices can hold */
static uint8_t large_storage[LARGE_BYTES];

ZTEST(ring_buffer_indices, test_large_ring) {
	static uint8_t chunk[1000];
	uint32_t moved = 0;

	ring_buf_init(&ring, LARGE_BYTES, large_storage);
	ring_buf_internal_reset(&ring, -500); /* 2N - 500: beyond 16 bits */
	zassert_equal(ring.write_idx, 2U * LARGE_BYTES - 500U);
	for (uint32_t i = 0; i < sizeof(chunk); i++) {
		chunk[i] = (uint8_t)(i * 7U);
	}
	while (!ring_buf_is_full(&ring)) {
		moved += ring_buf_put(&ring, chunk, sizeof(chunk));
	}
	zassert_equal(moved, LARGE_BYTES);
	zassert_equal(ring_buf_size_get(&ring), LARGE_BYTES);
	while (ring_buf_get(&ring, chunk, sizeof(chunk)) == sizeof(chunk)) {
		zassert_equal(chunk[999], (uint8_t)(999U * 7U));
	}
	zassert_true(ring_buf_is_empty(&ring));
	zassert_equal(ring.read_idx, LARGE_BYTES - 500U);
}
#endif

ZTEST_SUITE(ring_buffer_indices, NULL, NULL, reset_ring, NULL, NULL);
