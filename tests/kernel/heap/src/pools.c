/*
 * Resource pools: a thread allocates through the kernel from the heap it was
 * assigned, a new thread takes its creator's, and no pool means no memory.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

K_HEAP_DEFINE(pool_heap, 512);

static struct k_thread parent, child;
static K_THREAD_STACK_DEFINE(parent_stack, STACK_SIZE);
static K_THREAD_STACK_DEFINE(child_stack, STACK_SIZE);
static struct k_heap *child_pool;

static void child_entry(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	child_pool = k_current_get()->resource_pool;
}

static void parent_entry(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	k_thread_create(&child, child_stack, STACK_SIZE, child_entry, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	k_thread_join(&child, K_FOREVER);
}

static void run_parent(struct k_heap *pool)
{
	child_pool = (struct k_heap *)1;
	k_thread_create(&parent, parent_stack, STACK_SIZE, parent_entry, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_FOREVER);
	k_thread_heap_assign(&parent, pool);
	k_thread_start(&parent);
	zassert_equal(k_thread_join(&parent, K_FOREVER), 0);
}

ZTEST_SUITE(resource_pools, NULL, NULL, NULL, NULL, NULL);

ZTEST(resource_pools, test_child_inherits_the_pool) {
	run_parent(&pool_heap);
	zassert_equal(child_pool, &pool_heap);
	run_parent(NULL);
	zassert_is_null(child_pool);
}

ZTEST(resource_pools, test_system_pool_assign) {
	k_thread_create(&parent, parent_stack, STACK_SIZE, parent_entry, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_FOREVER);
	k_thread_system_pool_assign(&parent);
	k_thread_start(&parent);
	zassert_equal(k_thread_join(&parent, K_FOREVER), 0);
	zassert_not_null(child_pool);
	/* The child's pool is the system heap: k_malloc's blocks come from it. */
	void *p = k_heap_alloc(child_pool, 16, K_NO_WAIT);

	zassert_not_null(p);
	k_heap_free(child_pool, p);
}
