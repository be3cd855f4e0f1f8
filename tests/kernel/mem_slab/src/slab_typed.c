/*
 * Slabs defined from a type (K_MEM_SLAB_DEFINE_TYPE and its static form): one
 * block per element, sized and aligned for the type, every block usable as
 * one; and the word rounding WB_UP/WB_DN the block size follows.
 */
#include "test_util.h"

/* A type whose alignment (8) is above the word's (4 on rv32). */
struct wide {
	uint8_t tag;
	uint64_t value;
};

/* A type smaller than a word: blocks still hold the free-list link. */
struct tiny {
	uint8_t b;
};

#define NUM_WIDE 3
#define NUM_TINY 5

K_MEM_SLAB_DEFINE_TYPE(wide_slab, struct wide, NUM_WIDE);
K_MEM_SLAB_DEFINE_STATIC_TYPE(tiny_slab, struct tiny, NUM_TINY);

ZTEST(mem_slab_typed, test_word_rounding) {
	zassert_equal(WB_UP(0), 0);
	zassert_equal(WB_UP(1), sizeof(void *));
	zassert_equal(WB_UP(sizeof(void *)), sizeof(void *));
	zassert_equal(WB_UP(sizeof(void *) + 1), 2 * sizeof(void *));
	zassert_equal(WB_DN(sizeof(void *) - 1), 0);
	zassert_equal(WB_DN(2 * sizeof(void *) + 1), 2 * sizeof(void *));
}

ZTEST(mem_slab_typed, test_block_size_and_count) {
	zassert_equal(wide_slab.info.block_size, WB_UP(sizeof(struct wide)));
	zassert_equal(tiny_slab.info.block_size, WB_UP(sizeof(struct tiny)));
	zassert_equal(k_mem_slab_num_free_get(&wide_slab), NUM_WIDE);
	zassert_equal(k_mem_slab_num_free_get(&tiny_slab), NUM_TINY);
	zassert_equal(k_mem_slab_num_used_get(&wide_slab), 0);
}

/* Every block is aligned for the type and holds one element. */
ZTEST(mem_slab_typed, test_blocks_hold_the_type) {
	struct wide *w[NUM_WIDE];
	void *extra;

	for (unsigned int i = 0; i < NUM_WIDE; i++) {
		zassert_equal(k_mem_slab_alloc(&wide_slab, (void **)&w[i], K_NO_WAIT), 0);
		zassert_equal((uintptr_t)w[i] % __alignof__(struct wide), 0, "block %p", w[i]);
		w[i]->tag = (uint8_t)i;
		w[i]->value = 0x1122334455667788ULL + i;
	}
	zassert_equal(k_mem_slab_alloc(&wide_slab, &extra, K_NO_WAIT), -ENOMEM);
	/* Writing one element left the others whole: the blocks do not overlap. */
	for (unsigned int i = 0; i < NUM_WIDE; i++) {
		zassert_equal(w[i]->tag, i);
		zassert_equal(w[i]->value, 0x1122334455667788ULL + i);
	}
	for (unsigned int i = 0; i < NUM_WIDE; i++) {
		k_mem_slab_free(&wide_slab, w[i]);
	}
	zassert_equal(k_mem_slab_num_free_get(&wide_slab), NUM_WIDE);
}

ZTEST(mem_slab_typed, test_static_form_small_type) {
	void *b[NUM_TINY];

	for (unsigned int i = 0; i < NUM_TINY; i++) {
		zassert_equal(k_mem_slab_alloc(&tiny_slab, &b[i], K_NO_WAIT), 0);
	}
	zassert_equal(k_mem_slab_num_used_get(&tiny_slab), NUM_TINY);
	for (unsigned int i = 0; i < NUM_TINY; i++) {
		k_mem_slab_free(&tiny_slab, b[i]);
	}
	zassert_equal(k_mem_slab_num_used_get(&tiny_slab), 0);
}

ZTEST_SUITE(mem_slab_typed, NULL, NULL, NULL, NULL, NULL);
