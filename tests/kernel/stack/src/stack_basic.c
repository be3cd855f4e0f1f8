/*
 * k_stack from supervisor threads, without waiters: last in, first out, the
 * full and empty cases, K_STACK_DEFINE, re-initialisation and cleanup.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define ENTRIES 4

K_STACK_DEFINE(defined_stack, ENTRIES);

static struct k_stack stack;
static stack_data_t buffer[ENTRIES];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_stack_init(&stack, buffer, ENTRIES);
}

ZTEST_SUITE(stack_basic, NULL, NULL, before, NULL, NULL);

ZTEST(stack_basic, test_last_in_first_out) {
	stack_data_t v = 0;

	for (stack_data_t i = 1; i <= ENTRIES; i++) {
		zassert_equal(k_stack_push(&stack, i * 10U), 0);
	}
	for (stack_data_t i = ENTRIES; i >= 1; i--) {
		zassert_equal(k_stack_pop(&stack, &v, K_NO_WAIT), 0);
		zassert_equal(v, i * 10U);
	}
}

ZTEST(stack_basic, test_full_and_empty) {
	stack_data_t v = 7;

	zassert_equal(k_stack_pop(&stack, &v, K_NO_WAIT), -EBUSY);
	zassert_equal(v, 7, "an empty pop wrote the entry");
	for (int i = 0; i < ENTRIES; i++) {
		zassert_equal(k_stack_push(&stack, (stack_data_t)i), 0);
	}
	zassert_equal(k_stack_push(&stack, 99), -ENOMEM);
	zassert_equal(k_stack_pop(&stack, &v, K_NO_WAIT), 0);
	zassert_equal(v, ENTRIES - 1, "the refused push changed the top");
}

ZTEST(stack_basic, test_pop_times_out) {
	stack_data_t v;
	int64_t start = k_uptime_get();

	zassert_equal(k_stack_pop(&stack, &v, K_MSEC(20)), -EAGAIN);
	zassert_true(k_uptime_get() - start >= 20);
}

ZTEST(stack_basic, test_defined_stack) {
	stack_data_t v;

	zassert_equal(k_stack_push(&defined_stack, 0xabcU), 0);
	zassert_equal(k_stack_pop(&defined_stack, &v, K_NO_WAIT), 0);
	zassert_equal(v, 0xabcU);
	zassert_equal(k_stack_pop(&defined_stack, &v, K_NO_WAIT), -EBUSY);
}

ZTEST(stack_basic, test_reinit_empties) {
	stack_data_t v;

	zassert_equal(k_stack_push(&stack, 1), 0);
	k_stack_init(&stack, buffer, ENTRIES);
	zassert_equal(k_stack_pop(&stack, &v, K_NO_WAIT), -EBUSY);
	zassert_equal(k_stack_cleanup(&stack), 0);
}
