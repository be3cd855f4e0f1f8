/*
 * Host tests of the allocator (lib/heap/sys_heap.c): tiny and odd regions,
 * fragmentation and coalescing in every neighbour order, alignment, realloc in
 * place and by moving, and a long random run of alloc/realloc/free checked
 * against a model (every live block keeps its own byte pattern, so an overlap
 * shows as a corrupted pattern) with the heap's invariants validated as it
 * goes.
 */
#include <breeze/sys/sys_heap.h> /* first: the header must be self-contained */

#include <stdio.h>
#include <string.h>

#include "check.h"

#define G SYS_HEAP_GRANULE

static _Alignas(64) unsigned char region[16384];

static size_t free_bytes(struct sys_heap *h)
{
	struct sys_memory_stats st;

	CHECK_EQ(sys_heap_runtime_stats_get(h, &st), 0);
	return st.free_bytes;
}

/* An empty heap is one free chunk: its payload is the whole region less two headers. */
static void check_empty(struct sys_heap *h)
{
	CHECK(sys_heap_validate(h));
	CHECK_EQ(free_bytes(h), h->total_bytes);
	CHECK_EQ(h->allocated_bytes, 0);
}

static void test_small_regions(void)
{
	struct sys_heap h;

	sys_heap_init(&h, region, 0);
	CHECK(sys_heap_validate(&h));
	CHECK(sys_heap_alloc(&h, 1) == NULL);

	sys_heap_init(&h, region, 3 * G - 1); /* below one chunk and the end marker */
	CHECK(sys_heap_validate(&h));
	CHECK(sys_heap_alloc(&h, 1) == NULL);

	sys_heap_init(&h, region + 1, 4 * G - 1); /* misaligned: trimmed to exactly 3 granules */
	CHECK(sys_heap_validate(&h));
	void *p = sys_heap_alloc(&h, G);

	CHECK(p != NULL);
	CHECK_EQ((uintptr_t)p % G, 0);
	CHECK(sys_heap_alloc(&h, 1) == NULL);
	sys_heap_free(&h, p);
	check_empty(&h);
	CHECK(sys_heap_alloc(&h, G + 1) == NULL); /* larger than the only chunk */
}

static void test_zero_and_huge(void)
{
	struct sys_heap h;

	sys_heap_init(&h, region, sizeof(region));
	CHECK(sys_heap_alloc(&h, 0) == NULL);
	CHECK(sys_heap_alloc(&h, SIZE_MAX) == NULL);
	CHECK(sys_heap_alloc(&h, SIZE_MAX - G) == NULL);
	CHECK(sys_heap_alloc(&h, sizeof(region)) == NULL);
	CHECK(sys_heap_aligned_alloc(&h, 24, 8) == NULL); /* not a power of two */
	sys_heap_free(&h, NULL);
	check_empty(&h);
	/* The whole payload in one block. */
	void *all = sys_heap_alloc(&h, h.total_bytes);

	CHECK(all != NULL);
	CHECK(sys_heap_alloc(&h, 1) == NULL);
	CHECK_EQ(sys_heap_usable_size(&h, all), h.total_bytes);
	sys_heap_free(&h, all);
	check_empty(&h);
}

/* Free three neighbours in each of the six orders: always back to one chunk. */
static void test_coalescing(void)
{
	static const int orders[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
					  { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
	struct sys_heap h;

	sys_heap_init(&h, region, 1024);
	for (int o = 0; o < 6; o++) {
		void *b[4];

		for (int i = 0; i < 4; i++) {
			b[i] = sys_heap_alloc(&h, 100);
			CHECK(b[i] != NULL);
		}
		for (int i = 0; i < 3; i++) {
			sys_heap_free(&h, b[orders[o][i]]);
			CHECK(sys_heap_validate(&h));
		}
		/* The three freed blocks merged: room for one block of their size together. */
		void *big = sys_heap_alloc(&h, 3 * sys_heap_usable_size(&h, b[3]));

		CHECK(big != NULL);
		CHECK(big == b[0]);
		sys_heap_free(&h, big);
		sys_heap_free(&h, b[3]);
		check_empty(&h);
	}
}

/* Holes that add up to enough but are never adjacent do not serve a large request. */
static void test_fragmentation(void)
{
	struct sys_heap h;
	void *b[16];
	int n = 0;

	sys_heap_init(&h, region, 1024);
	while (n < 16 && (b[n] = sys_heap_alloc(&h, 48)) != NULL) {
		n++;
	}
	CHECK(n >= 8);
	for (int i = 0; i < n; i += 2) {
		sys_heap_free(&h, b[i]);
	}
	CHECK(sys_heap_validate(&h));
	CHECK(free_bytes(&h) >= 3 * 48);
	CHECK(sys_heap_alloc(&h, 3 * 48) == NULL);
	/* Small ones still fit in the holes. */
	void *s = sys_heap_alloc(&h, 40);

	CHECK(s != NULL);
	sys_heap_free(&h, s);
	for (int i = 1; i < n; i += 2) {
		sys_heap_free(&h, b[i]);
	}
	check_empty(&h);
	CHECK(sys_heap_alloc(&h, 3 * 48) != NULL);
}

static void test_alignment(void)
{
	struct sys_heap h;

	for (size_t align = 1; align <= 2048; align <<= 1) {
		sys_heap_init(&h, region + G, 8192); /* a start not aligned to large powers */
		void *b[8];
		int n = 0;

		for (int i = 0; i < 8; i++) {
			b[i] = sys_heap_aligned_alloc(&h, align, 1 + (size_t)i * 13);
			if (b[i] == NULL) {
				break;
			}
			n++;
			CHECK_EQ((uintptr_t)b[i] % (align < G ? G : align), 0);
			memset(b[i], 0xa5, 1 + (size_t)i * 13);
			CHECK(sys_heap_validate(&h));
		}
		CHECK(n >= (align <= 512 ? 8 : 2));
		for (int i = n - 1; i >= 0; i--) {
			sys_heap_free(&h, b[i]);
		}
		check_empty(&h);
	}
}

static void fill(unsigned char *p, size_t n, unsigned char seed)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (unsigned char)(seed + i * 7U);
	}
}

static bool intact(const unsigned char *p, size_t n, unsigned char seed)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != (unsigned char)(seed + i * 7U)) {
			return false;
		}
	}
	return true;
}

static void test_realloc(void)
{
	struct sys_heap h;

	sys_heap_init(&h, region, 2048);
	CHECK(sys_heap_realloc(&h, NULL, 0) == NULL);
	unsigned char *a = sys_heap_realloc(&h, NULL, 64); /* NULL: an allocation */

	CHECK(a != NULL);
	fill(a, 64, 1);
	/* Grows in place into the free chunk after it. */
	unsigned char *a2 = sys_heap_realloc(&h, a, 200);

	CHECK(a2 == a);
	CHECK(intact(a2, 64, 1));
	CHECK(sys_heap_validate(&h));
	/* Shrinks in place and gives the tail back. */
	a2 = sys_heap_realloc(&h, a, 32);
	CHECK(a2 == a);
	CHECK(intact(a2, 32, 1));
	CHECK(sys_heap_validate(&h));
	/* A block right after it: growing must move, keeping the contents. */
	unsigned char *b = sys_heap_alloc(&h, 32);

	CHECK(b != NULL);
	fill(b, 32, 9);
	unsigned char *a3 = sys_heap_realloc(&h, a, 300);

	CHECK(a3 != NULL && a3 != a);
	CHECK(intact(a3, 32, 1));
	CHECK(intact(b, 32, 9));
	CHECK(sys_heap_validate(&h));
	/* No room: NULL, and the block is left as it was. */
	CHECK(sys_heap_realloc(&h, a3, 4096) == NULL);
	CHECK(intact(a3, 32, 1));
	CHECK(sys_heap_validate(&h));
	/* An aligned realloc of a block not so aligned moves it. */
	unsigned char *a4 = sys_heap_aligned_realloc(&h, a3, 256, 40);

	CHECK(a4 != NULL && (uintptr_t)a4 % 256 == 0);
	CHECK(intact(a4, 32, 1));
	/* Size 0 frees. */
	CHECK(sys_heap_realloc(&h, a4, 0) == NULL);
	sys_heap_free(&h, b);
	check_empty(&h);
}

/* Random alloc/realloc/free against a model, invariants checked all along. */
#define LIVE_MAX     64
#define RANDOM_STEPS 200000

struct live {
	unsigned char *p;
	size_t n;
	unsigned char seed;
};

static void test_random(void)
{
	struct sys_heap h;
	struct live live[LIVE_MAX] = { 0 };
	unsigned long allocs = 0, fails = 0;

	check_rng_seed(0x4EA9F00DULL);
	sys_heap_init(&h, region + 3 * G, sizeof(region) - 3 * G);
	for (unsigned long step = 0; step < RANDOM_STEPS; step++) {
		struct live *l = &live[check_rng_below(LIVE_MAX)];
		uint32_t op = check_rng_below(10);

		check_set_context("step", step);
		if (l->p != NULL && op < 4) {
			CHECK(intact(l->p, l->n, l->seed));
			sys_heap_free(&h, l->p);
			l->p = NULL;
		} else if (l->p != NULL && op < 6) {
			size_t n = 1 + check_rng_below(check_rng_below(4) == 0 ? 2000 : 200);
			unsigned char *q = sys_heap_realloc(&h, l->p, n);

			if (q != NULL) {
				size_t keep = n < l->n ? n : l->n;

				CHECK(intact(q, keep, l->seed));
				l->p = q;
				l->n = n;
				fill(q, n, l->seed);
			} else {
				CHECK(intact(l->p, l->n, l->seed));
				fails++;
			}
		} else if (l->p == NULL) {
			size_t n = 1 + check_rng_below(check_rng_below(4) == 0 ? 2000 : 200);
			size_t align = op == 9 ? (size_t)1 << check_rng_below(10) : 0;
			unsigned char *q = align != 0 ? sys_heap_aligned_alloc(&h, align, n)
						      : sys_heap_alloc(&h, n);

			if (q != NULL) {
				CHECK_EQ((uintptr_t)q % (align > G ? align : G), 0);
				CHECK(sys_heap_usable_size(&h, q) >= n);
				l->p = q;
				l->n = n;
				l->seed = (unsigned char)step;
				fill(q, n, l->seed);
				allocs++;
			} else {
				fails++;
			}
		}
		if (step % 64 == 0) {
			CHECK(sys_heap_validate(&h));
			for (int i = 0; i < LIVE_MAX; i++) {
				if (live[i].p != NULL) {
					CHECK(intact(live[i].p, live[i].n, live[i].seed));
				}
			}
		}
	}
	check_set_context(NULL, 0);
	for (int i = 0; i < LIVE_MAX; i++) {
		if (live[i].p != NULL) {
			CHECK(intact(live[i].p, live[i].n, live[i].seed));
			sys_heap_free(&h, live[i].p);
		}
	}
	check_empty(&h);
	CHECK(h.max_allocated_bytes > sizeof(region) / 2);
	/* The run must have exercised both outcomes. */
	CHECK(allocs > 1000);
	CHECK(fails > 100);
	printf("random: %lu allocations, %lu refused\n", allocs, fails);
}

int main(void)
{
	test_small_regions();
	test_zero_and_huge();
	test_coalescing();
	test_fragmentation();
	test_alignment();
	test_realloc();
	test_random();
	return check_done("sys_heap");
}
