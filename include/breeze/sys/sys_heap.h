/*
 * A small general-purpose allocator over a caller-provided region (Zephyr's
 * sys_heap API). It knows nothing of threads or locks: k_heap adds both.
 *
 * Layout: the region is cut into chunks, each starting with a two-word header
 * (its size, with bit 0 set while allocated, and the size of the chunk before
 * it). A free chunk also holds the links of a doubly linked free list in its
 * first payload words. Chunk sizes are multiples of SYS_HEAP_GRANULE (two
 * words: 8 bytes on a 32-bit target), so every payload is aligned to it.
 *
 * Bounds:
 * - allocation walks the free list, first fit: O(free chunks), and at most
 *   (region size / minimum chunk) steps;
 * - free is O(1): the header gives the chunk, the neighbours' headers say
 *   whether they are free, and free neighbours merge at once, so no two free
 *   chunks are ever adjacent;
 * - each block costs one header (SYS_HEAP_GRANULE bytes) plus rounding up to
 *   the granule; the smallest chunk is two granules;
 * - an aligned allocation may leave a free chunk before the block, of at least
 *   the minimum chunk size, and uses first fit the same way;
 * - realloc grows in place into a free next chunk, shrinks in place, and
 *   otherwise allocates, copies and frees.
 * Free and bad pointers are not detected beyond assertions: the caller owns
 * the blocks it was given.
 */
#ifndef BREEZE_SYS_SYS_HEAP_H
#define BREEZE_SYS_SYS_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SYS_HEAP_GRANULE (2U * sizeof(size_t))

struct sys_heap_chunk;

struct sys_heap {
	struct sys_heap_chunk *first; /* the first chunk of the region */
	struct sys_heap_chunk *end;   /* the end marker: an allocated chunk of size 0 */
	struct sys_heap_chunk *free_list;
	size_t allocated_bytes; /* payload bytes of allocated chunks */
	size_t max_allocated_bytes;
	size_t total_bytes; /* payload bytes of all chunks when the heap is empty */
};

struct sys_memory_stats {
	size_t free_bytes;
	size_t allocated_bytes;
	size_t max_allocated_bytes;
};

/*
 * Use [mem, mem + bytes) as the heap. The region is trimmed to the granule;
 * a region too small for one chunk gives a heap every allocation fails on.
 */
void sys_heap_init(struct sys_heap *heap, void *mem, size_t bytes);

/* A block of at least @bytes, aligned to SYS_HEAP_GRANULE; NULL if none (or @bytes is 0). */
void *sys_heap_alloc(struct sys_heap *heap, size_t bytes);

/* The same, aligned to @align (a power of two; 0 means the granule). NULL otherwise. */
void *sys_heap_aligned_alloc(struct sys_heap *heap, size_t align, size_t bytes);

/* Give back a block (NULL is ignored). */
void sys_heap_free(struct sys_heap *heap, void *mem);

/*
 * Resize a block to @bytes, keeping its contents up to the smaller size: the
 * same or a new pointer; NULL if there is no room, the block being left as it
 * was. A NULL @ptr allocates; a @bytes of 0 frees and returns NULL.
 */
void *sys_heap_realloc(struct sys_heap *heap, void *ptr, size_t bytes);

/* The same, the result aligned to @align. */
void *sys_heap_aligned_realloc(struct sys_heap *heap, void *ptr, size_t align, size_t bytes);

/* Bytes the block @mem may really use (at least what was asked). */
size_t sys_heap_usable_size(struct sys_heap *heap, void *mem);

/* Free and allocated payload bytes, and the most ever allocated at once: 0. */
int sys_heap_runtime_stats_get(struct sys_heap *heap, struct sys_memory_stats *stats);

/*
 * Walk the whole heap and check its invariants (chunk sizes tile the region,
 * each header's previous size matches, no two free chunks are adjacent, the
 * free list holds exactly the free chunks, the byte counts add up). For
 * tests: O(chunks * free chunks).
 */
bool sys_heap_validate(struct sys_heap *heap);

#endif /* BREEZE_SYS_SYS_HEAP_H */
