/*
 * The item API on the target: RING_BUF_ITEM_DECLARE, exact return codes
 * (-EMSGSIZE on put when it does not fit, -EAGAIN when empty, -EMSGSIZE on
 * get with the needed size reported and the item kept), NULL destinations,
 * empty and largest (255-word) items, and records crossing the end of the
 * array while the indices cross their wrap at 2N.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>
#include <zephyr/ztest.h>

RING_BUF_ITEM_DECLARE(items, 8);
RING_BUF_ITEM_DECLARE_POW2(big_items, 8); /* 256 words */

static const uint32_t words_in[4] = { 0xA1A2A3A4U, 0xB1B2B3B4U, 0xC1C2C3C4U, 0xD1D2D3D4U };

static void reset_rings(void *fixture)
{
	ARG_UNUSED(fixture);
	ring_buf_reset(&items);
	ring_buf_reset(&big_items);
}

ZTEST(ring_buffer_items, test_declared_sizes) {
	zassert_equal(ring_buf_capacity_get(&items), 32);
	zassert_equal(ring_buf_item_space_get(&items), 8);
	zassert_equal(ring_buf_capacity_get(&big_items), 1024);
	zassert_equal((uintptr_t)items.buffer % 4U, 0, "item storage must be word aligned");
	zassert_equal(RING_BUF_ITEM_SIZEOF(uint16_t), 1);
	zassert_equal(RING_BUF_ITEM_SIZEOF(uint64_t), 2);
	zassert_equal(RING_BUF_ITEM_SIZEOF(words_in), 4);
}

ZTEST(ring_buffer_items, test_get_empty_is_eagain) {
	uint16_t type = 0x1111;
	uint8_t value = 0x22;
	uint8_t size32 = 3;
	uint32_t out[3];

	zassert_equal(ring_buf_item_get(&items, &type, &value, out, &size32), -EAGAIN);
	zassert_equal(type, 0x1111, "nothing may be written on -EAGAIN");
	zassert_equal(value, 0x22);
	zassert_equal(size32, 3);
}

ZTEST(ring_buffer_items, test_put_that_does_not_fit_is_emsgsize) {
	zassert_equal(ring_buf_item_put(&items, 1, 1, (uint32_t *)words_in, 4), 0);
	zassert_equal(ring_buf_item_space_get(&items), 3);
	/* 3 data words + header = 4 > 3 free words. */
	zassert_equal(ring_buf_item_put(&items, 2, 2, (uint32_t *)words_in, 3), -EMSGSIZE);
	zassert_equal(ring_buf_item_space_get(&items), 3, "a refused item writes nothing");
	zassert_equal(ring_buf_item_put(&items, 3, 3, (uint32_t *)words_in, 2), 0);
	zassert_equal(ring_buf_item_space_get(&items), 0);
	zassert_equal(ring_buf_item_put(&items, 4, 4, NULL, 0), -EMSGSIZE);
}

ZTEST(ring_buffer_items, test_small_destination_reports_needed_size) {
	uint16_t type = 0;
	uint8_t value = 0;
	uint8_t size32 = 3;
	uint32_t out[4] = { 0 };

	zassert_equal(ring_buf_item_put(&items, 0xBEEF, 0x42, (uint32_t *)words_in, 4), 0);
	zassert_equal(ring_buf_item_get(&items, &type, &value, out, &size32), -EMSGSIZE);
	zassert_equal(size32, 4, "needed size must be reported");
	zassert_equal(type, 0);
	zassert_equal(out[0], 0, "nothing copied on -EMSGSIZE");
	zassert_equal(ring_buf_size_get(&items), 20, "the item must stay");

	zassert_equal(ring_buf_item_get(&items, &type, &value, out, &size32), 0);
	zassert_equal(type, 0xBEEF);
	zassert_equal(value, 0x42);
	zassert_equal(size32, 4);
	zassert_mem_equal(out, words_in, sizeof(words_in));
	zassert_true(ring_buf_is_empty(&items));
}

ZTEST(ring_buffer_items, test_null_destination_discards) {
	uint16_t type = 0;
	uint8_t value = 0;
	uint8_t size32 = 0;
	uint32_t out[2] = { 0 };

	zassert_equal(ring_buf_item_put(&items, 7, 8, (uint32_t *)words_in, 3), 0);
	zassert_equal(ring_buf_item_put(&items, 9, 10, (uint32_t *)words_in + 1, 1), 0);
	zassert_equal(ring_buf_item_get(&items, &type, &value, NULL, &size32), 0);
	zassert_equal(type, 7);
	zassert_equal(value, 8);
	zassert_equal(size32, 3);
	size32 = 2;
	zassert_equal(ring_buf_item_get(&items, &type, &value, out, &size32), 0);
	zassert_equal(type, 9);
	zassert_equal(size32, 1);
	zassert_equal(out[0], words_in[1]);
	zassert_equal(out[1], 0);
}

ZTEST(ring_buffer_items, test_empty_and_largest_items) {
	static uint32_t big_in[255];
	static uint32_t big_out[255];
	uint16_t type;
	uint8_t value;
	uint8_t size32 = 0;

	zassert_equal(ring_buf_item_put(&items, 0xFFFF, 0xFF, NULL, 0), 0);
	zassert_equal(ring_buf_size_get(&items), 4, "an empty item is one header word");
	zassert_equal(ring_buf_item_get(&items, &type, &value, NULL, &size32), 0);
	zassert_equal(type, 0xFFFF);
	zassert_equal(value, 0xFF);
	zassert_equal(size32, 0);

	for (uint32_t i = 0; i < 255; i++) {
		big_in[i] = i * 0x00010001U + 5U;
	}
	zassert_equal(ring_buf_item_put(&big_items, 1, 2, big_in, 255), 0);
	zassert_equal(ring_buf_space_get(&big_items), 0, "255 words + header fill 256");
	size32 = 254;
	zassert_equal(ring_buf_item_get(&big_items, &type, &value, big_out, &size32), -EMSGSIZE);
	zassert_equal(size32, 255);
	zassert_equal(ring_buf_item_get(&big_items, &type, &value, big_out, &size32), 0);
	zassert_mem_equal(big_out, big_in, sizeof(big_in));
}

ZTEST(ring_buffer_items, test_items_cross_the_array_end_and_counter_wrap) {
	uint32_t in[3];
	uint32_t out[3];
	uint16_t type;
	uint8_t value;
	uint8_t size32;

	ring_buf_internal_reset(&items, -100);
	for (uint32_t i = 0; i < 300; i++) {
		uint8_t len = (uint8_t)(i % 4U);

		in[0] = i;
		in[1] = ~i;
		in[2] = i << 16;
		zassert_equal(ring_buf_item_put(&items, (uint16_t)(i + 1000U), (uint8_t)i, in, len),
			      0);
		size32 = 3;
		zassert_equal(ring_buf_item_get(&items, &type, &value, out, &size32), 0);
		zassert_equal(type, (uint16_t)(i + 1000U));
		zassert_equal(value, (uint8_t)i);
		zassert_equal(size32, len);
		zassert_mem_equal(out, in, 4U * len);
	}
	zassert_true(ring_buf_is_empty(&items));
	/* 300 items of 1..4 words: 750 words = 3000 bytes past 2N - 100 (2N = 64). */
	zassert_equal(items.write_idx, (64U - 100U % 64U + 3000U) % 64U);
	zassert_equal(items.read_idx, items.write_idx);
}

ZTEST_SUITE(ring_buffer_items, NULL, NULL, reset_rings, NULL, NULL);
