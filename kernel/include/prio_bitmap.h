/*
 * Bitmap of non-empty priority levels: the O(1) half of the ready queue.
 *
 * Bit i set means level i (0 = most urgent) has a ready thread. Finding the
 * most urgent level scans at most a fixed number of words (two for the
 * default 32 levels and up to 64, eight for the 256 levels Breeze allows),
 * each with one count-trailing-zeros.
 */
#ifndef BREEZE_PRIO_BITMAP_H
#define BREEZE_PRIO_BITMAP_H

#include <stdint.h>

#define PRIO_BITMAP_WORDS(levels) (((levels) + 31U) / 32U)

static inline void prio_bitmap_set(uint32_t *bm, unsigned int level)
{
	bm[level / 32U] |= 1UL << (level % 32U);
}

static inline void prio_bitmap_clear(uint32_t *bm, unsigned int level)
{
	bm[level / 32U] &= ~(1UL << (level % 32U));
}

static inline int prio_bitmap_test(const uint32_t *bm, unsigned int level)
{
	return (bm[level / 32U] >> (level % 32U)) & 1U;
}

/*
 * Index of the lowest set bit of @x (x != 0). RV32IMAC has no count-trailing-
 * zeros instruction and libgcc's fallback is long: isolate the bit, multiply
 * by a de Bruijn constant and look the top five bits up. GCC knows the idiom:
 * where the CPU counts zeros (ARMv7-M and later: RBIT and CLZ; RISC-V with
 * Zbb: CTZ), this compiles to those instructions (PRIO_CTZ_IS_CHEAP).
 */
#if (defined(__ARM_FEATURE_CLZ) && __ARM_ARCH >= 7) || defined(__riscv_zbb)
#define PRIO_CTZ_IS_CHEAP 1
#else
#define PRIO_CTZ_IS_CHEAP 0
#endif

static inline unsigned int prio_ctz32(uint32_t x)
{
	static const uint8_t position[32] = {
		0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
		31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9,
	};

	return position[((x & (0U - x)) * 0x077CB531U) >> 27];
}

/* Lowest set level, or -1 when the bitmap is empty. */
static inline int prio_bitmap_first(const uint32_t *bm, unsigned int words)
{
	for (unsigned int w = 0; w < words; w++) {
		if (bm[w] != 0U) {
			return (int)(w * 32U + prio_ctz32(bm[w]));
		}
	}
	return -1;
}

/* Lowest set level of a bitmap known not to be empty (no test of the last word). */
static inline unsigned int prio_bitmap_first_set(const uint32_t *bm, unsigned int words)
{
	unsigned int w = 0;

	while (w + 1U < words && bm[w] == 0U) {
		w++;
	}
	return w * 32U + prio_ctz32(bm[w]);
}

/* Lowest set level at or after @from, or -1 (the SMP pick skips levels). */
static inline int prio_bitmap_next(const uint32_t *bm, unsigned int words, unsigned int from)
{
	unsigned int w = from / 32U;

	if (w >= words) {
		return -1;
	}
	uint32_t bits = bm[w] & ~((1UL << (from % 32U)) - 1U);

	while (bits == 0U) {
		if (++w == words) {
			return -1;
		}
		bits = bm[w];
	}
	return (int)(w * 32U + prio_ctz32(bits));
}

#endif /* BREEZE_PRIO_BITMAP_H */
