/*
 * The porting layer's memory pool as a user-space allocator: a
 * sys_mem_blocks of 16 blocks of 128 bytes whose descriptor, bitmap and
 * buffer are all in the test partition. An allocation or a free is one
 * atomic operation on the bitmap, no system call, in either mode; being
 * plain memory of the partition, it needs no grant. A free of something that
 * is not an allocated block of the pool fails with -EFAULT, which the test
 * checks.
 */
#include <zephyr/sys/mem_blocks.h>
#include "tm_api.h"

#define TM_BLOCK_SIZE 128
#define TM_POOL_SIZE  2048

K_APP_SYS_MEM_BLOCKS_DEFINE(tm_part, pool, TM_BLOCK_SIZE, TM_POOL_SIZE / TM_BLOCK_SIZE,
			    sizeof(uint32_t));

int tm_memory_pool_create(int pool_id)
{
	if (pool_id != 0) {
		return TM_ERROR;
	}
	/* Every block free: what a previous run left is given back. */
	for (unsigned int i = 0; i < TM_POOL_SIZE / TM_BLOCK_SIZE; i++) {
		(void)sys_mem_blocks_free_contiguous(&pool, pool.buffer + i * TM_BLOCK_SIZE, 1);
	}
	return TM_SUCCESS;
}

int tm_memory_pool_allocate(int pool_id, unsigned char **memory_ptr)
{
	ARG_UNUSED(pool_id);
	return sys_mem_blocks_alloc(&pool, 1, (void **)memory_ptr) == 0 ? TM_SUCCESS : TM_ERROR;
}

int tm_memory_pool_deallocate(int pool_id, unsigned char *memory_ptr)
{
	ARG_UNUSED(pool_id);
	void *block = memory_ptr;

	return sys_mem_blocks_free(&pool, 1, &block) == 0 ? TM_SUCCESS : TM_ERROR;
}

int tm_thread_grant_pool(int thread_id, int pool_id)
{
	return tm_port_thread(thread_id) != NULL && pool_id == 0 ? TM_SUCCESS : TM_ERROR;
}
