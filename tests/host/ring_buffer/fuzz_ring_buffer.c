/*
 * libFuzzer target of the ring buffer: the input chooses a capacity, how the
 * ring is initialized and where its indices start, then a sequence of calls
 * with their arguments. Each call runs on the real ring and on the reference
 * model of ring_model.h; any difference in a return value, pointer, copied
 * byte, query, index or stored byte aborts (a libFuzzer crash).
 *
 * Input layout:
 *   byte 0   capacity = byte % 72 (0..71 bytes)
 *   byte 1   bits 0-5: distance d; bits 6-7: index start 0, 2^32 - 1 - d,
 *            2^31 - 1 - d or d (taken modulo 2N: -1 - d, ... as int32); a multiple-of-4 capacity
 * with bit 5 set is made with ring_buf_item_init() then per call 4 bytes: operation, then a 24-bit
 * argument (see rm_step)
 */
#include <breeze/sys/ring_buffer.h>

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void fuzz_fail(const char *file, int line, const char *expr, uint64_t actual,
		      uint64_t expected)
{
	fprintf(stderr, "%s:%d: check failed: %s (actual 0x%" PRIx64 ", expected 0x%" PRIx64 ")\n",
		file, line, expr, actual, expected);
	abort();
}

#define RM_CHECK(cond)                                              \
	do {                                                        \
		if (!(cond)) {                                      \
			fuzz_fail(__FILE__, __LINE__, #cond, 0, 1); \
		}                                                   \
	} while (0)

#define RM_CHECK_EQ(actual, expected)                                                    \
	do {                                                                             \
		uint64_t a_ = (uint64_t)(actual);                                        \
		uint64_t e_ = (uint64_t)(expected);                                      \
		if (a_ != e_) {                                                          \
			fuzz_fail(__FILE__, __LINE__, #actual " == " #expected, a_, e_); \
		}                                                                        \
	} while (0)

#define RM_CHECK_EQ_INT(actual, expected) \
	RM_CHECK_EQ((uint64_t)(int64_t)(actual), (uint64_t)(int64_t)(expected))

#define RM_CHECK_PTR_EQ(actual, expected) RM_CHECK_EQ((uintptr_t)(actual), (uintptr_t)(expected))

#include "ring_model.h"

#define FUZZ_MAX_CAPACITY 72U

int LLVMFuzzerTestOneInput(const uint8_t *input, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *input, size_t size)
{
	struct rm_harness h;
	uint32_t cap;
	uint32_t distance;
	uint32_t start;

	if (size < 2U) {
		return 0;
	}
	cap = input[0] % FUZZ_MAX_CAPACITY;
	distance = input[1] & 0x3FU;
	switch (input[1] >> 6) {
	case 0:
		start = 0U;
		break;
	case 1:
		start = 0xFFFFFFFFU - distance;
		break;
	case 2:
		start = 0x7FFFFFFFU - distance;
		break;
	default:
		start = distance;
		break;
	}
	rm_init(&h, cap, start, (cap % 4U == 0U) && (input[1] & 0x20U) != 0U);
	for (size_t i = 2; i + 4U <= size; i += 4U) {
		uint32_t arg = (uint32_t)input[i + 1] | ((uint32_t)input[i + 2] << 8) |
			       ((uint32_t)input[i + 3] << 16);

		rm_step(&h, input[i], arg);
	}
	rm_free(&h);
	return 0;
}
