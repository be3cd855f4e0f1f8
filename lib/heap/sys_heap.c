/*
 * The allocator behind k_heap and k_malloc: first fit over a free list of
 * chunks with boundary tags (see <breeze/sys/sys_heap.h> for the layout and
 * the bounds). Plain computation on the caller's memory: the same file builds
 * for the host tests.
 */
#include <string.h>
#include <breeze/sys/sys_heap.h>

struct sys_heap_chunk {
	size_t size;      /* bytes of the chunk, header included; USED while allocated */
	size_t prev_size; /* bytes of the chunk just before it, 0 for the first */
	/* Only in free chunks (their payload): the free list. */
	struct sys_heap_chunk *next_free;
	struct sys_heap_chunk *prev_free;
};

#define USED      ((size_t)1)
#define HDR       SYS_HEAP_GRANULE
#define G         SYS_HEAP_GRANULE
#define MIN_CHUNK (2U * SYS_HEAP_GRANULE)

_Static_assert(offsetof(struct sys_heap_chunk, next_free) == HDR, "header is two words");
_Static_assert(sizeof(struct sys_heap_chunk) <= MIN_CHUNK, "free links fit the smallest chunk");

static size_t csize(const struct sys_heap_chunk *c)
{
	return c->size & ~USED;
}

static bool is_used(const struct sys_heap_chunk *c)
{
	return (c->size & USED) != 0U;
}

static struct sys_heap_chunk *at(void *base, size_t offset)
{
	return (struct sys_heap_chunk *)((char *)base + offset);
}

static struct sys_heap_chunk *next_chunk(struct sys_heap_chunk *c)
{
	return at(c, csize(c));
}

static struct sys_heap_chunk *prev_chunk(struct sys_heap_chunk *c)
{
	return (struct sys_heap_chunk *)((char *)c - c->prev_size);
}

static void *payload(struct sys_heap_chunk *c)
{
	return (char *)c + HDR;
}

static struct sys_heap_chunk *chunk_of(void *mem)
{
	return (struct sys_heap_chunk *)((char *)mem - HDR);
}

/* The chunk size holding @bytes of payload; 0 when it cannot be represented. */
static size_t chunk_size_for(size_t bytes)
{
	if (bytes > SIZE_MAX - HDR - G) {
		return 0;
	}
	size_t need = (bytes + HDR + G - 1U) & ~(G - 1U);

	return need < MIN_CHUNK ? MIN_CHUNK : need;
}

static void list_insert(struct sys_heap *h, struct sys_heap_chunk *c)
{
	c->prev_free = NULL;
	c->next_free = h->free_list;
	if (h->free_list != NULL) {
		h->free_list->prev_free = c;
	}
	h->free_list = c;
}

static void list_remove(struct sys_heap *h, struct sys_heap_chunk *c)
{
	if (c->prev_free != NULL) {
		c->prev_free->next_free = c->next_free;
	} else {
		h->free_list = c->next_free;
	}
	if (c->next_free != NULL) {
		c->next_free->prev_free = c->prev_free;
	}
}

/* Set @c's size (keeping its USED bit) and tell the next chunk. */
static void set_size(struct sys_heap_chunk *c, size_t size)
{
	c->size = size | (c->size & USED);
	next_chunk(c)->prev_size = size;
}

/*
 * @c is free and in no list: merge it with free neighbours and list the
 * result. This keeps "no two free chunks are adjacent".
 */
static void release_chunk(struct sys_heap *h, struct sys_heap_chunk *c)
{
	struct sys_heap_chunk *n = next_chunk(c);

	if (!is_used(n)) {
		list_remove(h, n);
		set_size(c, csize(c) + csize(n));
	}
	if (c != h->first) {
		struct sys_heap_chunk *p = prev_chunk(c);

		if (!is_used(p)) {
			list_remove(h, p);
			set_size(p, csize(p) + csize(c));
			c = p;
		}
	}
	list_insert(h, c);
}

/* Cut @c (allocated) down to @need bytes when the rest makes a chunk of its own. */
static void split_tail(struct sys_heap *h, struct sys_heap_chunk *c, size_t need)
{
	size_t rest = csize(c) - need;

	if (rest < MIN_CHUNK) {
		return;
	}
	struct sys_heap_chunk *t = at(c, need);

	t->size = rest;
	t->prev_size = need;
	next_chunk(t)->prev_size = rest;
	c->size = need | USED;
	release_chunk(h, t);
}

void sys_heap_init(struct sys_heap *heap, void *mem, size_t bytes)
{
	uintptr_t start = ((uintptr_t)mem + G - 1U) & ~(uintptr_t)(G - 1U);
	uintptr_t end = ((uintptr_t)mem + bytes) & ~(uintptr_t)(G - 1U);

	memset(heap, 0, sizeof(*heap));
	if ((uintptr_t)mem + bytes < (uintptr_t)mem || end < start ||
	    end - start < MIN_CHUNK + HDR) {
		return; /* too small: first and end stay NULL, every allocation fails */
	}
	struct sys_heap_chunk *first = (struct sys_heap_chunk *)start;
	struct sys_heap_chunk *marker = (struct sys_heap_chunk *)(end - HDR);

	first->size = (size_t)((uintptr_t)marker - start);
	first->prev_size = 0;
	marker->size = USED; /* size 0, never free: no chunk merges past it */
	marker->prev_size = first->size;
	heap->first = first;
	heap->end = marker;
	heap->total_bytes = first->size - HDR;
	list_insert(heap, first);
}

/* Where the payload of a block aligned to @align would start inside free chunk @c. */
static size_t lead_gap(struct sys_heap_chunk *c, size_t align)
{
	uintptr_t p = (uintptr_t)payload(c);
	uintptr_t ap = (p + align - 1U) & ~(uintptr_t)(align - 1U);

	if (ap != p && ap - p < MIN_CHUNK) {
		/* The gap must hold a free chunk of its own. */
		ap = (p + MIN_CHUNK + align - 1U) & ~(uintptr_t)(align - 1U);
	}
	return (size_t)(ap - p);
}

void *sys_heap_aligned_alloc(struct sys_heap *heap, size_t align, size_t bytes)
{
	size_t need = chunk_size_for(bytes);

	if (align < G) {
		align = G;
	}
	if (bytes == 0U || need == 0U || (align & (align - 1U)) != 0U) {
		return NULL;
	}
	for (struct sys_heap_chunk *c = heap->free_list; c != NULL; c = c->next_free) {
		size_t size = csize(c);

		if (size < need) {
			continue;
		}
		size_t gap = align == G ? 0U : lead_gap(c, align);

		if (gap > size || size - gap < need) {
			continue;
		}
		list_remove(heap, c);
		if (gap != 0U) {
			/* The lead stays free; its neighbour before is allocated. */
			struct sys_heap_chunk *b = at(c, gap);

			b->size = size - gap;
			b->prev_size = gap;
			next_chunk(b)->prev_size = size - gap;
			c->size = gap;
			list_insert(heap, c);
			c = b;
		}
		c->size |= USED;
		split_tail(heap, c, need);
		heap->allocated_bytes += csize(c) - HDR;
		if (heap->allocated_bytes > heap->max_allocated_bytes) {
			heap->max_allocated_bytes = heap->allocated_bytes;
		}
		return payload(c);
	}
	return NULL;
}

void *sys_heap_alloc(struct sys_heap *heap, size_t bytes)
{
	return sys_heap_aligned_alloc(heap, G, bytes);
}

void sys_heap_free(struct sys_heap *heap, void *mem)
{
	if (mem == NULL) {
		return;
	}
	struct sys_heap_chunk *c = chunk_of(mem);

	heap->allocated_bytes -= csize(c) - HDR;
	c->size &= ~USED;
	release_chunk(heap, c);
}

size_t sys_heap_usable_size(struct sys_heap *heap, void *mem)
{
	(void)heap;
	return mem == NULL ? 0U : csize(chunk_of(mem)) - HDR;
}

void *sys_heap_aligned_realloc(struct sys_heap *heap, void *ptr, size_t align, size_t bytes)
{
	if (ptr == NULL) {
		return sys_heap_aligned_alloc(heap, align, bytes);
	}
	if (bytes == 0U) {
		sys_heap_free(heap, ptr);
		return NULL;
	}
	if (align < G) {
		align = G;
	}
	struct sys_heap_chunk *c = chunk_of(ptr);
	size_t need = chunk_size_for(bytes);
	size_t old = csize(c);

	if (need == 0U || (align & (align - 1U)) != 0U) {
		return NULL;
	}
	if (((uintptr_t)ptr & (align - 1U)) == 0U) {
		struct sys_heap_chunk *n = next_chunk(c);

		if (need > old && !is_used(n) && old + csize(n) >= need) {
			list_remove(heap, n);
			set_size(c, old + csize(n));
		}
		if (need <= csize(c)) {
			split_tail(heap, c, need);
			heap->allocated_bytes = (heap->allocated_bytes + csize(c)) - old;
			if (heap->allocated_bytes > heap->max_allocated_bytes) {
				heap->max_allocated_bytes = heap->allocated_bytes;
			}
			return ptr;
		}
	}
	void *fresh = sys_heap_aligned_alloc(heap, align, bytes);

	if (fresh != NULL) {
		size_t keep = old - HDR;

		memcpy(fresh, ptr, keep < bytes ? keep : bytes);
		sys_heap_free(heap, ptr);
	}
	return fresh;
}

void *sys_heap_realloc(struct sys_heap *heap, void *ptr, size_t bytes)
{
	return sys_heap_aligned_realloc(heap, ptr, G, bytes);
}

int sys_heap_runtime_stats_get(struct sys_heap *heap, struct sys_memory_stats *stats)
{
	size_t free_bytes = 0;

	for (struct sys_heap_chunk *c = heap->free_list; c != NULL; c = c->next_free) {
		free_bytes += csize(c) - HDR;
	}
	stats->free_bytes = free_bytes;
	stats->allocated_bytes = heap->allocated_bytes;
	stats->max_allocated_bytes = heap->max_allocated_bytes;
	return 0;
}

static bool in_heap(const struct sys_heap *h, const struct sys_heap_chunk *c)
{
	return (uintptr_t)c >= (uintptr_t)h->first && (uintptr_t)c < (uintptr_t)h->end &&
	       ((uintptr_t)c & (G - 1U)) == 0U;
}

bool sys_heap_validate(struct sys_heap *heap)
{
	if (heap->first == NULL) {
		return heap->end == NULL && heap->free_list == NULL && heap->allocated_bytes == 0U;
	}
	size_t span = (size_t)((uintptr_t)heap->end - (uintptr_t)heap->first);
	size_t prev = 0, n_free = 0, used_payload = 0, walked = 0;
	bool prev_free = false;
	struct sys_heap_chunk *c = heap->first;

	while (c != heap->end) {
		size_t s = csize(c);

		if (!in_heap(heap, c) || s < MIN_CHUNK || (s & (G - 1U)) != 0U ||
		    s > (size_t)((uintptr_t)heap->end - (uintptr_t)c) || c->prev_size != prev ||
		    (c->size & (G - 1U) & ~USED) != 0U) {
			return false;
		}
		if (!is_used(c)) {
			if (prev_free) {
				return false; /* two free neighbours: a missed merge */
			}
			n_free++;
		} else {
			used_payload += s - HDR;
		}
		prev_free = !is_used(c);
		prev = s;
		walked += s;
		c = next_chunk(c);
	}
	if (walked != span || heap->end->size != USED || heap->end->prev_size != prev ||
	    used_payload != heap->allocated_bytes || heap->total_bytes != span - HDR) {
		return false;
	}
	/* The list holds exactly the free chunks, each once (bounded walk). */
	size_t listed = 0;
	struct sys_heap_chunk *back = NULL;

	for (c = heap->free_list; c != NULL; c = c->next_free) {
		if (!in_heap(heap, c) || is_used(c) || c->prev_free != back || ++listed > n_free) {
			return false;
		}
		back = c;
	}
	return listed == n_free;
}
