/*
 * Host tests of the ring buffer (lib/ring_buffer.c, <breeze/sys/ring_buffer.h>):
 * the declaration macros, every call with its exact return codes, claim and
 * finish edge cases (claim 0, finishing more than claimed, partial finishes,
 * claims stopping at the end of the array), the item records, the copying
 * calls abandoning claims, the indices wrapping at 2N, every capacity from
 * 0 to 70 against the reference model, and a long randomized model run.
 */
#include <zephyr/sys/ring_buffer.h> /* first: the forwarding header must be self-contained */

#include <stdio.h>
#include <string.h>

#include "check.h"

#define RM_CHECK(cond)                    CHECK(cond)
#define RM_CHECK_EQ(actual, expected)     CHECK_EQ(actual, expected)
#define RM_CHECK_EQ_INT(actual, expected) CHECK_EQ_INT(actual, expected)
#define RM_CHECK_PTR_EQ(actual, expected) CHECK_PTR_EQ(actual, expected)
#include "ring_model.h"

#define SIZES_MAX    70
#define SIZES_STEPS  1500
#define RANDOM_STEPS 200000
#define RANDOM_SEED  0x12B0FFE5ULL

RING_BUF_DECLARE(declared_bytes, 13);
RING_BUF_ITEM_DECLARE(declared_items, 7);
RING_BUF_ITEM_DECLARE_POW2(declared_pow2, 3);
RING_BUF_ITEM_DECLARE_SIZE(declared_old_name, 2);

struct five_bytes {
	uint8_t b[5];
};

static void fill_pattern(uint8_t *p, uint32_t n, uint8_t first)
{
	for (uint32_t i = 0; i < n; i++) {
		p[i] = (uint8_t)(first + i);
	}
}

static void test_declare_macros(void)
{
	CHECK_EQ(ring_buf_capacity_get(&declared_bytes), 13);
	CHECK(ring_buf_is_empty(&declared_bytes));
	CHECK_EQ(ring_buf_space_get(&declared_bytes), 13);
	CHECK_EQ(ring_buf_size_get(&declared_bytes), 0);
	CHECK_EQ(ring_buf_capacity_get(&declared_items), 28);
	CHECK_EQ(ring_buf_item_space_get(&declared_items), 7);
	CHECK_EQ(ring_buf_capacity_get(&declared_pow2), 32);
	CHECK_EQ(ring_buf_item_space_get(&declared_pow2), 8);
	CHECK_EQ(ring_buf_capacity_get(&declared_old_name), 8);
	/* The item arrays are word arrays: item data stays word aligned. */
	CHECK_EQ((uintptr_t)declared_items.buffer % 4U, 0);

	CHECK_EQ(RING_BUF_ITEM_SIZEOF(uint8_t), 1);
	CHECK_EQ(RING_BUF_ITEM_SIZEOF(uint32_t), 1);
	CHECK_EQ(RING_BUF_ITEM_SIZEOF(uint64_t), 2);
	CHECK_EQ(RING_BUF_ITEM_SIZEOF(struct five_bytes), 2);
	CHECK_EQ(RING_BUF_ITEM_SIZEOF(char[9]), 3);

	/* A declared buffer works like an initialized one. */
	uint8_t in[13];
	uint8_t out[13];

	fill_pattern(in, 13, 1);
	CHECK_EQ(ring_buf_put(&declared_bytes, in, 13), 13);
	CHECK_EQ(ring_buf_put(&declared_bytes, in, 1), 0);
	CHECK_EQ(ring_buf_get(&declared_bytes, out, 13), 13);
	CHECK(memcmp(in, out, 13) == 0);
}

static void test_init_and_queries(void)
{
	struct ring_buf rb;
	uint8_t bytes[10];
	uint32_t words[5];

	ring_buf_init(&rb, sizeof(bytes), bytes);
	CHECK_PTR_EQ(rb.buffer, bytes);
	CHECK_EQ(ring_buf_capacity_get(&rb), 10);
	CHECK_EQ(ring_buf_size_get(&rb), 0);
	CHECK_EQ(ring_buf_space_get(&rb), 10);
	CHECK_EQ(ring_buf_item_space_get(&rb), 2);
	CHECK(ring_buf_is_empty(&rb));

	ring_buf_item_init(&rb, 5, words);
	CHECK_PTR_EQ(rb.buffer, (uint8_t *)words);
	CHECK_EQ(ring_buf_capacity_get(&rb), 20);
	CHECK_EQ(ring_buf_item_space_get(&rb), 5);

	/* init after use starts over at index 0. */
	CHECK_EQ(ring_buf_put(&rb, bytes, 7), 7);
	ring_buf_init(&rb, sizeof(bytes), bytes);
	CHECK_EQ(rb.write_idx, 0);
	CHECK_EQ(ring_buf_size_get(&rb), 0);
}

static void test_put_get_peek(void)
{
	struct ring_buf rb;
	uint8_t storage[10];
	uint8_t in[16];
	uint8_t out[16];

	fill_pattern(in, sizeof(in), 0x40);
	ring_buf_init(&rb, sizeof(storage), storage);

	CHECK_EQ(ring_buf_put(&rb, in, 4), 4);
	CHECK_EQ(ring_buf_size_get(&rb), 4);
	CHECK_EQ(ring_buf_space_get(&rb), 6);
	CHECK(!ring_buf_is_empty(&rb));
	/* Only the free space is written: 6 of 10. */
	CHECK_EQ(ring_buf_put(&rb, in + 4, 10), 6);
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	CHECK_EQ(ring_buf_put(&rb, in, 1), 0);
	CHECK_EQ(ring_buf_put(&rb, in, 0), 0);

	memset(out, 0, sizeof(out));
	CHECK_EQ(ring_buf_get(&rb, out, 3), 3);
	CHECK(memcmp(out, in, 3) == 0);
	CHECK_EQ(ring_buf_size_get(&rb), 7);

	/* NULL destination discards. */
	CHECK_EQ(ring_buf_get(&rb, NULL, 2), 2);
	CHECK_EQ(ring_buf_size_get(&rb), 5);

	/* Peek copies without removing, as often as asked. */
	for (int i = 0; i < 2; i++) {
		memset(out, 0, sizeof(out));
		CHECK_EQ(ring_buf_peek(&rb, out, 3), 3);
		CHECK(memcmp(out, in + 5, 3) == 0);
		CHECK_EQ(ring_buf_size_get(&rb), 5);
	}
	CHECK_EQ(ring_buf_peek(&rb, out, 16), 5);
	CHECK(memcmp(out, in + 5, 5) == 0);

	/* Writing after reading wraps at the end of the array. */
	CHECK_EQ(ring_buf_put(&rb, in + 10, 5), 5);
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	memset(out, 0, sizeof(out));
	CHECK_EQ(ring_buf_get(&rb, out, 16), 10);
	CHECK(memcmp(out, in + 5, 10) == 0);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_get(&rb, out, 4), 0);
	CHECK_EQ(ring_buf_peek(&rb, out, 4), 0);
	CHECK_EQ(ring_buf_get(&rb, NULL, 4), 0);

	/* Reset drops data and brings the indices back to 0. */
	CHECK_EQ(ring_buf_put(&rb, in, 3), 3);
	ring_buf_reset(&rb);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_space_get(&rb), 10);
	CHECK_EQ(rb.write_idx, 0);
	CHECK_EQ(rb.read_idx, 0);
	CHECK_EQ(ring_buf_get(&rb, out, 3), 0);
}

static void test_put_claim_finish(void)
{
	struct ring_buf rb;
	uint8_t storage[10];
	uint8_t *area = NULL;
	uint8_t *second = NULL;
	uint8_t out[10];

	ring_buf_init(&rb, sizeof(storage), storage);

	/* Claim 0: nothing claimed, the pointer is still where a claim starts. */
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 0), 0);
	CHECK_PTR_EQ(area, storage);
	CHECK_EQ(ring_buf_space_get(&rb), 10);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 0), 0);
	/* Finishing without a claim, or more than claimed, fails and changes nothing. */
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 1), -EINVAL);
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 4), 4);
	CHECK_PTR_EQ(area, storage);
	CHECK_EQ(ring_buf_space_get(&rb), 6); /* claims count as used space */
	CHECK_EQ(ring_buf_size_get(&rb), 0);  /* but are not data yet */
	CHECK(ring_buf_is_empty(&rb));
	fill_pattern(area, 4, 0x10);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 5), -EINVAL);
	CHECK_EQ(ring_buf_space_get(&rb), 6);
	CHECK_EQ(ring_buf_size_get(&rb), 0);

	/* Partial finish: 3 of 4 published, the 4th byte returns to free space. */
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 3), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 3);
	CHECK_EQ(ring_buf_space_get(&rb), 7);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 1), -EINVAL); /* the claim is over */

	/* Claims accumulate; the next one starts right after the published bytes. */
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 2), 2);
	CHECK_PTR_EQ(area, storage + 3);
	CHECK_EQ(ring_buf_put_claim(&rb, &second, 3), 3);
	CHECK_PTR_EQ(second, storage + 5);
	fill_pattern(area, 5, 0x13);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 6), -EINVAL);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 5), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 8);

	/* A claim never exceeds the free space. */
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 100), 2);
	CHECK_PTR_EQ(area, storage + 8);
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 1), 0);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 0), 0); /* finish 0 returns both bytes */
	CHECK_EQ(ring_buf_space_get(&rb), 2);

	CHECK_EQ(ring_buf_get(&rb, out, 10), 8);
	for (int i = 0; i < 8; i++) {
		CHECK_EQ(out[i], 0x10 + i);
	}

	/* Across the wrap point (positions 8, 9 | 0..): only the contiguous part. */
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 6), 2);
	CHECK_PTR_EQ(area, storage + 8);
	area[0] = 0xA0;
	area[1] = 0xA1;
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 4), 4);
	CHECK_PTR_EQ(area, storage);
	fill_pattern(area, 4, 0xA2);
	CHECK_EQ(ring_buf_space_get(&rb), 4);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 6), 0);
	CHECK_EQ(ring_buf_get(&rb, out, 10), 6);
	for (int i = 0; i < 6; i++) {
		CHECK_EQ(out[i], 0xA0 + i);
	}
	/* The finished position after a wrapped finish is right. */
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 1), 1);
	CHECK_PTR_EQ(area, storage + 4);
}

static void test_get_claim_finish(void)
{
	struct ring_buf rb;
	uint8_t storage[10];
	uint8_t in[10];
	uint8_t *area = NULL;
	uint8_t out[10];

	fill_pattern(in, sizeof(in), 0x30);
	ring_buf_init(&rb, sizeof(storage), storage);

	CHECK_EQ(ring_buf_get_claim(&rb, &area, 5), 0); /* empty */
	CHECK_PTR_EQ(area, storage);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 1), -EINVAL);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 0), 0);

	CHECK_EQ(ring_buf_put(&rb, in, 7), 7);
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 0), 0);
	CHECK_PTR_EQ(area, storage);
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 3), 3);
	CHECK_PTR_EQ(area, storage);
	CHECK(memcmp(area, in, 3) == 0);
	CHECK_EQ(ring_buf_size_get(&rb), 4);  /* claimed bytes are not available */
	CHECK_EQ(ring_buf_space_get(&rb), 3); /* and not free yet either */
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 10), 4);
	CHECK_PTR_EQ(area, storage + 3);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 8), -EINVAL);
	CHECK_EQ(ring_buf_size_get(&rb), 0);
	CHECK_EQ(ring_buf_space_get(&rb), 3);

	/* Partial finish: 2 freed, the other 5 are available again. */
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 2), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 5);
	CHECK_EQ(ring_buf_space_get(&rb), 5);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 1), -EINVAL);
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 1), 1);
	CHECK_PTR_EQ(area, storage + 2);
	CHECK_EQ(*area, in[2]);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 1), 0);

	/* Data at positions 3..6; add 5 bytes wrapping to 7, 8, 9 | 0, 1. */
	CHECK_EQ(ring_buf_get(&rb, NULL, 4), 4);
	CHECK_EQ(ring_buf_put(&rb, in, 5), 5);
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 5), 3);
	CHECK_PTR_EQ(area, storage + 7);
	CHECK(memcmp(area, in, 3) == 0);
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 5), 2);
	CHECK_PTR_EQ(area, storage);
	CHECK(memcmp(area, in + 3, 2) == 0);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 4), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 1);
	CHECK_EQ(ring_buf_get(&rb, out, 10), 1);
	CHECK_EQ(out[0], in[4]);
}

/* put/get/item calls abandon an unfinished claim of their side; peek does not. */
static void test_copying_calls_abandon_claims(void)
{
	struct ring_buf rb;
	uint8_t storage[8];
	uint8_t in[8];
	uint8_t out[8];
	uint8_t *area = NULL;

	fill_pattern(in, sizeof(in), 0x70);
	ring_buf_init(&rb, sizeof(storage), storage);

	CHECK_EQ(ring_buf_put_claim(&rb, &area, 3), 3);
	memset(area, 0xEE, 3);
	CHECK_EQ(ring_buf_put(&rb, in, 2), 2); /* written at the claim's start */
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 1), -EINVAL);
	CHECK_EQ(ring_buf_size_get(&rb), 2);
	CHECK_EQ(ring_buf_space_get(&rb), 6);

	CHECK_EQ(ring_buf_get_claim(&rb, &area, 1), 1);
	CHECK_EQ(ring_buf_peek(&rb, out, 8), 2); /* peek starts at the finished position */
	CHECK(memcmp(out, in, 2) == 0);
	CHECK_EQ(ring_buf_size_get(&rb), 1); /* and leaves the claim */
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 0), 0);

	CHECK_EQ(ring_buf_get_claim(&rb, &area, 2), 2);
	CHECK_EQ(ring_buf_get(&rb, out, 1), 1);
	CHECK_EQ(out[0], in[0]);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 1), -EINVAL);
	CHECK_EQ(ring_buf_size_get(&rb), 1);
}

static void test_item_basic(void)
{
	struct ring_buf rb;
	uint32_t storage[8];
	uint32_t in[4] = { 0x11111111U, 0x22222222U, 0x33333333U, 0x44444444U };
	uint32_t out[4];
	uint16_t type;
	uint8_t value;
	uint8_t size32;

	ring_buf_item_init(&rb, 8, storage);

	type = 1;
	value = 2;
	size32 = 4;
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), -EAGAIN);
	CHECK_EQ(type, 1);
	CHECK_EQ(value, 2);
	CHECK_EQ(size32, 4);

	CHECK_EQ_INT(ring_buf_item_put(&rb, 0x1234, 0x56, in, 3), 0);
	CHECK_EQ(ring_buf_item_space_get(&rb), 4);
	CHECK_EQ(ring_buf_size_get(&rb), 16);
	/* 4 data words + header = 5 > 4 free: refused whole. */
	CHECK_EQ_INT(ring_buf_item_put(&rb, 0x9999, 0x99, in, 4), -EMSGSIZE);
	CHECK_EQ(ring_buf_item_space_get(&rb), 4);
	CHECK_EQ_INT(ring_buf_item_put(&rb, 0xABCD, 0xEF, in + 1, 3), 0);
	CHECK_EQ(ring_buf_item_space_get(&rb), 0);
	CHECK_EQ_INT(ring_buf_item_put(&rb, 7, 7, NULL, 0), -EMSGSIZE);

	/* Too small a destination: needed size reported, item kept. */
	type = 0;
	value = 0;
	size32 = 2;
	memset(out, 0, sizeof(out));
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), -EMSGSIZE);
	CHECK_EQ(size32, 3);
	CHECK_EQ(type, 0);
	CHECK_EQ(value, 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(ring_buf_size_get(&rb), 32);

	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), 0);
	CHECK_EQ(type, 0x1234);
	CHECK_EQ(value, 0x56);
	CHECK_EQ(size32, 3);
	CHECK(memcmp(out, in, 12) == 0);
	CHECK_EQ(out[3], 0);

	/* NULL destination: discarded whatever its size, fields still reported. */
	size32 = 0;
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, NULL, &size32), 0);
	CHECK_EQ(type, 0xABCD);
	CHECK_EQ(value, 0xEF);
	CHECK_EQ(size32, 3);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), -EAGAIN);

	/* Empty item. */
	CHECK_EQ_INT(ring_buf_item_put(&rb, 0xFFFF, 0xFF, NULL, 0), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 4);
	size32 = 0;
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), 0);
	CHECK_EQ(type, 0xFFFF);
	CHECK_EQ(value, 0xFF);
	CHECK_EQ(size32, 0);
	CHECK(ring_buf_is_empty(&rb));
}

static void test_item_largest_and_wrap(void)
{
	static uint32_t big_storage[256];
	static uint32_t big_in[255];
	static uint32_t big_out[255];
	struct ring_buf rb;
	uint32_t storage[5];
	uint32_t in[2];
	uint32_t out[2];
	uint16_t type;
	uint8_t value;
	uint8_t size32;

	/* The largest item (255 words) fills a 256-word ring exactly. */
	ring_buf_item_init(&rb, 256, big_storage);
	for (uint32_t i = 0; i < 255; i++) {
		big_in[i] = i * 0x01010101U;
	}
	CHECK_EQ_INT(ring_buf_item_put(&rb, 1, 2, big_in, 255), 0);
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	size32 = 255;
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, big_out, &size32), 0);
	CHECK_EQ(size32, 255);
	CHECK(memcmp(big_in, big_out, sizeof(big_in)) == 0);

	/* 3-word records in a 5-word ring: headers and data cross the end. */
	ring_buf_item_init(&rb, 5, storage);
	for (uint32_t i = 0; i < 100; i++) {
		in[0] = i;
		in[1] = ~i;
		CHECK_EQ_INT(ring_buf_item_put(&rb, (uint16_t)(i * 3), (uint8_t)i, in, 2), 0);
		CHECK_EQ_INT(ring_buf_item_put(&rb, 0, 0, in, 2), -EMSGSIZE);
		size32 = 2;
		CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), 0);
		CHECK_EQ(type, (uint16_t)(i * 3));
		CHECK_EQ(value, (uint8_t)i);
		CHECK_EQ(size32, 2);
		CHECK_EQ(out[0], i);
		CHECK_EQ(out[1], ~i);
	}
}

/* Items never read beyond the published bytes, even when bytes were mixed in. */
static void test_item_incomplete(void)
{
	struct ring_buf rb;
	uint32_t storage[6];
	uint32_t out[4];
	uint32_t header = 0x42U | (2U << 16) | (0x24U << 24); /* type 0x42, 2 words, value 0x24 */
	uint32_t payload[2] = { 0xCAFEF00DU, 0x0BADBEEFU };
	uint16_t type = 0;
	uint8_t value = 0;
	uint8_t size32 = 4;

	ring_buf_item_init(&rb, 6, storage);
	CHECK_EQ(ring_buf_put(&rb, (const uint8_t *)&header, 3), 3);
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), -EAGAIN);
	CHECK_EQ(ring_buf_put(&rb, (const uint8_t *)&header + 3, 1), 1);
	CHECK_EQ(ring_buf_put(&rb, (const uint8_t *)payload, 7), 7);
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), -EAGAIN);
	CHECK_EQ(size32, 4);
	CHECK_EQ(ring_buf_size_get(&rb), 11);
	CHECK_EQ(ring_buf_put(&rb, (const uint8_t *)payload + 7, 1), 1);
	CHECK_EQ_INT(ring_buf_item_get(&rb, &type, &value, out, &size32), 0);
	CHECK_EQ(type, 0x42);
	CHECK_EQ(value, 0x24);
	CHECK_EQ(size32, 2);
	CHECK_EQ(out[0], payload[0]);
	CHECK_EQ(out[1], payload[1]);
}

/* The indices cross their wrap at 2N in the middle of the data. */
static void test_index_wrap(void)
{
	struct ring_buf rb;
	uint8_t storage[7];
	uint8_t in[7];
	uint8_t out[7];
	uint8_t *area = NULL;

	fill_pattern(in, sizeof(in), 0xC0);
	ring_buf_init(&rb, sizeof(storage), storage);
	ring_buf_internal_reset(&rb, -3);
	CHECK_EQ(rb.write_idx, 11U); /* 2N - 3 */
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_space_get(&rb), 7);

	CHECK_EQ(ring_buf_put(&rb, in, 5), 5);
	CHECK_EQ(rb.write_idx, 2U);
	CHECK_EQ(rb.read_idx, 11U);
	CHECK_EQ(ring_buf_size_get(&rb), 5);
	CHECK_EQ(ring_buf_space_get(&rb), 2);
	CHECK_EQ(ring_buf_put_claim(&rb, &area, 7), 2);
	CHECK_PTR_EQ(area, storage + 2);
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 3), -EINVAL);
	memcpy(area, in + 5, 2);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 2), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 7);
	CHECK(ring_buf_is_full(&rb));
	CHECK_EQ(ring_buf_get_claim(&rb, &area, 2), 2);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 3), -EINVAL);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 2), 0);
	CHECK_EQ(rb.read_idx, 13U);
	CHECK_EQ(ring_buf_get(&rb, out, 7), 5);
	CHECK(memcmp(out, in + 2, 5) == 0);
	CHECK_EQ(rb.read_idx, 4U);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_space_get(&rb), 7);

	/* Full right at the wrap: 13 -> 13 + 7 = 20 = 6 (mod 14). */
	ring_buf_internal_reset(&rb, 13);
	CHECK_EQ(ring_buf_put(&rb, in, 7), 7);
	CHECK_EQ(rb.write_idx, 6U);
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 7);
	CHECK_EQ(ring_buf_get(&rb, out, 7), 7);
	CHECK(memcmp(out, in, 7) == 0);
}

/* Every capacity 0..SIZES_MAX, several index starts, random steps. */
static void test_all_sizes(void)
{
	static const uint32_t starts[] = { 0U, 0xFFFFFFFFU - 40U, 0x7FFFFFF0U };

	check_rng_seed(RANDOM_SEED ^ 0x51);
	for (uint32_t cap = 0; cap <= SIZES_MAX; cap++) {
		for (size_t s = 0; s < ARRAY_SIZE(starts); s++) {
			struct rm_harness h;
			bool item_init = (cap % 4U == 0U) && (s == 1U);

			check_set_context("capacity", cap);
			rm_init(&h, cap, starts[s], item_init);
			for (uint32_t step = 0; step < SIZES_STEPS; step++) {
				uint32_t r = (uint32_t)check_rng_next();

				rm_step(&h, r >> 24, r & 0xFFFFFFU);
			}
			/* Whatever happened, the indices moved: nothing stalled. */
			CHECK(h.serial > 0U || cap == 0U);
			rm_free(&h);
		}
	}
	check_set_context(NULL, 0);
}

/* A long run on one non-power-of-two ring whose indices wrap many times. */
static void test_random_model(void)
{
	struct rm_harness h;
	uint32_t wraps = 0;
	uint32_t last_idx;

	check_rng_seed(RANDOM_SEED);
	rm_init(&h, 37, 0xFFFFF000U, false);
	last_idx = h.rb.write_idx;
	for (uint32_t step = 0; step < RANDOM_STEPS; step++) {
		uint32_t r = (uint32_t)check_rng_next();

		check_set_context("step", step);
		/* Mostly byte traffic, so the indices advance quickly. */
		rm_step(&h, (r >> 24) % 8U, r & 0xFFFFFFU);
		if (h.rb.write_idx < last_idx) {
			wraps++;
		}
		last_idx = h.rb.write_idx;
	}
	check_set_context(NULL, 0);
	/* The run must actually have crossed the wrap of the indices at 2N. */
	CHECK(wraps >= 1U);
	rm_free(&h);
}

int main(void)
{
	test_declare_macros();
	test_init_and_queries();
	test_put_get_peek();
	test_put_claim_finish();
	test_get_claim_finish();
	test_copying_calls_abandon_claims();
	test_item_basic();
	test_item_largest_and_wrap();
	test_item_incomplete();
	test_index_wrap();
	test_all_sizes();
	test_random_model();
	return check_done("host.ring_buffer");
}
