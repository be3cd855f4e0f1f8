/*
 * Dynamic objects of the data-passing types (k_object_alloc): queues, stacks,
 * message queues, events, condition variables, pipes and poll signals come
 * from the pool like semaphores, work from user mode once initialised there,
 * are freed with their last holder, count against the domain's quota, and stay
 * out of reach of threads that do not hold them. Timers and memory slabs are
 * still refused (a supervisor-only init; a timer freed while it runs would
 * leave its node on the timeout list).
 */
#include "user_util.h"

#define POOL  CONFIG_DYNAMIC_OBJECTS_POOL_SIZE
#define QUOTA CONFIG_DYNAMIC_OBJECTS_DOMAIN_QUOTA

/* The resource pool of the user threads (alloc_append nodes, stack buffers). */
K_HEAP_DEFINE(types_heap, 512);

RESULT static volatile int steps;
RESULT static void *volatile user_ptr[2];
RESULT static volatile int user_ret[8];
RESULT static int item;

static const enum k_objects new_types[] = {
	K_OBJ_QUEUE,       K_OBJ_STACK, K_OBJ_EVENT, K_OBJ_CONDVAR, K_OBJ_PIPE,
#ifdef CONFIG_MSGQ
	K_OBJ_MSGQ,
#endif
#ifdef CONFIG_POLL
	K_OBJ_POLL_SIGNAL,
#endif
};

/* How many objects the pool hands out now; all are given back before returning. */
static unsigned int pool_available(void)
{
	void *objs[POOL + 1];
	unsigned int n = 0;

	while (n < ARRAY_SIZE(objs) && (objs[n] = k_object_alloc(K_OBJ_SEM)) != NULL) {
		n++;
	}
	for (unsigned int i = 0; i < n; i++) {
		k_object_release(objs[i]);
	}
	return n;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	steps = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(user_ret); i++) {
		user_ret[i] = NOT_REACHED;
	}
	user_ptr[0] = NULL;
	user_ptr[1] = NULL;
	zassert_equal(pool_available(), POOL, "an earlier test left objects allocated");
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(pool_available(), POOL, "the test left objects allocated");
}

ZTEST_SUITE(obj_dynamic_types, NULL, NULL, before, after, NULL);

ZTEST(obj_dynamic_types, test_supervisor_alloc_each_type) {
	for (unsigned int i = 0; i < ARRAY_SIZE(new_types); i++) {
		void *obj = k_object_alloc(new_types[i]);

		zassert_not_null(obj, "type %d not allocated", (int)new_types[i]);
		zassert_equal(pool_available(), POOL - 1, "type %d", (int)new_types[i]);
		k_object_release(obj);
	}
}

ZTEST(obj_dynamic_types, test_supervisor_uses_allocated_queue_and_stack) {
	static stack_data_t buf[2];
	static int a, b;
	struct k_queue *q = k_object_alloc(K_OBJ_QUEUE);
	struct k_stack *s = k_object_alloc(K_OBJ_STACK);
	stack_data_t v = 0;

	zassert_not_null(q);
	zassert_not_null(s);
	zassert_true((void *)q != (void *)s);

	k_queue_init(q);
	zassert_true(k_queue_is_empty(q));
	k_queue_append(q, &a);
	k_queue_prepend(q, &b);
	zassert_equal_ptr(k_queue_get(q, K_NO_WAIT), &b);
	zassert_equal_ptr(k_queue_get(q, K_NO_WAIT), &a);
	zassert_is_null(k_queue_get(q, K_NO_WAIT));

	k_stack_init(s, buf, ARRAY_SIZE(buf));
	zassert_equal(k_stack_push(s, 5), 0);
	zassert_equal(k_stack_push(s, 6), 0);
	zassert_equal(k_stack_push(s, 7), -ENOMEM);
	zassert_equal(k_stack_pop(s, &v, K_NO_WAIT), 0);
	zassert_equal(v, 6);

	k_object_release(q);
	k_object_release(s);
}

/* Allocates a queue and a stack, initialises and uses both; ends holding them. */
static void user_queue_and_stack(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_queue *q = k_object_alloc(K_OBJ_QUEUE);
	struct k_stack *s = k_object_alloc(K_OBJ_STACK);
	stack_data_t v = 0;

	user_ptr[0] = q;
	user_ptr[1] = s;
	if (q == NULL || s == NULL) {
		return;
	}
	k_queue_init(q);
	user_ret[0] = k_queue_alloc_append(q, &item);
	user_ret[1] = k_queue_is_empty(q) != 0;
	user_ret[2] = k_queue_get(q, K_NO_WAIT) == &item;
	user_ret[3] = k_queue_is_empty(q) != 0;
	user_ret[4] = k_stack_alloc_init(s, 2);
	user_ret[5] = k_stack_push(s, 0x55);
	user_ret[6] = k_stack_pop(s, &v, K_NO_WAIT);
	user_ret[7] = (int)v;
}

ZTEST(obj_dynamic_types, test_user_alloc_queue_and_stack) {
	k_tid_t t = user_create(0, user_queue_and_stack, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &types_heap);
	run_to_end(t);
	zassert_not_null(user_ptr[0]);
	zassert_not_null(user_ptr[1]);
	zassert_equal(user_ret[0], 0, "k_queue_alloc_append: %d", user_ret[0]);
	zassert_equal(user_ret[1], 0);
	zassert_equal(user_ret[2], 1);
	zassert_equal(user_ret[3], 1);
	zassert_equal(user_ret[4], 0, "k_stack_alloc_init: %d", user_ret[4]);
	zassert_equal(user_ret[5], 0);
	zassert_equal(user_ret[6], 0);
	zassert_equal(user_ret[7], 0x55);
	/* The thread held both alone: its end freed them (checked in after). */
}

/* Allocates queues until the pool or the quota says no. */
static void alloc_queues_until_refused(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	int n = 0;

	while (n < POOL + 1 && k_object_alloc(K_OBJ_QUEUE) != NULL) {
		n++;
	}
	user_ret[0] = n;
}

ZTEST(obj_dynamic_types, test_user_alloc_counts_against_quota) {
	run_to_end(user_create(0, alloc_queues_until_refused, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(user_ret[0], MIN(QUOTA, POOL), "allocated %d", user_ret[0]);
}

/* Asks for the types that stay supervisor-only or unallocatable. */
static void alloc_refused_types(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	user_ptr[0] = k_object_alloc(K_OBJ_TIMER);
	user_ptr[1] = k_object_alloc(K_OBJ_MEM_SLAB);
	steps = 1;
}

ZTEST(obj_dynamic_types, test_timer_and_mem_slab_refused) {
	zassert_is_null(k_object_alloc(K_OBJ_TIMER));
	zassert_is_null(k_object_alloc(K_OBJ_MEM_SLAB));

	user_ptr[0] = INT_ARG(1);
	user_ptr[1] = INT_ARG(1);
	run_to_end(user_create(0, alloc_refused_types, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(steps, 1);
	zassert_is_null(user_ptr[0]);
	zassert_is_null(user_ptr[1]);
}

/* Attack: asks whether a queue it was never granted is empty. */
static void peek_ungranted(void *q, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	steps = 1;
	user_ret[0] = k_queue_is_empty(q);
	steps = 2;
}

ZTEST(obj_dynamic_types, test_ungranted_allocated_queue_oops) {
	struct k_queue *q = k_object_alloc(K_OBJ_QUEUE);

	zassert_not_null(q);
	k_queue_init(q);
	run_expect_fault(user_create(0, peek_ungranted, q, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1, "an ungranted allocated queue was used");
	k_object_release(q);
}

/* Attack: lets go of its own queue, then keeps using the pointer. */
static void use_after_release(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_queue *q = k_object_alloc(K_OBJ_QUEUE);

	if (q == NULL) {
		return;
	}
	k_queue_init(q);
	user_ret[0] = k_queue_is_empty(q) != 0;
	k_object_release(q);
	steps = 1;
	(void)k_queue_get(q, K_NO_WAIT);
	steps = 2;
}

ZTEST(obj_dynamic_types, test_released_queue_oops) {
	run_expect_fault(user_create(0, use_after_release, NULL, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(user_ret[0], 1);
	zassert_equal(steps, 1, "a released queue was used");
}

/* Attack: uses its own allocated queue as a stack. */
static void queue_as_stack(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_queue *q = k_object_alloc(K_OBJ_QUEUE);

	if (q == NULL) {
		return;
	}
	k_queue_init(q);
	steps = 1;
	(void)k_stack_push((struct k_stack *)q, 1);
	steps = 2;
}

ZTEST(obj_dynamic_types, test_allocated_queue_as_stack_oops) {
	run_expect_fault(user_create(0, queue_as_stack, NULL, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1, "a queue was taken for a stack");
}
