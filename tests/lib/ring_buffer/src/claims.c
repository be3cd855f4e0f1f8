/*
 * Claim/finish edge cases on the target: claiming 0, finishing more than
 * claimed (-EINVAL, nothing changes), partial finishes, accumulated claims,
 * claims stopping at the end of the array, the copying calls abandoning a
 * claim (peek leaving it alone), and all of it with the indices crossing
 * their wrap at 2N.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>
#include <zephyr/ztest.h>

#define RING_SIZE 11 /* not a power of two */

static struct ring_buf ring;
static uint8_t storage[RING_SIZE];

static void fill(uint8_t *p, uint32_t n, uint8_t first)
{
	for (uint32_t i = 0; i < n; i++) {
		p[i] = (uint8_t)(first + i);
	}
}

static void reset_ring(void *fixture)
{
	ARG_UNUSED(fixture);
	memset(storage, 0, sizeof(storage));
	ring_buf_init(&ring, sizeof(storage), storage);
}

ZTEST(ring_buffer_claims, test_claim_zero_and_empty_finish) {
	uint8_t *area = NULL;

	zassert_equal(ring_buf_put_claim(&ring, &area, 0), 0);
	zassert_equal_ptr(area, storage, "a claim of 0 still points at the claim position");
	zassert_equal(ring_buf_put_finish(&ring, 0), 0);
	zassert_equal(ring_buf_put_finish(&ring, 1), -EINVAL);
	zassert_equal(ring_buf_get_claim(&ring, &area, 0), 0);
	zassert_equal(ring_buf_get_claim(&ring, &area, 4), 0, "nothing to read");
	zassert_equal(ring_buf_get_finish(&ring, 0), 0);
	zassert_equal(ring_buf_get_finish(&ring, 1), -EINVAL);
	zassert_equal(ring_buf_space_get(&ring), RING_SIZE);
	zassert_true(ring_buf_is_empty(&ring));
}

ZTEST(ring_buffer_claims, test_finish_more_than_claimed_changes_nothing) {
	uint8_t *area = NULL;

	zassert_equal(ring_buf_put_claim(&ring, &area, 4), 4);
	fill(area, 4, 1);
	zassert_equal(ring_buf_space_get(&ring), RING_SIZE - 4);
	zassert_equal(ring_buf_put_finish(&ring, 5), -EINVAL);
	zassert_equal(ring_buf_space_get(&ring), RING_SIZE - 4, "the claim must survive");
	zassert_equal(ring_buf_size_get(&ring), 0);
	zassert_equal(ring_buf_put_finish(&ring, 4), 0);
	zassert_equal(ring_buf_size_get(&ring), 4);

	zassert_equal(ring_buf_get_claim(&ring, &area, 3), 3);
	zassert_equal(ring_buf_get_finish(&ring, 4), -EINVAL);
	zassert_equal(ring_buf_size_get(&ring), 1);
	zassert_equal(ring_buf_get_finish(&ring, 3), 0);
	zassert_equal(ring_buf_size_get(&ring), 1);
	zassert_equal(ring_buf_space_get(&ring), RING_SIZE - 1);
}

ZTEST(ring_buffer_claims, test_partial_finish_returns_the_rest) {
	uint8_t *area = NULL;
	uint8_t out[RING_SIZE];

	zassert_equal(ring_buf_put_claim(&ring, &area, 6), 6);
	fill(area, 6, 0x20);
	zassert_equal(ring_buf_put_finish(&ring, 2), 0);
	zassert_equal(ring_buf_size_get(&ring), 2);
	zassert_equal(ring_buf_space_get(&ring), RING_SIZE - 2);
	/* The next claim starts right after the 2 published bytes. */
	zassert_equal(ring_buf_put_claim(&ring, &area, 1), 1);
	zassert_equal_ptr(area, storage + 2);
	*area = 0x77;
	zassert_equal(ring_buf_put_finish(&ring, 1), 0);

	zassert_equal(ring_buf_get_claim(&ring, &area, 3), 3);
	zassert_equal(area[2], 0x77);
	zassert_equal(ring_buf_get_finish(&ring, 1), 0);
	zassert_equal(ring_buf_size_get(&ring), 2, "unfreed claimed bytes are data again");
	zassert_equal(ring_buf_get(&ring, out, sizeof(out)), 2);
	zassert_equal(out[0], 0x21);
	zassert_equal(out[1], 0x77);
}

ZTEST(ring_buffer_claims, test_claims_accumulate) {
	uint8_t *first = NULL;
	uint8_t *second = NULL;

	zassert_equal(ring_buf_put_claim(&ring, &first, 3), 3);
	zassert_equal(ring_buf_put_claim(&ring, &second, 2), 2);
	zassert_equal_ptr(second, first + 3);
	fill(first, 5, 0x40);
	zassert_equal(ring_buf_put_finish(&ring, 6), -EINVAL);
	zassert_equal(ring_buf_put_finish(&ring, 5), 0);

	zassert_equal(ring_buf_get_claim(&ring, &first, 2), 2);
	zassert_equal(ring_buf_get_claim(&ring, &second, 2), 2);
	zassert_equal_ptr(second, first + 2);
	zassert_equal(second[1], 0x43);
	zassert_equal(ring_buf_get_finish(&ring, 4), 0);
	zassert_equal(ring_buf_size_get(&ring), 1);
}

ZTEST(ring_buffer_claims, test_claim_stops_at_the_end_of_the_array) {
	uint8_t *area = NULL;
	uint8_t in[RING_SIZE];

	/* Move both positions to 8 of 11. */
	fill(in, sizeof(in), 0x60);
	zassert_equal(ring_buf_put(&ring, in, 8), 8);
	zassert_equal(ring_buf_get(&ring, NULL, 8), 8);

	zassert_equal(ring_buf_put_claim(&ring, &area, 7), 3, "only the contiguous part");
	zassert_equal_ptr(area, storage + 8);
	fill(area, 3, 0x90);
	zassert_equal(ring_buf_put_claim(&ring, &area, 4), 4, "the rest from the start");
	zassert_equal_ptr(area, storage);
	fill(area, 4, 0x93);
	zassert_equal(ring_buf_put_finish(&ring, 7), 0);

	zassert_equal(ring_buf_get_claim(&ring, &area, 11), 3);
	zassert_equal_ptr(area, storage + 8);
	zassert_equal(area[0], 0x90);
	zassert_equal(ring_buf_get_claim(&ring, &area, 11), 4);
	zassert_equal_ptr(area, storage);
	zassert_equal(area[3], 0x96);
	zassert_equal(ring_buf_get_finish(&ring, 5), 0);
	zassert_equal(ring_buf_get_claim(&ring, &area, 11), 2);
	zassert_equal_ptr(area, storage + 2);
}

ZTEST(ring_buffer_claims, test_copying_calls_abandon_claims) {
	uint8_t *area = NULL;
	uint8_t in[4] = { 1, 2, 3, 4 };
	uint8_t out[4];

	zassert_equal(ring_buf_put_claim(&ring, &area, 5), 5);
	zassert_equal(ring_buf_put(&ring, in, 4), 4);
	zassert_equal(ring_buf_put_finish(&ring, 1), -EINVAL, "put abandoned the claim");
	zassert_equal(ring_buf_space_get(&ring), RING_SIZE - 4);

	zassert_equal(ring_buf_get_claim(&ring, &area, 2), 2);
	zassert_equal(ring_buf_peek(&ring, out, 4), 4, "peek reads from the finished position");
	zassert_mem_equal(out, in, 4);
	zassert_equal(ring_buf_size_get(&ring), 2, "peek left the claim alone");
	zassert_equal(ring_buf_get(&ring, out, 1), 1);
	zassert_equal(out[0], 1);
	zassert_equal(ring_buf_get_finish(&ring, 1), -EINVAL, "get abandoned the claim");
	zassert_equal(ring_buf_size_get(&ring), 3);
}

ZTEST(ring_buffer_claims, test_counters_wrap_during_claims) {
	uint8_t *area = NULL;
	uint32_t next_in = 0;
	uint32_t next_out = 0;

	/* 3 bytes before the wrap of the indices at 2N: they wrap 20 times. */
	ring_buf_internal_reset(&ring, -3);
	zassert_equal(ring.write_idx, 2U * RING_SIZE - 3U);
	zassert_equal(ring.read_idx, 2U * RING_SIZE - 3U);
	for (int round = 0; round < 40; round++) {
		uint32_t want = 1U + (uint32_t)round % 7U;
		uint32_t got;

		while ((got = ring_buf_put_claim(&ring, &area, want)) > 0U) {
			for (uint32_t i = 0; i < got; i++) {
				area[i] = (uint8_t)(next_in + i);
			}
			zassert_equal(ring_buf_put_finish(&ring, got), 0);
			next_in += got;
		}
		zassert_equal(ring_buf_space_get(&ring), 0);
		zassert_equal(ring_buf_size_get(&ring), RING_SIZE);
		while ((got = ring_buf_get_claim(&ring, &area, want + 1U)) > 0U) {
			for (uint32_t i = 0; i < got; i++) {
				zassert_equal(area[i], (uint8_t)(next_out + i), "byte %u",
					      (unsigned int)(next_out + i));
			}
			zassert_equal(ring_buf_get_finish(&ring, got + 1U), -EINVAL);
			zassert_equal(ring_buf_get_finish(&ring, got), 0);
			next_out += got;
		}
		zassert_true(ring_buf_is_empty(&ring));
	}
	zassert_equal(next_in, 40U * RING_SIZE);
	/* 40 N bytes later the indices are back where they started (mod 2N). */
	zassert_equal(ring.write_idx, 2U * RING_SIZE - 3U);
	zassert_equal(ring.read_idx, ring.write_idx);
}

ZTEST_SUITE(ring_buffer_claims, NULL, NULL, reset_ring, NULL, NULL);
