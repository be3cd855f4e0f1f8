/*
 * k_stack from user mode: push and pop on a granted stack, a user popper
 * woken by a supervisor's push, and a user pusher handing an entry to a
 * waiting supervisor thread.
 */
#include "user_util.h"

static struct k_stack stack;
static stack_data_t buffer[3];

RESULT static volatile int r[8];
RESULT static stack_data_t popped[4];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_stack_init(&stack, buffer, ARRAY_SIZE(buffer));
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	memset(popped, 0, sizeof(popped));
}

ZTEST_SUITE(sys_stack, NULL, NULL, before, NULL, NULL);

static void push_pop(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_stack_push(&stack, 1);
	r[1] = k_stack_push(&stack, 2);
	r[2] = k_stack_push(&stack, 3);
	r[3] = k_stack_push(&stack, 4);
	r[4] = k_stack_pop(&stack, &popped[0], K_NO_WAIT);
	r[5] = k_stack_pop(&stack, &popped[1], K_NO_WAIT);
	r[6] = k_stack_pop(&stack, &popped[2], K_NO_WAIT);
	r[7] = k_stack_pop(&stack, &popped[3], K_MSEC(2));
}

ZTEST(sys_stack, test_push_pop_from_user_mode) {
	k_tid_t t = user_create(0, push_pop, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&stack, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], -ENOMEM);
	zassert_equal(r[4], 0);
	zassert_equal(popped[0], 3);
	zassert_equal(popped[1], 2);
	zassert_equal(popped[2], 1);
	zassert_equal(r[7], -EAGAIN);
	zassert_equal(popped[3], 0, "a failed pop wrote the buffer");
}

static void pop_forever(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_stack_pop(&stack, &popped[0], K_FOREVER);
}

ZTEST(sys_stack, test_user_popper_woken_by_push) {
	k_tid_t t = user_create(0, pop_forever, NULL, NULL, NULL, TEST_PRIO + 1, 0);

	k_object_access_grant(&stack, t);
	k_thread_start(t);
	k_msleep(1); /* it waits */
	zassert_equal(r[0], NOT_REACHED);
	zassert_equal(k_stack_push(&stack, 0xfeed), 0);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], 0);
	zassert_equal(popped[0], 0xfeed);
}

static void push_one(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[1] = k_stack_push(&stack, 0xcafe);
}

ZTEST(sys_stack, test_user_push_to_waiting_supervisor) {
	stack_data_t v = 0;
	k_tid_t t = user_create(0, push_one, NULL, NULL, NULL, TEST_PRIO + 1, 0);

	k_object_access_grant(&stack, t);
	k_thread_start(t);
	zassert_equal(k_stack_pop(&stack, &v, K_FOREVER), 0);
	zassert_equal(v, 0xcafe);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[1], 0);
}
