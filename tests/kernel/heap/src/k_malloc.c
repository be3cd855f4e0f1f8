/*
 * The system heap (CONFIG_HEAP_MEM_POOL_SIZE=4096 here): k_malloc and
 * friends, exhaustion, k_free of every kind of block, k_realloc keeping
 * contents (also of an over-aligned block).
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

ZTEST_SUITE(k_malloc, NULL, NULL, NULL, NULL, NULL);

ZTEST(k_malloc, test_malloc_until_full) {
	void *b[64];
	int n = 0;

	while (n < 64 && (b[n] = k_malloc(128)) != NULL) {
		zassert_equal((uintptr_t)b[n] % sizeof(void *), 0);
		memset(b[n], n, 128);
		n++;
	}
	zassert_true(n >= 20 && n < 32, "%d blocks of 128 from 4 KiB", n);
	for (int i = 0; i < n; i++) {
		zassert_equal(((unsigned char *)b[i])[127], i, "blocks overlap");
		k_free(b[i]);
	}
	/* All back: the same number fits again. */
	for (int i = 0; i < n; i++) {
		b[i] = k_malloc(128);
		zassert_not_null(b[i]);
	}
	for (int i = 0; i < n; i++) {
		k_free(b[i]);
	}
	k_free(NULL);
	zassert_is_null(k_malloc(CONFIG_HEAP_MEM_POOL_SIZE));
	zassert_is_null(k_malloc(SIZE_MAX - 4));
}

ZTEST(k_malloc, test_calloc) {
	unsigned int *p = k_calloc(32, sizeof(unsigned int));

	zassert_not_null(p);
	for (int i = 0; i < 32; i++) {
		zassert_equal(p[i], 0);
	}
	k_free(p);
	zassert_is_null(k_calloc(SIZE_MAX / 8, 16), "overflowing product");
}

ZTEST(k_malloc, test_aligned_alloc) {
	for (size_t align = 1; align <= 512; align <<= 1) {
		void *p = k_aligned_alloc(align, 10);

		zassert_not_null(p);
		zassert_equal((uintptr_t)p % align, 0);
		k_free(p);
	}
	zassert_is_null(k_aligned_alloc(3, 10));
}

ZTEST(k_malloc, test_realloc) {
	char *p = k_realloc(NULL, 8);

	zassert_not_null(p);
	strcpy(p, "abcdefg");
	p = k_realloc(p, 1000);
	zassert_not_null(p);
	zassert_str_equal(p, "abcdefg");
	zassert_is_null(k_realloc(p, 8192), "no room");
	zassert_str_equal(p, "abcdefg", "kept after a failed realloc");
	p = k_realloc(p, 4);
	zassert_not_null(p);
	zassert_mem_equal(p, "abcd", 4);
	zassert_is_null(k_realloc(p, 0));

	char *a = k_aligned_alloc(64, 16);

	zassert_not_null(a);
	memcpy(a, "0123456789abcdef", 16);
	char *b = k_realloc(a, 300);

	zassert_not_null(b);
	zassert_mem_equal(b, "0123456789abcdef", 16);
	k_free(b);
}
