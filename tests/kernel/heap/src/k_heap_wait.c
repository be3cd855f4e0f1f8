/*
 * k_heap with waiting: an allocation that does not fit waits until a free
 * makes room, or until its timeout (which a free that does not make enough
 * room does not restart); every waiter is woken to try again.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define WAITERS    2
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY
#define BLOCK      96
#define NOT_YET    ((void *)0x7eadbeef)

K_HEAP_DEFINE(small_heap, 512);

static struct k_thread threads[WAITERS];
static K_THREAD_STACK_ARRAY_DEFINE(stacks, WAITERS, STACK_SIZE);
static void *got[WAITERS];
static void *fill[16];
static int n_fill;

static void fill_heap(void)
{
	n_fill = 0;
	while (n_fill < 16 &&
	       (fill[n_fill] = k_heap_alloc(&small_heap, BLOCK, K_NO_WAIT)) != NULL) {
		n_fill++;
	}
	zassert_true(n_fill >= 3);
}

static void empty_heap(void *fixture)
{
	ARG_UNUSED(fixture);
	for (int i = 0; i < n_fill; i++) {
		k_heap_free(&small_heap, fill[i]);
	}
	n_fill = 0;
}

static void waiter(void *index, void *bytes, void *unused)
{
	ARG_UNUSED(unused);
	got[(intptr_t)index] = k_heap_alloc(&small_heap, (size_t)(uintptr_t)bytes, K_FOREVER);
}

static void start_waiter(int i, size_t bytes)
{
	got[i] = NOT_YET;
	k_thread_create(&threads[i], stacks[i], STACK_SIZE, waiter, (void *)(intptr_t)i,
			(void *)(uintptr_t)bytes, NULL, TEST_PRIO - 1, 0, K_NO_WAIT);
}

ZTEST_SUITE(k_heap_wait, NULL, NULL, NULL, empty_heap, NULL);

ZTEST(k_heap_wait, test_alloc_waits_for_a_free) {
	fill_heap();
	start_waiter(0, BLOCK);
	zassert_equal(got[0], NOT_YET, "the waiter got memory from a full heap");
	void *freed = fill[--n_fill];

	k_heap_free(&small_heap, freed);
	zassert_equal(k_thread_join(&threads[0], K_FOREVER), 0);
	zassert_equal(got[0], freed);
	fill[n_fill++] = got[0];
}

ZTEST(k_heap_wait, test_every_waiter_is_woken) {
	fill_heap();
	start_waiter(0, BLOCK);
	start_waiter(1, BLOCK);
	k_heap_free(&small_heap, fill[--n_fill]); /* room for one: the other waits again */
	k_msleep(1);
	zassert_true((got[0] == NOT_YET) != (got[1] == NOT_YET), "exactly one got memory");
	k_heap_free(&small_heap, fill[--n_fill]);
	for (int i = 0; i < WAITERS; i++) {
		zassert_equal(k_thread_join(&threads[i], K_FOREVER), 0);
		zassert_not_null(got[i]);
		zassert_not_equal(got[i], NOT_YET);
		fill[n_fill++] = got[i];
	}
}

ZTEST(k_heap_wait, test_timeout) {
	fill_heap();
	int64_t start = k_uptime_get();

	zassert_is_null(k_heap_alloc(&small_heap, BLOCK, K_MSEC(10)));
	int64_t took = k_uptime_get() - start;

	zassert_true(took >= 10 && took < 20, "waited %d ms", (int)took);
	zassert_is_null(k_heap_alloc(&small_heap, BLOCK, K_NO_WAIT));
}

static void free_small_later(void *block, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_msleep(5);
	k_heap_free(&small_heap, block);
}

/* A free that does not make enough room wakes the waiter, which keeps its deadline. */
ZTEST(k_heap_wait, test_too_small_free_keeps_the_deadline) {
	fill_heap();
	void *small = fill[--n_fill];

	k_thread_create(&threads[0], stacks[0], STACK_SIZE, free_small_later, small, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	int64_t start = k_uptime_get();

	zassert_is_null(k_heap_alloc(&small_heap, 2 * BLOCK + 64, K_MSEC(15)));
	int64_t took = k_uptime_get() - start;

	zassert_true(took >= 15 && took < 25, "waited %d ms", (int)took);
	zassert_equal(k_thread_join(&threads[0], K_FOREVER), 0);
}

ZTEST(k_heap_wait, test_realloc_waits_for_room) {
	fill_heap();
	void *last = fill[n_fill - 1];
	void *before = fill[n_fill - 2];

	/* Free the block after the one to grow, a little later: it then grows in place. */
	n_fill--;
	k_thread_create(&threads[0], stacks[0], STACK_SIZE, free_small_later, last, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	void *grown = k_heap_realloc(&small_heap, before, 2 * BLOCK, K_MSEC(100));

	zassert_not_null(grown);
	fill[n_fill - 1] = grown;
	zassert_equal(k_thread_join(&threads[0], K_FOREVER), 0);
}
