/*
 * User threads allocating through their resource pool: a message queue
 * (k_msgq_alloc_init, then put, put_front, peek_at, get, cleanup), a stack
 * (k_stack_alloc_init), queue nodes; without a pool each is -ENOMEM; a pool
 * bounds what a user thread can take; a queue cleaned up by a user thread is
 * safe to call afterwards.
 */
#include "user_util.h"

K_HEAP_DEFINE(user_pool, 512);

/* Each test its own never-initialised objects: from user mode, alloc_init takes no other. */
static struct k_msgq q, nq, fq;
static struct k_stack st, nst;
static struct k_queue kq;

RESULT static volatile int r[12];
RESULT static uint32_t vals[4];
RESULT static int dummy;

static size_t pool_allocated(void)
{
	struct sys_memory_stats stats;

	sys_heap_runtime_stats_get(&user_pool.heap, &stats);
	return stats.allocated_bytes;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	memset(vals, 0, sizeof(vals));
}

ZTEST_SUITE(user_pools, NULL, NULL, before, NULL, NULL);

static void msgq_calls(void *a, void *b, void *c)
{
	uint32_t v;

	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	r[0] = k_msgq_alloc_init(&q, sizeof(uint32_t), 4);
	v = 1;
	r[1] = k_msgq_put(&q, &v, K_NO_WAIT);
	v = 2;
	r[2] = k_msgq_put(&q, &v, K_NO_WAIT);
	v = 0;
	r[3] = k_msgq_put_front(&q, &v);
	r[4] = k_msgq_peek_at(&q, &vals[0], 2);
	r[5] = k_msgq_peek_at(&q, &vals[1], 3);
	r[6] = k_msgq_get(&q, &vals[2], K_NO_WAIT);
	r[7] = (int)k_msgq_num_used_get(&q);
	r[8] = k_msgq_cleanup(&q);
	/* Safe after cleanup: nothing there, no room. */
	r[9] = k_msgq_put(&q, &v, K_NO_WAIT);
	r[10] = k_msgq_get(&q, &vals[3], K_NO_WAIT);
	r[11] = k_msgq_peek_at(&q, &vals[3], 0);
}

ZTEST(user_pools, test_msgq_alloc_from_user_mode) {
	k_tid_t t = user_create(0, msgq_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &user_pool);
	k_object_access_grant(&q, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], 0);
	zassert_equal(r[4], 0);
	zassert_equal(vals[0], 2);
	zassert_equal(r[5], -ENOMSG);
	zassert_equal(r[6], 0);
	zassert_equal(vals[2], 0, "the front put came out first");
	zassert_equal(r[7], 2);
	zassert_equal(r[8], 0);
	zassert_equal(r[9], -ENOMSG);
	zassert_equal(r[10], -ENOMSG);
	zassert_equal(r[11], -ENOMSG);
	zassert_equal(pool_allocated(), 0, "the ring went back to the pool");
}

static void stack_calls(void *a, void *b, void *c)
{
	stack_data_t v = 0;

	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	r[0] = k_stack_alloc_init(&st, 2);
	r[1] = k_stack_push(&st, 11);
	r[2] = k_stack_push(&st, 22);
	r[3] = k_stack_push(&st, 33);
	r[4] = k_stack_pop(&st, &v, K_NO_WAIT);
	vals[0] = (uint32_t)v;
}

ZTEST(user_pools, test_stack_alloc_from_user_mode) {
	k_tid_t t = user_create(0, stack_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &user_pool);
	k_object_access_grant(&st, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], -ENOMEM, "two entries: full");
	zassert_equal(r[4], 0);
	zassert_equal(vals[0], 22);
	zassert_equal(k_stack_cleanup(&st), 0);
	zassert_equal(pool_allocated(), 0);
}

static void without_pool(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	r[0] = k_msgq_alloc_init(&nq, 4, 4);
	r[1] = k_stack_alloc_init(&nst, 4);
	r[2] = k_queue_alloc_append(&kq, &dummy);
}

ZTEST(user_pools, test_no_pool_no_memory) {
	k_queue_init(&kq);
	k_tid_t t = user_create(0, without_pool, NULL, NULL, NULL, USER_PRIO, 0);

	/* The test thread has no pool: neither has the thread it creates. */
	zassert_is_null(t->resource_pool);
	k_thread_access_grant(t, &nq, &nst, &kq);
	run_to_end(t);
	zassert_equal(r[0], -ENOMEM);
	zassert_equal(r[1], -ENOMEM);
	zassert_equal(r[2], -ENOMEM);
	zassert_true(k_queue_is_empty(&kq));
}

static void fill_queue(void *a, void *b, void *c)
{
	int n = 0;

	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	while (n < 1000 && k_queue_alloc_append(&kq, &dummy) == 0) {
		n++;
	}
	r[0] = n;
	r[1] = k_msgq_alloc_init(&fq, 4, 4);
}

/* A user thread cannot take more than its pool, however it asks. */
ZTEST(user_pools, test_pool_bounds_a_user_thread) {
	k_queue_init(&kq);
	k_tid_t t = user_create(0, fill_queue, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &user_pool);
	k_thread_access_grant(t, &fq, &kq);
	run_to_end(t);
	zassert_true(r[0] > 4 && r[0] < 1000, "%d nodes from a 512-byte pool", r[0]);
	zassert_equal(r[1], -ENOMEM, "the pool is full");
	/* The system heap was not touched; getting the items frees the nodes. */
	while (k_queue_get(&kq, K_NO_WAIT) != NULL) {
	}
	zassert_equal(pool_allocated(), 0);
}
