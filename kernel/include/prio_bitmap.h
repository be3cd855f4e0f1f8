/*
 * Bitmap of non-empty priority levels: the O(1) half of the ready queue.
 *
 * One bit per level (0 = most urgent) says it has a ready thread. Finding the
 * most urgent level scans at most a fixed number of words (two for the
 * default 32 levels and up to 64, eight for the 256 levels Breeze allows),
 * each with one count of zeros.
 *
 * Which end of a word the most urgent level takes follows what the CPU
 * counts in one instruction. Level i of a word is bit i where trailing zeros
 * are counted (RISC-V with Zbb: CTZ; RV32IMAC has none, see prio_ctz32());
 * on ARMv7-M and later, whose CLZ counts leading zeros and which needs an
 * RBIT before it to count trailing zeros, level i is bit 31 - i
 * (PRIO_BITMAP_MSB_FIRST): the search is one CLZ.
 */
#ifndef BREEZE_PRIO_BITMAP_H
#define BREEZE_PRIO_BITMAP_H

#include <stdint.h>

#define PRIO_BITMAP_WORDS(levels) (((levels) + 31U) / 32U)

/*
 * Whether the count is one or two instructions (the scheduler keeps the head
 * of the ready queue where it is longer: kernel/sched.c).
 */
#if (defined(__ARM_FEATURE_CLZ) && __ARM_ARCH >= 7) || defined(__riscv_zbb)
#define PRIO_CTZ_IS_CHEAP 1
#else
#define PRIO_CTZ_IS_CHEAP 0
#endif

/* (Defined by the host tests, which check both orders.) */
#ifndef PRIO_BITMAP_MSB_FIRST
#if defined(__ARM_FEATURE_CLZ) && __ARM_ARCH >= 7
#define PRIO_BITMAP_MSB_FIRST 1
#else
#define PRIO_BITMAP_MSB_FIRST 0
#endif
#endif

/* The bit of @level within its word. */
#if PRIO_BITMAP_MSB_FIRST
#define PRIO_BITMAP_BIT(level) (0x80000000UL >> ((level) % 32U))
#else
#define PRIO_BITMAP_BIT(level) (1UL << ((level) % 32U))
#endif

/*
 * Index of the lowest set bit of @x (x != 0). RV32IMAC has no count-trailing-
 * zeros instruction and libgcc's fallback is long: isolate the bit, multiply
 * by a de Bruijn constant and look the top five bits up. Where the CPU
 * counts zeros, the compiler's builtin is those instructions.
 */
static inline unsigned int prio_ctz32(uint32_t x)
{
#if PRIO_CTZ_IS_CHEAP
	/*
	 * The builtin, not the idiom: GCC keeps the idiom's answer for 0 (the
	 * table's first entry) with a mask, one instruction more per pick.
	 */
	return (unsigned int)__builtin_ctz(x);
#else
	static const uint8_t position[32] = {
		0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
		31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9,
	};

	return position[((x & (0U - x)) * 0x077CB531U) >> 27];
#endif
}

/* The most urgent level of a non-zero word, within the word. */
static inline unsigned int prio_word_first(uint32_t x)
{
#if PRIO_BITMAP_MSB_FIRST
	return (unsigned int)__builtin_clz(x);
#else
	return prio_ctz32(x);
#endif
}

/* The bits of the levels at or after @level within its word. */
static inline uint32_t prio_word_from(unsigned int level)
{
#if PRIO_BITMAP_MSB_FIRST
	return 0xFFFFFFFFUL >> (level % 32U);
#else
	return ~((1UL << (level % 32U)) - 1U);
#endif
}

static inline void prio_bitmap_set(uint32_t *bm, unsigned int level)
{
	bm[level / 32U] |= PRIO_BITMAP_BIT(level);
}

static inline void prio_bitmap_clear(uint32_t *bm, unsigned int level)
{
	bm[level / 32U] &= ~PRIO_BITMAP_BIT(level);
}

static inline int prio_bitmap_test(const uint32_t *bm, unsigned int level)
{
	return (bm[level / 32U] & PRIO_BITMAP_BIT(level)) != 0U;
}

/* Lowest set level, or -1 when the bitmap is empty. */
static inline int prio_bitmap_first(const uint32_t *bm, unsigned int words)
{
	for (unsigned int w = 0; w < words; w++) {
		if (bm[w] != 0U) {
			return (int)(w * 32U + prio_word_first(bm[w]));
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
	return w * 32U + prio_word_first(bm[w]);
}

/* Lowest set level at or after @from, or -1 (the SMP pick skips levels). */
static inline int prio_bitmap_next(const uint32_t *bm, unsigned int words, unsigned int from)
{
	unsigned int w = from / 32U;

	if (w >= words) {
		return -1;
	}
	uint32_t bits = bm[w] & prio_word_from(from);

	while (bits == 0U) {
		if (++w == words) {
			return -1;
		}
		bits = bm[w];
	}
	return (int)(w * 32U + prio_word_first(bits));
}

#endif /* BREEZE_PRIO_BITMAP_H */
