/*
 * Heaps (k_heap) and the system heap (k_malloc and friends).
 *
 * A k_heap is a lock, a wait queue and the allocator of <breeze/sys/sys_heap.h>
 * over a region: an allocation that does not fit waits, up to its timeout,
 * until a free makes room. Heaps are supervisor-only, as in Zephyr: they are
 * not kernel objects and none of these calls is a system call.
 *
 * The system heap holds CONFIG_HEAP_MEM_POOL_SIZE bytes (none when 0: then
 * k_malloc() returns NULL). k_malloc() never waits. Its blocks, and those the
 * kernel allocates from a thread's resource pool (k_thread_heap_assign()),
 * carry the heap they came from in a word before them, so that k_free() can
 * give back any of them.
 */
#ifndef BREEZE_KERNEL_HEAP_H
#define BREEZE_KERNEL_HEAP_H

#include <breeze/kernel/thread.h>
#include <breeze/init.h>
#include <breeze/spinlock.h>
#include <breeze/sys/sys_heap.h>
#include <breeze/sys/iterable_sections.h>

struct k_heap {
	struct sys_heap heap;
	_wait_q_t wait_q; /* allocations waiting for room */
	struct k_spinlock lock;
	uint32_t frees; /* counts frees: a waiter re-checks it before it sleeps */
};

/* Use [mem, mem + bytes) as @heap's memory. */
void k_heap_init(struct k_heap *heap, void *mem, size_t bytes);

/* The smallest region a block fits in: a chunk of two granules and the end marker. */
#define Z_HEAP_MIN_SIZE (3U * SYS_HEAP_GRANULE)

/*
 * A heap of @bytes bytes, ready at boot (PRE_KERNEL_1). Blocks it gives carry
 * a header (SYS_HEAP_GRANULE bytes) each, and the region two more headers. As
 * in Zephyr, a heap smaller than Z_HEAP_MIN_SIZE gets that size, so that one
 * small block fits; a heap of 0 bytes stays empty (every allocation fails).
 */

#define K_HEAP_DEFINE(name, bytes)                                                        \
	STRUCT_SECTION_ITERABLE(k_heap, name);                                            \
	static char __aligned(SYS_HEAP_GRANULE)                                           \
	    _k_heap_mem_##name[(bytes) == 0 ? 0 : MAX((size_t)(bytes), Z_HEAP_MIN_SIZE)]; \
	static int _k_heap_init_##name(void)                                              \
	{                                                                                 \
		k_heap_init(&name, _k_heap_mem_##name, sizeof(_k_heap_mem_##name));       \
		return 0;                                                                 \
	}                                                                                 \
	SYS_INIT(_k_heap_init_##name, PRE_KERNEL_1, 10)

/* No cache here: the same. */
#define K_HEAP_DEFINE_NOCACHE(name, bytes) K_HEAP_DEFINE(name, bytes)

/*
 * The heaps K_HEAP_DEFINE() made (the system heap among them), as one array:
 * its length, and its first element in *@heap (left alone when there is none).
 */
int k_heap_array_get(struct k_heap **heap);

/*
 * @bytes from @heap, aligned to @align (a power of two; k_heap_alloc: the
 * granule), waiting up to @timeout for room (K_NO_WAIT in an ISR): the block,
 * or NULL when none came in time (or the request can never fit).
 */
void *k_heap_aligned_alloc(struct k_heap *heap, size_t align, size_t bytes, k_timeout_t timeout);
void *k_heap_alloc(struct k_heap *heap, size_t bytes, k_timeout_t timeout);

/* @num * @size zeroed bytes; NULL also when the product overflows. */
void *k_heap_calloc(struct k_heap *heap, size_t num, size_t size, k_timeout_t timeout);

/*
 * Resize @ptr (from @heap) to @bytes, keeping its contents, waiting up to
 * @timeout for room: the new block, or NULL with @ptr left as it was. A NULL
 * @ptr allocates; @bytes of 0 frees @ptr and returns NULL.
 */
void *k_heap_realloc(struct k_heap *heap, void *ptr, size_t bytes, k_timeout_t timeout);

/* Give back @mem (NULL is ignored) and wake the allocations waiting on @heap. */
void k_heap_free(struct k_heap *heap, void *mem);

/* The system heap: NULL when out of memory or if CONFIG_HEAP_MEM_POOL_SIZE is 0. */
void *k_malloc(size_t size);
void *k_aligned_alloc(size_t align, size_t size);
void *k_calloc(size_t nmemb, size_t size);
void *k_realloc(void *ptr, size_t size);
/* Any block of k_malloc() and friends, and what the kernel took from a resource pool. */
void k_free(void *ptr);

/*
 * A thread's resource pool: the heap the kernel allocates from on its behalf
 * (k_msgq_alloc_init(), k_stack_alloc_init(), k_queue_alloc_append() and
 * friends). A new thread takes its creator's; NULL (none) makes those calls
 * fail with -ENOMEM.
 */
void k_thread_heap_assign(struct k_thread *thread, struct k_heap *heap);

/* The system heap as @thread's resource pool (CONFIG_HEAP_MEM_POOL_SIZE > 0). */
void k_thread_system_pool_assign(struct k_thread *thread);

#endif /* BREEZE_KERNEL_HEAP_H */
