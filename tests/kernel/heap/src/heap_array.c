/*
 * The heaps K_HEAP_DEFINE() makes are one array (k_heap_array_get()), the
 * system heap among them; a heap defined smaller than Z_HEAP_MIN_SIZE gets
 * that size, so that one small block fits (and only one).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

K_HEAP_DEFINE(array_heap_a, 256);
K_HEAP_DEFINE(array_heap_b, 512);
K_HEAP_DEFINE(one_byte_heap, 1);

extern struct k_heap _system_heap;

static bool in_array(struct k_heap *array, int n, struct k_heap *h)
{
	for (int i = 0; i < n; i++) {
		if (&array[i] == h) {
			return true;
		}
	}
	return false;
}

ZTEST_SUITE(heap_array, NULL, NULL, NULL, NULL, NULL);

ZTEST(heap_array, test_every_defined_heap_is_in_the_array) {
	struct k_heap *array = NULL;
	int n = k_heap_array_get(&array);

	zassert_true(n >= 4, "%d heaps", n);
	zassert_not_null(array);
	zassert_true(in_array(array, n, &array_heap_a));
	zassert_true(in_array(array, n, &array_heap_b));
	zassert_true(in_array(array, n, &one_byte_heap));
	zassert_true(in_array(array, n, &_system_heap));
}

ZTEST(heap_array, test_tiny_heap_holds_one_small_block) {
	char *p = k_heap_alloc(&one_byte_heap, 1, K_NO_WAIT);

	zassert_not_null(p, "a one-byte heap gives its byte");
	zassert_is_null(k_heap_alloc(&one_byte_heap, 1, K_NO_WAIT), "and only one block");
	*p = 0x5a;
	k_heap_free(&one_byte_heap, p);
	p = k_heap_alloc(&one_byte_heap, 1, K_NO_WAIT);
	zassert_not_null(p, "the block came back");
	k_heap_free(&one_byte_heap, p);
}
