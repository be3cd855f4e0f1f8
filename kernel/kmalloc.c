/*
 * The system heap (k_malloc and friends) and threads' resource pools.
 *
 * Every block handed out here starts after a small header that names the
 * heap it came from and where the heap's block begins (an aligned block may
 * begin further down), so that k_free() needs nothing but the pointer:
 *
 *     base          base + prefix - 2 words      ptr = base + prefix
 *     | (padding)   | base | heap              | the caller's bytes ...
 *
 * The prefix is two words, or the alignment asked for when that is larger,
 * so the caller's bytes keep the alignment of the heap's block.
 */
#include <string.h>
#include <thread_pool.h>

/*
 * CONFIG_HEAP_MEM_POOL_SIZE of 0: no system heap at all (nothing to set up at
 * boot), and every allocation from it fails.
 */
#if CONFIG_HEAP_MEM_POOL_SIZE > 0
K_HEAP_DEFINE(_system_heap, CONFIG_HEAP_MEM_POOL_SIZE);

static struct k_heap *system_heap(void)
{
	return &_system_heap;
}
#else
static struct k_heap *system_heap(void)
{
	return NULL;
}
#endif

struct block_hdr {
	void *base;
	struct k_heap *heap;
};

static struct block_hdr *hdr_of(void *ptr)
{
	return (struct block_hdr *)ptr - 1;
}

static size_t prefix_for(size_t align)
{
	return align > sizeof(struct block_hdr) ? align : sizeof(struct block_hdr);
}

void *z_heap_aligned_alloc(struct k_heap *heap, size_t align, size_t size)
{
	size_t prefix = prefix_for(align);
	size_t total;

	/* As in Zephyr, 0 bytes still get a block (of the header alone). */
	if ((align & (align - 1U)) != 0U || __builtin_add_overflow(size, prefix, &total)) {
		return NULL;
	}
	char *base = k_heap_aligned_alloc(heap, prefix, total, K_NO_WAIT);

	if (base == NULL) {
		return NULL;
	}
	char *ptr = base + prefix;

	hdr_of(ptr)->base = base;
	hdr_of(ptr)->heap = heap;
	return ptr;
}

void *k_aligned_alloc(size_t align, size_t size)
{
	struct k_heap *heap = system_heap();

	return heap == NULL ? NULL : z_heap_aligned_alloc(heap, align, size);
}

void *k_malloc(size_t size)
{
	return k_aligned_alloc(0, size);
}

void *k_calloc(size_t nmemb, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		return NULL;
	}
	void *mem = k_malloc(bytes);

	if (mem != NULL) {
		memset(mem, 0, bytes);
	}
	return mem;
}

void k_free(void *ptr)
{
	if (ptr != NULL) {
		k_heap_free(hdr_of(ptr)->heap, hdr_of(ptr)->base);
	}
}

void *k_realloc(void *ptr, size_t size)
{
	if (ptr == NULL) {
		return k_malloc(size);
	}
	if (size == 0U) {
		k_free(ptr);
		return NULL;
	}
	struct block_hdr h = *hdr_of(ptr);
	size_t prefix = (size_t)((char *)ptr - (char *)h.base);
	size_t total;

	if (__builtin_add_overflow(size, prefix, &total)) {
		return NULL;
	}
	if (prefix == sizeof(struct block_hdr)) {
		/* Resized in place when the heap can: the header moves with the block. */
		char *base = k_heap_realloc(h.heap, h.base, total, K_NO_WAIT);

		if (base == NULL) {
			return NULL;
		}
		hdr_of(base + prefix)->base = base;
		return base + prefix;
	}
	/* A block aligned beyond the header: a new, plainly aligned one. */
	void *fresh = z_heap_aligned_alloc(h.heap, 0, size);

	if (fresh != NULL) {
		size_t had = sys_heap_usable_size(&h.heap->heap, h.base) - prefix;

		memcpy(fresh, ptr, had < size ? had : size);
		k_free(ptr);
	}
	return fresh;
}

void *z_thread_aligned_alloc(size_t align, size_t size)
{
	struct k_heap *heap = k_is_in_isr() ? system_heap() : _current->resource_pool;

	return heap == NULL ? NULL : z_heap_aligned_alloc(heap, align, size);
}

void k_thread_heap_assign(struct k_thread *thread, struct k_heap *heap)
{
	thread->resource_pool = heap;
}

void k_thread_system_pool_assign(struct k_thread *thread)
{
	thread->resource_pool = system_heap();
}
