/*
 * Host tests of the priority bitmap (kernel/include/prio_bitmap.h): every
 * level 0..63 alone, every pair of levels, the one-word scan limit, guard
 * words around the bitmap, and a random walk against a 64-bit model;
 * prio_bitmap_first_set() agrees with prio_bitmap_first() on every non-empty
 * state. Built twice: with each word's levels from its least significant bit
 * and, as on ARMv7-M, from its most significant one (PRIO_BITMAP_MSB_FIRST).
 */
#include <prio_bitmap.h> /* first: the header must be self-contained */

#include <stdbool.h>

#include "check.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define LEVELS       64U
#define WORDS        PRIO_BITMAP_WORDS(LEVELS)
#define GUARD        0xDEADBEEFU
#define RANDOM_STEPS 20000
#define RANDOM_SEED  0xB17B17ULL

/* The bitmap sits between two guard words so a stray write shows up. */
static uint32_t storage[WORDS + 2];
static uint32_t *const bm = &storage[1];

static void reset(void)
{
	storage[0] = GUARD;
	storage[WORDS + 1] = GUARD;
	for (unsigned int w = 0; w < WORDS; w++) {
		bm[w] = 0U;
	}
}

/* The bit of @level in its word, spelled out independently of the header. */
static uint32_t word_bit(unsigned int level)
{
	unsigned int bit = PRIO_BITMAP_MSB_FIRST ? 31U - level % 32U : level % 32U;

	return 1U << bit;
}

/* The bitmap as a model: bit i = level i, whichever order the words keep. */
static uint64_t as_u64(void)
{
	uint64_t model = 0U;

	for (unsigned int level = 0; level < LEVELS; level++) {
		if ((bm[level / 32U] & word_bit(level)) != 0U) {
			model |= 1ULL << level;
		}
	}
	return model;
}

/* Full comparison of the bitmap with @model (bit i = level i). */
static void check_model(uint64_t model)
{
	CHECK_EQ(storage[0], GUARD);
	CHECK_EQ(storage[WORDS + 1], GUARD);
	CHECK_EQ(as_u64(), model);
	for (unsigned int level = 0; level < LEVELS; level++) {
		CHECK_EQ_INT(prio_bitmap_test(bm, level), (int)((model >> level) & 1U));
	}
	CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), model == 0U ? -1 : __builtin_ctzll(model));
	/* A one-word scan only sees levels 0..31. */
	CHECK_EQ_INT(prio_bitmap_first(bm, 1),
		     (uint32_t)model == 0U ? -1 : __builtin_ctz((uint32_t)model));
	/* The scan that assumes a level is set (the scheduler's: idle is always ready). */
	if (model != 0U) {
		CHECK_EQ_INT((int)prio_bitmap_first_set(bm, WORDS), __builtin_ctzll(model));
	}
	if ((uint32_t)model != 0U) {
		CHECK_EQ_INT((int)prio_bitmap_first_set(bm, 1), __builtin_ctz((uint32_t)model));
	}
	/* The SMP pick's walk: the lowest set level at or after each level. */
	for (unsigned int from = 0; from <= LEVELS; from++) {
		uint64_t rest = from < LEVELS ? model >> from : 0U;

		CHECK_EQ_INT(prio_bitmap_next(bm, WORDS, from),
			     (rest == 0U ? -1 : (int)from + __builtin_ctzll(rest)));
	}
}

static void test_words_macro(void)
{
	CHECK_EQ(PRIO_BITMAP_WORDS(1U), 1U);
	CHECK_EQ(PRIO_BITMAP_WORDS(16U), 1U);
	CHECK_EQ(PRIO_BITMAP_WORDS(32U), 1U);
	CHECK_EQ(PRIO_BITMAP_WORDS(33U), 2U);
	CHECK_EQ(PRIO_BITMAP_WORDS(64U), 2U);
}

static void test_empty(void)
{
	reset();
	check_model(0U);
	CHECK_EQ_INT(prio_bitmap_first(bm, 1), -1);
	CHECK_EQ_INT(prio_bitmap_first(bm, 2), -1);
	/* Clearing an unset level changes nothing. */
	prio_bitmap_clear(bm, 0);
	prio_bitmap_clear(bm, 31);
	prio_bitmap_clear(bm, 32);
	prio_bitmap_clear(bm, 63);
	check_model(0U);
}

static void test_each_level(void)
{
	for (unsigned int level = 0; level < LEVELS; level++) {
		reset();
		prio_bitmap_set(bm, level);
		check_model(1ULL << level);
		CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), (int)level);
		/* The exact word and bit, spelled out independently of the model. */
		CHECK_EQ(bm[level / 32U], word_bit(level));
		CHECK_EQ(bm[1U - level / 32U], 0U);

		/* Setting twice is idempotent. */
		prio_bitmap_set(bm, level);
		check_model(1ULL << level);

		prio_bitmap_clear(bm, level);
		check_model(0U);
		CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), -1);
	}
}

/* Every pair of levels, set in both orders: first() is the lower one. */
static void test_pairs(void)
{
	for (unsigned int a = 0; a < LEVELS; a++) {
		for (unsigned int b = a + 1U; b < LEVELS; b++) {
			uint64_t both = (1ULL << a) | (1ULL << b);

			reset();
			prio_bitmap_set(bm, b);
			CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), (int)b);
			prio_bitmap_set(bm, a);
			check_model(both);
			CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), (int)a);

			prio_bitmap_clear(bm, a);
			check_model(1ULL << b);
			CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), (int)b);
			prio_bitmap_set(bm, a);
			prio_bitmap_clear(bm, b);
			check_model(1ULL << a);
			prio_bitmap_clear(bm, a);
			check_model(0U);
		}
	}
}

/* Filling from the top down: first() follows the lowest level set so far. */
static void test_fill_and_drain(void)
{
	uint64_t model = 0U;

	reset();
	for (int level = (int)LEVELS - 1; level >= 0; level--) {
		prio_bitmap_set(bm, (unsigned int)level);
		model |= 1ULL << level;
		check_model(model);
		CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), level);
	}
	CHECK_EQ(bm[0], 0xFFFFFFFFU);
	CHECK_EQ(bm[1], 0xFFFFFFFFU);
	/* Draining from the bottom up: first() moves up one level each time. */
	for (unsigned int level = 0; level < LEVELS; level++) {
		CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), (int)level);
		prio_bitmap_clear(bm, level);
		model &= ~(1ULL << level);
		check_model(model);
	}
	CHECK_EQ_INT(prio_bitmap_first(bm, WORDS), -1);
}

/* The @n-th lowest set level of @model (n < popcount). */
static unsigned int set_level(uint64_t model, uint32_t n)
{
	while (n-- > 0U) {
		model &= model - 1U;
	}
	return (unsigned int)__builtin_ctzll(model);
}

static void test_random_model(void)
{
	uint64_t model = 0U;
	unsigned long sets = 0;
	unsigned long clears = 0;
	unsigned long upper_first = 0;
	static const int targets[] = { 1, 3, 8, 32, 60, 2 };

	reset();
	check_rng_seed(RANDOM_SEED);
	for (uint64_t step = 0; step < RANDOM_STEPS; step++) {
		unsigned int level = check_rng_below(LEVELS);

		/*
		 * The target population changes by phase so both sparse states
		 * (first() often in the upper word) and dense ones are visited.
		 */
		int target = targets[(step / 1000U) % ARRAY_LEN(targets)];
		bool set = __builtin_popcountll(model) < target;

		check_set_context("random step", step);
		if (check_rng_below(5) == 0U) {
			set = !set;
		}
		if (set) {
			prio_bitmap_set(bm, level);
			model |= 1ULL << level;
			sets++;
		} else {
			/* Mostly clear a level that is set, as the scheduler does. */
			if (model != 0U && check_rng_below(5) != 0U) {
				level = set_level(
				    model, check_rng_below((uint32_t)__builtin_popcountll(model)));
			}
			prio_bitmap_clear(bm, level);
			model &= ~(1ULL << level);
			clears++;
		}
		check_model(model);
		if (model != 0U && (uint32_t)model == 0U) {
			upper_first++;
		}
	}
	check_set_context(NULL, 0);
	printf("prio_bitmap random walk: %lu sets, %lu clears, %lu steps with first() >= 32\n",
	       sets, clears, upper_first);
	CHECK(upper_first > RANDOM_STEPS / 50);
	CHECK(sets > RANDOM_STEPS / 4);
	CHECK(clears > RANDOM_STEPS / 4);
}

int main(void)
{
	test_words_macro();
	test_empty();
	test_each_level();
	test_pairs();
	test_fill_and_drain();
	test_random_model();
	return check_done("host.prio_bitmap");
}
