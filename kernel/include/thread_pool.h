/*
 * Kernel allocations on a thread's behalf, from its resource pool (see
 * k_thread_heap_assign()). The blocks are given back with k_free().
 */
#ifndef BREEZE_THREAD_POOL_H
#define BREEZE_THREAD_POOL_H

#include <breeze/kernel.h>
#include <kernel_structs.h>

/*
 * @size bytes from the calling thread's resource pool (from the system heap
 * in an ISR), aligned to @align; never waits. NULL when the thread has no
 * pool or the pool has no room.
 */
void *z_thread_aligned_alloc(size_t align, size_t size);

static inline void *z_thread_malloc(size_t size)
{
	return z_thread_aligned_alloc(0, size);
}

/* A block of @heap that k_free() can give back (a header names the heap). */
void *z_heap_aligned_alloc(struct k_heap *heap, size_t align, size_t size);

#endif /* BREEZE_THREAD_POOL_H */
