/*
 * Memory slabs without waiters: init errors, static definitions (block size
 * rounding, alignment, free list ready at boot), exhaustion, counters, reuse
 * of freed blocks, blocks that do not overlap, exact timeouts, and
 * alloc/free from an ISR.
 */
#include "test_util.h"

#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)

#define BLOCK_SIZE 16
#define NUM_BLOCKS 4

static struct k_mem_slab slab;
static char __aligned(8) slab_buf[NUM_BLOCKS * BLOCK_SIZE];

K_MEM_SLAB_DEFINE(slab_rounded, 10, 3, 8);
K_MEM_SLAB_DEFINE_STATIC(slab_aligned, 32, 2, 64);

static void check_counts(struct k_mem_slab *s, uint32_t used, uint32_t total)
{
	zassert_equal(k_mem_slab_num_used_get(s), used);
	zassert_equal(k_mem_slab_num_free_get(s), total - used);
}

/*
 * Allocate every block of @s (K_NO_WAIT) into @blocks; each must be a
 * distinct block of @buf, @block_size apart, and the next alloc must fail.
 */
static void alloc_all(struct k_mem_slab *s, char *buf, size_t block_size, uint32_t n, void **blocks)
{
	uint32_t seen = 0;

	for (uint32_t i = 0; i < n; i++) {
		zassert_equal(k_mem_slab_alloc(s, &blocks[i], K_NO_WAIT), 0, "block %u",
			      (unsigned int)i);
		size_t offset = (size_t)((char *)blocks[i] - buf);

		zassert_true(offset < n * block_size, "block %p outside the buffer", blocks[i]);
		zassert_equal(offset % block_size, 0, "block %p not on a block boundary",
			      blocks[i]);
		zassert_false(seen & BIT(offset / block_size), "block %p handed out twice",
			      blocks[i]);
		seen |= BIT(offset / block_size);
		check_counts(s, i + 1U, n);
	}
	void *none = (void *)1;

	zassert_equal(k_mem_slab_alloc(s, &none, K_NO_WAIT), -ENOMEM);
	zassert_is_null(none);
	check_counts(s, n, n);
}

ZTEST(slab_basic, test_init_errors) {
	static struct k_mem_slab s;
	static uint32_t buf[16];

	zassert_equal(k_mem_slab_init(&s, buf, 0, 4), -EINVAL);
	zassert_equal(k_mem_slab_init(&s, buf, 2, 4), -EINVAL, "block smaller than a pointer");
	zassert_equal(k_mem_slab_init(&s, buf, 6, 4), -EINVAL, "block not a pointer multiple");
	zassert_equal(k_mem_slab_init(&s, (char *)buf + 2, 8, 4), -EINVAL, "misaligned buffer");
	zassert_equal(k_mem_slab_init(&s, buf, 0x10000000, 0x100), -EINVAL, "size overflows");
	zassert_equal(k_mem_slab_init(&s, buf, 8, 8), 0);
	check_counts(&s, 0, 8);
	zassert_equal(s.info.block_size, 8);
	zassert_equal(s.info.num_blocks, 8);
}

ZTEST(slab_basic, test_alloc_all_then_enomem) {
	void *blocks[NUM_BLOCKS];

	check_counts(&slab, 0, NUM_BLOCKS);
	alloc_all(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS, blocks);
	for (uint32_t i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&slab, blocks[i]);
		check_counts(&slab, NUM_BLOCKS - i - 1U, NUM_BLOCKS);
	}
	/* All of them come back. */
	alloc_all(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS, blocks);
}

ZTEST(slab_basic, test_freed_block_is_next_out) {
	void *a, *b, *c;

	zassert_equal(k_mem_slab_alloc(&slab, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&slab, &b, K_NO_WAIT), 0);
	k_mem_slab_free(&slab, a);
	zassert_equal(k_mem_slab_alloc(&slab, &c, K_NO_WAIT), 0);
	zassert_equal_ptr(c, a);
	k_mem_slab_free(&slab, b);
	zassert_equal(k_mem_slab_alloc(&slab, &c, K_NO_WAIT), 0);
	zassert_equal_ptr(c, b);
	check_counts(&slab, 2, NUM_BLOCKS);
}

ZTEST(slab_basic, test_blocks_do_not_overlap) {
	void *blocks[NUM_BLOCKS];

	alloc_all(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS, blocks);
	for (uint32_t i = 0; i < NUM_BLOCKS; i++) {
		memset(blocks[i], 0x40 + (int)i, BLOCK_SIZE);
	}
	for (uint32_t i = 0; i < NUM_BLOCKS; i++) {
		for (uint32_t k = 0; k < BLOCK_SIZE; k++) {
			zassert_equal(((uint8_t *)blocks[i])[k], 0x40U + i);
		}
	}
}

ZTEST(slab_basic, test_static_slabs) {
	void *blocks[3];

	/* 10-byte blocks are rounded up to 12; the free list was built at boot. */
	zassert_equal(slab_rounded.info.block_size, 12);
	zassert_equal((uintptr_t)slab_rounded.buffer % 8U, 0);
	check_counts(&slab_rounded, 0, 3);
	alloc_all(&slab_rounded, slab_rounded.buffer, 12, 3, blocks);
	for (int i = 0; i < 3; i++) {
		k_mem_slab_free(&slab_rounded, blocks[i]);
	}
	check_counts(&slab_rounded, 0, 3);

	zassert_equal((uintptr_t)slab_aligned.buffer % 64U, 0);
	alloc_all(&slab_aligned, slab_aligned.buffer, 32, 2, blocks);
	for (int i = 0; i < 2; i++) {
		zassert_equal((uintptr_t)blocks[i] % 32U, 0);
		k_mem_slab_free(&slab_aligned, blocks[i]);
	}
	check_counts(&slab_aligned, 0, 2);
}

ZTEST(slab_basic, test_reinit_frees_everything) {
	void *blocks[NUM_BLOCKS];

	alloc_all(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS, blocks);
	zassert_equal(k_mem_slab_init(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS), 0);
	check_counts(&slab, 0, NUM_BLOCKS);
	alloc_all(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS, blocks);
}

ZTEST(slab_basic, test_alloc_times_out_on_the_tick) {
	void *blocks[NUM_BLOCKS];
	void *mem = (void *)1;

	alloc_all(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS, blocks);

	uint64_t c0 = k_cycle_get_64();
	int ret = k_mem_slab_alloc(&slab, &mem, K_TICKS(9));
	uint64_t dc = k_cycle_get_64() - c0;

	zassert_equal(ret, -EAGAIN);
	zassert_is_null(mem);
	zassert_true(dc >= 9U * CYC_PER_TICK && dc < 10U * CYC_PER_TICK, "lasted %llu cycles", dc);
	check_counts(&slab, NUM_BLOCKS, NUM_BLOCKS);

	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_mem_slab_alloc(&slab, &mem, K_MSEC(3)), -EAGAIN);
	zassert_between_inclusive(k_uptime_ticks() - t0, 30, 31);
}

static void *isr_block[3];
static volatile int isr_ret[3];

static void alloc_three_in_isr(void)
{
	for (int i = 0; i < 3; i++) {
		isr_ret[i] = k_mem_slab_alloc(&slab, &isr_block[i], K_NO_WAIT);
	}
}

static void free_two_in_isr(void)
{
	k_mem_slab_free(&slab, isr_block[0]);
	k_mem_slab_free(&slab, isr_block[1]);
}

ZTEST(slab_basic, test_isr_alloc_and_free) {
	void *a, *b;

	zassert_equal(k_mem_slab_alloc(&slab, &a, K_NO_WAIT), 0);
	zassert_equal(k_mem_slab_alloc(&slab, &b, K_NO_WAIT), 0);
	run_in_isr(alloc_three_in_isr);
	zassert_equal(isr_ret[0], 0);
	zassert_equal(isr_ret[1], 0);
	zassert_equal(isr_ret[2], -ENOMEM);
	zassert_is_null(isr_block[2]);
	zassert_true(isr_block[0] != a && isr_block[0] != b && isr_block[1] != a &&
		     isr_block[1] != b && isr_block[0] != isr_block[1]);
	check_counts(&slab, NUM_BLOCKS, NUM_BLOCKS);
	run_in_isr(free_two_in_isr);
	check_counts(&slab, 2, NUM_BLOCKS);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mem_slab_init(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(slab_basic, NULL, NULL, before, after, NULL);
