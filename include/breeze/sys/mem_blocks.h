/*
 * sys_mem_blocks: Zephyr's fixed-size block allocator for application code
 * (<zephyr/sys/mem_blocks.h>), in the caller's memory.
 *
 * A pool is a buffer of num_blocks blocks of 2^n bytes and a bitmap, one bit
 * per block (set: allocated). Every bit changes by an atomic or or and, so the
 * allocator takes no lock and makes no system call: user threads share a
 * pool in a partition of their domain (K_APP_SYS_MEM_BLOCKS_DEFINE() puts
 * the descriptor, the bitmap and the buffer there) and allocate from it at
 * the cost of a function call. The kernel is not involved at all, and trusts
 * nothing in it: a thread that corrupts a pool hurts only the threads
 * sharing it. Unlike a k_mem_slab nobody waits for a block: an allocation
 * that finds none fails with -ENOMEM.
 *
 * Each call is atomic block by block. A call on several blocks that fails
 * part way undoes what it did: an allocation releases the blocks it took,
 * and a free validates every pointer before it releases any.
 */
#ifndef BREEZE_SYS_MEM_BLOCKS_H
#define BREEZE_SYS_MEM_BLOCKS_H

#include <stddef.h>
#include <stdint.h>
#include <breeze/kernel.h>
#ifdef CONFIG_USERSPACE
#include <breeze/app_memory/app_memdomain.h>
#endif
#include <breeze/sys/atomic.h>
#include <breeze/sys/util.h>

struct sys_mem_blocks_info {
	uint32_t num_blocks;  /* blocks in the buffer */
	uint8_t blk_sz_shift; /* log2 of the block size */
};

typedef struct sys_mem_blocks {
	struct sys_mem_blocks_info info;
	uint8_t *buffer;
	atomic_t *bitmap; /* ATOMIC_BITMAP_SIZE(num_blocks) words, bit set: allocated */
} sys_mem_blocks_t;

#define Z_MEM_BLOCKS_CHECK(blk_sz, num_blks)                                          \
	BUILD_ASSERT((blk_sz) > 0 && ((blk_sz) & ((blk_sz)-1)) == 0,                  \
		     "sys_mem_blocks: the block size is a power of two");             \
	BUILD_ASSERT((num_blks) > 0 && (uint64_t)(blk_sz) * (num_blks) <= UINT32_MAX, \
		     "sys_mem_blocks: at least one block, buffer below 4 GiB")

/*
 * @zprefix (the zeroed storage: bitmap, buffer) and @dprefix (the
 * descriptor) are a storage class or a section attribute each.
 */
#define Z_MEM_BLOCKS_DEFINE_EXT(zprefix, dprefix, name, blk_sz, num_blks, buf)        \
	zprefix atomic_t _sys_mem_blocks_bitmap_##name[ATOMIC_BITMAP_SIZE(num_blks)]; \
	dprefix sys_mem_blocks_t name = {                                             \
		.info = { .num_blocks = (num_blks),                                   \
			  .blk_sz_shift = (uint8_t)__builtin_ctz(blk_sz) },           \
		.buffer = (uint8_t *)(buf),                                           \
		.bitmap = _sys_mem_blocks_bitmap_##name,                              \
	};                                                                            \
	Z_MEM_BLOCKS_CHECK(blk_sz, num_blks)

#define Z_MEM_BLOCKS_DEFINE(zprefix, dprefix, name, blk_sz, num_blks, buf_align)        \
	zprefix uint8_t _sys_mem_blocks_buffer_##name[(blk_sz) * (num_blks)] __aligned( \
	    MAX((buf_align), sizeof(void *)));                                          \
	Z_MEM_BLOCKS_DEFINE_EXT(zprefix, dprefix, name, blk_sz, num_blks,               \
				_sys_mem_blocks_buffer_##name)

/* A pool with a buffer of its own, aligned to @buf_align. */
#define SYS_MEM_BLOCKS_DEFINE(name, blk_sz, num_blks, buf_align) \
	Z_MEM_BLOCKS_DEFINE(, , name, blk_sz, num_blks, buf_align)
#define SYS_MEM_BLOCKS_DEFINE_STATIC(name, blk_sz, num_blks, buf_align) \
	Z_MEM_BLOCKS_DEFINE(static, static, name, blk_sz, num_blks, buf_align)

/* A pool over @buf, which holds @num_blks blocks of @blk_sz bytes. */
#define SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(name, blk_sz, num_blks, buf) \
	Z_MEM_BLOCKS_DEFINE_EXT(, , name, blk_sz, num_blks, buf)
#define SYS_MEM_BLOCKS_DEFINE_STATIC_WITH_EXT_BUF(name, blk_sz, num_blks, buf) \
	Z_MEM_BLOCKS_DEFINE_EXT(static, static, name, blk_sz, num_blks, buf)

/*
 * Breeze: a pool whose descriptor, bitmap and buffer are all in the memory
 * partition @part (K_APP_DMEM(part) and K_APP_BMEM(part)), for the user
 * threads of the domains that have the partition.
 */
#ifdef CONFIG_USERSPACE
#define K_APP_SYS_MEM_BLOCKS_DEFINE(part, name, blk_sz, num_blks, buf_align) \
	Z_MEM_BLOCKS_DEFINE(K_APP_BMEM(part), K_APP_DMEM(part), name, blk_sz, num_blks, buf_align)
#endif

/*
 * Allocate @count blocks, not necessarily adjacent, into @out_blocks. 0;
 * -ENOMEM if fewer than @count are free (none is then taken); -EINVAL for a
 * null pool or array.
 */
int sys_mem_blocks_alloc(sys_mem_blocks_t *mem_block, size_t count, void **out_blocks);

/* Allocate @count adjacent blocks; the first into *@out_block. As above. */
int sys_mem_blocks_alloc_contiguous(sys_mem_blocks_t *mem_block, size_t count, void **out_block);

/*
 * Allocate the @count blocks from @in_block on. 0; -ENOMEM if one of them is
 * taken (none is then taken); -EFAULT if they are not blocks of the pool.
 */
int sys_mem_blocks_get(sys_mem_blocks_t *mem_block, void *in_block, size_t count);

/* 1 if the @count blocks from @in_block on are all free, 0 if not (or not the pool's). */
int sys_mem_blocks_is_region_free(sys_mem_blocks_t *mem_block, void *in_block, size_t count);

/*
 * Free the @count blocks of @in_blocks. 0; -EFAULT, having freed none, if one
 * is not the start of a block of the pool, or, having freed the others, if
 * one was not allocated; -EINVAL for a null pool or array.
 */
int sys_mem_blocks_free(sys_mem_blocks_t *mem_block, size_t count, void **in_blocks);

/* Free the @count adjacent blocks from @block on. As sys_mem_blocks_free(). */
int sys_mem_blocks_free_contiguous(sys_mem_blocks_t *mem_block, void *block, size_t count);

#endif /* BREEZE_SYS_MEM_BLOCKS_H */
