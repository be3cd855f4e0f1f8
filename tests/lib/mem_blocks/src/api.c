/*
 * sys_mem_blocks in supervisor mode: every call's results, its refusals, and
 * that a call that fails leaves the pool as it was.
 */
#include <zephyr/sys/mem_blocks.h>
#include <zephyr/ztest.h>

#define BLK 16
#define NUM 40 /* two bitmap words, the second partly past the end */

SYS_MEM_BLOCKS_DEFINE_STATIC(pool, BLK, NUM, 8);
static uint8_t ext_buf[4 * 64] __aligned(64);
SYS_MEM_BLOCKS_DEFINE_STATIC_WITH_EXT_BUF(ext, 64, 4, ext_buf);

static void *blocks[NUM + 1];

static unsigned int free_count(sys_mem_blocks_t *mb)
{
	unsigned int n = 0;

	for (uint32_t i = 0; i < mb->info.num_blocks; i++) {
		n += sys_mem_blocks_is_region_free(
		    mb, mb->buffer + i * (1U << mb->info.blk_sz_shift), 1);
	}
	return n;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	/* Every block free again, whatever the last test left. */
	for (uint32_t i = 0; i < NUM; i++) {
		(void)sys_mem_blocks_free_contiguous(&pool, pool.buffer + i * BLK, 1);
	}
	for (uint32_t i = 0; i < 4; i++) {
		(void)sys_mem_blocks_free_contiguous(&ext, ext_buf + i * 64, 1);
	}
}

ZTEST_SUITE(mem_blocks_api, NULL, NULL, before, NULL, NULL);

ZTEST(mem_blocks_api, test_definitions) {
	zassert_equal(pool.info.num_blocks, NUM);
	zassert_equal(1U << pool.info.blk_sz_shift, BLK);
	zassert_equal((uintptr_t)pool.buffer % 8U, 0);
	zassert_equal_ptr(ext.buffer, ext_buf);
	zassert_equal(1U << ext.info.blk_sz_shift, 64);
	zassert_equal(free_count(&pool), NUM);
}

ZTEST(mem_blocks_api, test_alloc_every_block_then_none) {
	zassert_equal(sys_mem_blocks_alloc(&pool, NUM, blocks), 0);
	for (unsigned int i = 0; i < NUM; i++) {
		uintptr_t off = (uintptr_t)blocks[i] - (uintptr_t)pool.buffer;

		zassert_true(off < NUM * BLK && off % BLK == 0, "block %u at offset %u", i,
			     (unsigned int)off);
		for (unsigned int j = 0; j < i; j++) {
			zassert_not_equal(blocks[i], blocks[j], "block handed out twice");
		}
		memset(blocks[i], 0xa5, BLK); /* the whole block is the caller's */
	}
	zassert_equal(free_count(&pool), 0);
	zassert_equal(sys_mem_blocks_alloc(&pool, 1, &blocks[NUM]), -ENOMEM);
	zassert_equal(sys_mem_blocks_free(&pool, NUM, blocks), 0);
	zassert_equal(free_count(&pool), NUM);
}

ZTEST(mem_blocks_api, test_failed_alloc_takes_nothing) {
	zassert_equal(sys_mem_blocks_alloc(&pool, NUM - 3, blocks), 0);
	zassert_equal(sys_mem_blocks_alloc(&pool, 4, &blocks[NUM - 3]), -ENOMEM);
	zassert_equal(free_count(&pool), 3, "the failed call gave back what it took");
	zassert_equal(sys_mem_blocks_alloc(&pool, NUM + 1, blocks), -ENOMEM);
	zassert_equal(sys_mem_blocks_alloc(&pool, 3, &blocks[NUM - 3]), 0);
	zassert_equal(free_count(&pool), 0);
}

ZTEST(mem_blocks_api, test_free_refuses_what_is_not_a_block) {
	void *b[2];

	zassert_equal(sys_mem_blocks_alloc(&pool, 2, b), 0);
	void *bad[] = { b[0], (uint8_t *)b[1] + 1 };

	zassert_equal(sys_mem_blocks_free(&pool, 2, bad), -EFAULT);
	zassert_equal(free_count(&pool), NUM - 2, "a refused free frees nothing");
	void *outside[] = { pool.buffer + NUM * BLK };

	zassert_equal(sys_mem_blocks_free(&pool, 1, outside), -EFAULT);
	void *below[] = { pool.buffer - BLK };

	zassert_equal(sys_mem_blocks_free(&pool, 1, below), -EFAULT);
	void *other_pool[] = { ext_buf };

	zassert_equal(sys_mem_blocks_free(&pool, 1, other_pool), -EFAULT);
	zassert_equal(sys_mem_blocks_free(&pool, 2, b), 0);
	/* Twice: the second finds it free. */
	zassert_equal(sys_mem_blocks_free(&pool, 1, b), -EFAULT);
	void *twice[] = { b[1], b[1] };

	zassert_equal(sys_mem_blocks_alloc(&pool, 1, &twice[0]), 0);
	twice[1] = twice[0];
	zassert_equal(sys_mem_blocks_free(&pool, 2, twice), -EFAULT);
	zassert_equal(free_count(&pool), NUM);
}

ZTEST(mem_blocks_api, test_contiguous) {
	void *run;

	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 30, &run), 0);
	zassert_equal_ptr(run, pool.buffer);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 6, &run), 0);
	zassert_equal_ptr(run, pool.buffer + 30 * BLK, "a run across the bitmap's two words");
	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 5, &run), -ENOMEM, "4 left");
	/* Blocks 10 and 11 free too: a run of 2 goes there, the lowest place it fits. */
	zassert_equal(sys_mem_blocks_free_contiguous(&pool, pool.buffer + 10 * BLK, 2), 0);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 3, &run), 0);
	zassert_equal_ptr(run, pool.buffer + 36 * BLK);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 2, &run), 0);
	zassert_equal_ptr(run, pool.buffer + 10 * BLK);
	zassert_equal(free_count(&pool), 1);
	zassert_equal(sys_mem_blocks_free_contiguous(&pool, pool.buffer + 38 * BLK, 3), -EFAULT,
		      "past the end");
	zassert_equal(sys_mem_blocks_free_contiguous(&pool, pool.buffer + 39 * BLK, 1), -EFAULT,
		      "not taken");
	zassert_equal(sys_mem_blocks_free_contiguous(&pool, pool.buffer, 39), 0);
	zassert_equal(free_count(&pool), NUM);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 0, &run), 0);
	zassert_is_null(run);
}

ZTEST(mem_blocks_api, test_get_and_region_free) {
	uint8_t *b = pool.buffer;

	zassert_equal(sys_mem_blocks_is_region_free(&pool, b + 4 * BLK, 8), 1);
	zassert_equal(sys_mem_blocks_get(&pool, b + 4 * BLK, 8), 0);
	zassert_equal(sys_mem_blocks_is_region_free(&pool, b + 4 * BLK, 1), 0);
	zassert_equal(sys_mem_blocks_is_region_free(&pool, b, 4), 1);
	zassert_equal(sys_mem_blocks_is_region_free(&pool, b, 5), 0);
	zassert_equal(sys_mem_blocks_get(&pool, b + 2 * BLK, 3), -ENOMEM, "block 4 is taken");
	zassert_equal(sys_mem_blocks_is_region_free(&pool, b, 4), 1, "and 2, 3 were given back");
	zassert_equal(sys_mem_blocks_get(&pool, b + 1, 1), -EFAULT);
	zassert_equal(sys_mem_blocks_get(&pool, b + 39 * BLK, 2), -EFAULT);
	zassert_equal(sys_mem_blocks_is_region_free(&pool, b + 39 * BLK, 2), 0);
	void *one;

	zassert_equal(sys_mem_blocks_alloc(&pool, 1, &one), 0);
	zassert_equal_ptr(one, b, "the lowest free block");
	zassert_equal(sys_mem_blocks_free_contiguous(&pool, b + 4 * BLK, 8), 0);
	zassert_equal(sys_mem_blocks_free(&pool, 1, &one), 0);
}

ZTEST(mem_blocks_api, test_bad_arguments) {
	void *one;

	zassert_equal(sys_mem_blocks_alloc(NULL, 1, &one), -EINVAL);
	zassert_equal(sys_mem_blocks_alloc(&pool, 1, NULL), -EINVAL);
	zassert_equal(sys_mem_blocks_alloc(&pool, 0, NULL), 0);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&pool, 1, NULL), -EINVAL);
	zassert_equal(sys_mem_blocks_free(NULL, 1, &one), -EINVAL);
	zassert_equal(sys_mem_blocks_free(&pool, 1, NULL), -EINVAL);
	zassert_equal(sys_mem_blocks_get(NULL, pool.buffer, 1), -EINVAL);
	zassert_equal(sys_mem_blocks_free_contiguous(NULL, pool.buffer, 1), -EINVAL);
	zassert_equal(sys_mem_blocks_is_region_free(NULL, pool.buffer, 1), 0);
	zassert_equal(free_count(&pool), NUM);
}
