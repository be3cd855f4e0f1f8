/*
 * The porting layer's memory pool as a kernel object: a k_mem_slab of
 * 128-byte blocks over 2048 bytes of the test partition (a user thread's
 * slab calls need the buffer in their domain), allocated without waiting.
 * User threads call it through system calls, once granted it.
 */
#include "tm_api.h"

#define TM_BLOCK_SIZE 128
#define TM_POOL_SIZE  2048

TM_DATA static uint32_t pool_area[TM_POOL_SIZE / sizeof(uint32_t)] __aligned(sizeof(uint32_t));
static struct k_mem_slab pool;

int tm_memory_pool_create(int pool_id)
{
	if (pool_id != 0) {
		return TM_ERROR;
	}
	return k_mem_slab_init(&pool, pool_area, TM_BLOCK_SIZE, TM_POOL_SIZE / TM_BLOCK_SIZE) == 0
		   ? TM_SUCCESS
		   : TM_ERROR;
}

int tm_memory_pool_allocate(int pool_id, unsigned char **memory_ptr)
{
	ARG_UNUSED(pool_id);
	return k_mem_slab_alloc(&pool, (void **)memory_ptr, K_NO_WAIT) == 0 ? TM_SUCCESS : TM_ERROR;
}

/* k_mem_slab_free() returns nothing (a user caller's bad block is an oops, not a status). */
int tm_memory_pool_deallocate(int pool_id, unsigned char *memory_ptr)
{
	ARG_UNUSED(pool_id);
	k_mem_slab_free(&pool, memory_ptr);
	return TM_SUCCESS;
}

int tm_thread_grant_pool(int thread_id, int pool_id)
{
	struct k_thread *thread = tm_port_thread(thread_id);

	if (thread == NULL || pool_id != 0) {
		return TM_ERROR;
	}
	k_object_access_grant(&pool, thread);
	return TM_SUCCESS;
}
