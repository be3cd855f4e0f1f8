/*
 * k_heap without waiting: K_HEAP_DEFINE is ready at boot, allocations are
 * aligned and disjoint, calloc zeroes and refuses overflowing products,
 * realloc keeps contents and follows the NULL / 0 conventions, and every
 * block given back makes room again.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define HEAP_SIZE 2048

K_HEAP_DEFINE(defined_heap, HEAP_SIZE);

static char __aligned(8) run_time_mem[1024];
static struct k_heap run_time_heap;

static void check_empty(struct k_heap *h)
{
	struct sys_memory_stats st;

	zassert_true(sys_heap_validate(&h->heap));
	sys_heap_runtime_stats_get(&h->heap, &st);
	zassert_equal(st.allocated_bytes, 0);
}

ZTEST_SUITE(k_heap_basic, NULL, NULL, NULL, NULL, NULL);

ZTEST(k_heap_basic, test_defined_heap_ready_at_boot) {
	void *p = k_heap_alloc(&defined_heap, 100, K_NO_WAIT);

	zassert_not_null(p);
	zassert_equal((uintptr_t)p % sizeof(void *), 0);
	k_heap_free(&defined_heap, p);
	check_empty(&defined_heap);
}

ZTEST(k_heap_basic, test_fill_and_empty) {
	void *blocks[64];
	int n = 0;

	k_heap_init(&run_time_heap, run_time_mem, sizeof(run_time_mem));
	while (n < 64 && (blocks[n] = k_heap_alloc(&run_time_heap, 40, K_NO_WAIT)) != NULL) {
		memset(blocks[n], n, 40);
		n++;
	}
	zassert_true(n > 10 && n < 64, "%d blocks of 40 in 1 KiB", n);
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < 40; j++) {
			zassert_equal(((unsigned char *)blocks[i])[j], i, "blocks overlap");
		}
	}
	zassert_is_null(k_heap_alloc(&run_time_heap, 40, K_NO_WAIT));
	k_heap_free(&run_time_heap, blocks[n / 2]);
	zassert_equal(k_heap_alloc(&run_time_heap, 40, K_NO_WAIT), blocks[n / 2]);
	for (int i = 0; i < n; i++) {
		k_heap_free(&run_time_heap, blocks[i]);
	}
	check_empty(&run_time_heap);
	/* Everything merged back: one block of nearly the whole region fits. */
	void *big = k_heap_alloc(&run_time_heap, sizeof(run_time_mem) - 64, K_NO_WAIT);

	zassert_not_null(big);
	k_heap_free(&run_time_heap, big);
	k_heap_free(&run_time_heap, NULL);
	check_empty(&run_time_heap);
}

ZTEST(k_heap_basic, test_aligned) {
	for (size_t align = 4; align <= 256; align <<= 1) {
		void *p = k_heap_aligned_alloc(&defined_heap, align, 24, K_NO_WAIT);

		zassert_not_null(p);
		zassert_equal((uintptr_t)p % align, 0, "alignment %u", (unsigned int)align);
		k_heap_free(&defined_heap, p);
	}
	zassert_is_null(k_heap_aligned_alloc(&defined_heap, 12, 24, K_NO_WAIT),
			"12: not a power of two");
	check_empty(&defined_heap);
}

ZTEST(k_heap_basic, test_calloc) {
	unsigned char *p = k_heap_alloc(&defined_heap, 64, K_NO_WAIT);

	memset(p, 0xff, 64);
	k_heap_free(&defined_heap, p);
	unsigned char *z = k_heap_calloc(&defined_heap, 16, 4, K_NO_WAIT);

	zassert_not_null(z);
	for (int i = 0; i < 64; i++) {
		zassert_equal(z[i], 0);
	}
	k_heap_free(&defined_heap, z);
	zassert_is_null(k_heap_calloc(&defined_heap, SIZE_MAX / 2, 4, K_NO_WAIT), "overflow");
	zassert_is_null(k_heap_alloc(&defined_heap, SIZE_MAX, K_NO_WAIT));
	zassert_is_null(k_heap_alloc(&defined_heap, HEAP_SIZE, K_MSEC(1)), "can never fit");
	check_empty(&defined_heap);
}

ZTEST(k_heap_basic, test_realloc) {
	char *p = k_heap_realloc(&defined_heap, NULL, 16, K_NO_WAIT);

	zassert_not_null(p);
	strcpy(p, "breeze heap");
	char *q = k_heap_realloc(&defined_heap, p, 600, K_NO_WAIT);

	zassert_not_null(q);
	zassert_str_equal(q, "breeze heap");
	zassert_is_null(k_heap_realloc(&defined_heap, q, HEAP_SIZE, K_NO_WAIT));
	zassert_str_equal(q, "breeze heap", "a failed realloc keeps the block");
	zassert_is_null(k_heap_realloc(&defined_heap, q, 0, K_NO_WAIT), "0 bytes: freed");
	check_empty(&defined_heap);
}
