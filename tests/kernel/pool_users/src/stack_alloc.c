/*
 * k_stack_alloc_init(): the entries come from the caller's resource pool,
 * -ENOMEM without one or without room; k_stack_cleanup() gives them back and
 * leaves a stack that holds and takes nothing.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

K_HEAP_DEFINE(s_pool, 256);

static struct k_stack st;

static size_t pool_allocated(void)
{
	struct sys_memory_stats stats;

	sys_heap_runtime_stats_get(&s_pool.heap, &stats);
	return stats.allocated_bytes;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_thread_heap_assign(k_current_get(), NULL);
}

ZTEST_SUITE(stack_alloc, NULL, NULL, NULL, after, NULL);

ZTEST(stack_alloc, test_alloc_use_cleanup) {
	stack_data_t v;

	zassert_equal(k_stack_alloc_init(&st, 4), -ENOMEM, "no pool");
	k_thread_heap_assign(k_current_get(), &s_pool);
	zassert_equal(k_stack_alloc_init(&st, 100), -ENOMEM, "no room");
	zassert_equal(k_stack_alloc_init(&st, UINT32_MAX), -ENOMEM);
	zassert_equal(k_stack_alloc_init(&st, 3), 0);
	for (int i = 0; i < 3; i++) {
		zassert_equal(k_stack_push(&st, 10 + i), 0);
	}
	zassert_equal(k_stack_push(&st, 99), -ENOMEM, "three entries: full");
	zassert_equal(k_stack_pop(&st, &v, K_NO_WAIT), 0);
	zassert_equal(v, 12);
	zassert_equal(k_stack_cleanup(&st), 0);
	zassert_equal(pool_allocated(), 0);
	zassert_equal(k_stack_push(&st, 1), -ENOMEM, "cleaned up: takes nothing");
	zassert_equal(k_stack_pop(&st, &v, K_NO_WAIT), -EBUSY, "and holds nothing");
}

/* The system heap as pool. */
ZTEST(stack_alloc, test_system_pool) {
	stack_data_t v;

	k_thread_system_pool_assign(k_current_get());
	zassert_equal(k_stack_alloc_init(&st, 8), 0);
	zassert_equal(k_stack_push(&st, 5), 0);
	zassert_equal(k_stack_pop(&st, &v, K_NO_WAIT), 0);
	zassert_equal(v, 5);
	zassert_equal(k_stack_cleanup(&st), 0);
}
