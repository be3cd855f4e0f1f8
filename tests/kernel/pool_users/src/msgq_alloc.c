/*
 * k_msgq_alloc_init() and k_msgq_cleanup(): the ring buffer comes from the
 * caller's resource pool and goes back to it; no pool or no room is -ENOMEM,
 * an overflowing size -EINVAL; a cleaned-up queue holds nothing and takes
 * nothing; cleanup refuses while threads wait.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY
#define STACK_SIZE 1024

K_HEAP_DEFINE(q_pool, 256);

static struct k_msgq q;
static struct k_thread waiter_thread;
static K_THREAD_STACK_DEFINE(waiter_stack, STACK_SIZE);

static size_t pool_allocated(void)
{
	struct sys_memory_stats st;

	sys_heap_runtime_stats_get(&q_pool.heap, &st);
	return st.allocated_bytes;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_thread_heap_assign(k_current_get(), NULL);
}

ZTEST_SUITE(msgq_alloc, NULL, NULL, NULL, after, NULL);

ZTEST(msgq_alloc, test_needs_a_pool) {
	k_thread_heap_assign(k_current_get(), NULL);
	zassert_equal(k_msgq_alloc_init(&q, 4, 4), -ENOMEM);
}

ZTEST(msgq_alloc, test_alloc_use_cleanup) {
	uint32_t v;

	k_thread_heap_assign(k_current_get(), &q_pool);
	zassert_equal(k_msgq_alloc_init(&q, sizeof(uint32_t), 3), 0);
	zassert_true(pool_allocated() >= 3 * sizeof(uint32_t));
	for (uint32_t i = 0; i < 3; i++) {
		zassert_equal(k_msgq_put(&q, &i, K_NO_WAIT), 0);
	}
	zassert_equal(k_msgq_put(&q, &v, K_NO_WAIT), -ENOMSG, "three messages: full");
	zassert_equal(k_msgq_get(&q, &v, K_NO_WAIT), 0);
	zassert_equal(v, 0);
	zassert_equal(k_msgq_cleanup(&q), 0);
	zassert_equal(pool_allocated(), 0, "the buffer went back to the pool");
	/* Cleaned up: no message, no room. */
	zassert_equal(k_msgq_num_used_get(&q), 0);
	zassert_equal(k_msgq_get(&q, &v, K_NO_WAIT), -ENOMSG);
	zassert_equal(k_msgq_put(&q, &v, K_NO_WAIT), -ENOMSG);
	zassert_equal(k_msgq_cleanup(&q), 0, "twice: nothing more to free");
}

ZTEST(msgq_alloc, test_no_room_and_overflow) {
	k_thread_heap_assign(k_current_get(), &q_pool);
	zassert_equal(k_msgq_alloc_init(&q, 64, 8), -ENOMEM, "512 bytes from a 256-byte pool");
	zassert_equal(k_msgq_alloc_init(&q, SIZE_MAX / 2, 4), -EINVAL);
	zassert_equal(pool_allocated(), 0);
}

/* The ring of a k_msgq_init() queue is the caller's: cleanup leaves it alone. */
ZTEST(msgq_alloc, test_cleanup_of_a_static_buffer) {
	static char buf[16];
	uint32_t v = 5;

	k_msgq_init(&q, buf, sizeof(uint32_t), 4);
	zassert_equal(k_msgq_put(&q, &v, K_NO_WAIT), 0);
	zassert_equal(k_msgq_cleanup(&q), 0);
	zassert_equal(k_msgq_num_used_get(&q), 1, "nothing was taken away");
}

static void waiter(void *a, void *b, void *c)
{
	uint32_t v;

	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	(void)k_msgq_get(&q, &v, K_FOREVER);
}

ZTEST(msgq_alloc, test_cleanup_busy_with_waiters) {
	k_thread_heap_assign(k_current_get(), &q_pool);
	zassert_equal(k_msgq_alloc_init(&q, sizeof(uint32_t), 2), 0);
	k_thread_create(&waiter_thread, waiter_stack, STACK_SIZE, waiter, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	zassert_equal(k_msgq_cleanup(&q), -EBUSY);
	k_msgq_purge(&q);
	zassert_equal(k_thread_join(&waiter_thread, K_FOREVER), 0);
	zassert_equal(k_msgq_cleanup(&q), 0);
	zassert_equal(pool_allocated(), 0);
}
