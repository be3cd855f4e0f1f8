/*
 * Allocated message queues (k_object_alloc(K_OBJ_MSGQ)) from user and
 * supervisor mode: the ring k_msgq_alloc_init() takes from the caller's pool
 * goes back with the queue, whether its last holder releases it, ends, or a
 * supervisor frees it; and a freed queue's pointer is refused.
 *
 * The pool holds one ring at a time: each round below only succeeds if the
 * ring of the round before was given back.
 */
#include "user_util.h"

#define RING_MSG   4
#define RING_MSGS  40 /* 160 bytes: two rings do not fit in the pool */
#define ROUNDS     3
#define ALLOC_FAIL 0x7e0

K_HEAP_DEFINE(ring_pool, 256);

RESULT static volatile int ret[4];
RESULT static struct k_msgq *volatile queue;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(ret); i++) {
		ret[i] = NOT_REACHED;
	}
	queue = NULL;
}

ZTEST_SUITE(obj_dynamic_msgq, NULL, NULL, before, NULL, NULL);

/* Allocates a queue with a ring, passes a message through it; lets go of it if @release. */
static void alloc_and_use(void *release, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	struct k_msgq *q = k_object_alloc(K_OBJ_MSGQ);
	uint32_t in = 0x5a17, out = 0;

	queue = q;
	if (q == NULL) {
		ret[0] = ALLOC_FAIL;
		return;
	}
	ret[0] = k_msgq_alloc_init(q, RING_MSG, RING_MSGS);
	ret[1] = k_msgq_put(q, &in, K_NO_WAIT);
	ret[2] = k_msgq_get(q, &out, K_NO_WAIT);
	ret[3] = (int)out;
	if (release != NULL) {
		k_object_release(q);
	}
}

static void user_rounds(bool release)
{
	for (int i = 0; i < ROUNDS; i++) {
		k_tid_t t = user_create(0, alloc_and_use, release ? INT_ARG(1) : NULL, NULL, NULL,
					USER_PRIO, 0);

		k_thread_heap_assign(t, &ring_pool);
		run_to_end(t);
		zassert_equal(ret[0], 0, "round %d: k_msgq_alloc_init: %d", i, ret[0]);
		zassert_equal(ret[1], 0);
		zassert_equal(ret[2], 0);
		zassert_equal(ret[3], 0x5a17);
	}
}

ZTEST(obj_dynamic_msgq, test_ring_given_back_at_thread_end) {
	user_rounds(false);
}

ZTEST(obj_dynamic_msgq, test_ring_given_back_on_release) {
	user_rounds(true);
}

ZTEST(obj_dynamic_msgq, test_supervisor_free_gives_ring_back) {
	k_thread_heap_assign(k_current_get(), &ring_pool);
	for (int i = 0; i < ROUNDS; i++) {
		struct k_msgq *q = k_object_alloc(K_OBJ_MSGQ);

		zassert_not_null(q);
		zassert_equal(k_msgq_alloc_init(q, RING_MSG, RING_MSGS), 0, "round %d", i);
		k_object_free(q);
	}
	/* Once freed, the ring is whole again in the pool. */
	void *all = k_heap_alloc(&ring_pool, RING_MSG * RING_MSGS, K_NO_WAIT);

	zassert_not_null(all);
	k_heap_free(&ring_pool, all);
}

/* Puts into @q: for a queue that was freed. */
static void put_stale(void *q, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	uint32_t in = 1;

	ret[0] = k_msgq_put(q, &in, K_NO_WAIT);
}

ZTEST(obj_dynamic_msgq, test_freed_queue_refused) {
	k_tid_t t = user_create(0, alloc_and_use, INT_ARG(1), NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &ring_pool);
	run_to_end(t);
	zassert_equal(ret[0], 0);
	zassert_not_null(queue);
	ret[0] = NOT_REACHED;
	run_expect_fault(user_create(0, put_stale, queue, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(ret[0], NOT_REACHED, "a freed queue was used");
}
