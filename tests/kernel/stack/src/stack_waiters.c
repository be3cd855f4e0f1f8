/*
 * k_stack with waiting poppers: a push goes straight to the most urgent
 * waiter (FIFO among equals), even when a thread arrives before the woken
 * one runs; cleanup is refused while threads wait.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define POPPERS    3
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

static struct k_stack stack;
static stack_data_t buffer[4];
static struct k_thread poppers[POPPERS];
static K_THREAD_STACK_ARRAY_DEFINE(popper_stacks, POPPERS, STACK_SIZE);
static stack_data_t got[POPPERS];
static int ret[POPPERS];

static void popper(void *index, void *p2, void *p3)
{
	int i = (int)(intptr_t)index;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	ret[i] = k_stack_pop(&stack, &got[i], K_FOREVER);
}

static void start_popper(int i, int prio)
{
	got[i] = 0;
	ret[i] = 1;
	k_thread_create(&poppers[i], popper_stacks[i], STACK_SIZE, popper, (void *)(intptr_t)i,
			NULL, NULL, prio, 0, K_NO_WAIT);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_stack_init(&stack, buffer, ARRAY_SIZE(buffer));
}

ZTEST_SUITE(stack_waiters, NULL, NULL, before, NULL, NULL);

ZTEST(stack_waiters, test_push_goes_to_most_urgent_waiter) {
	/* Less urgent than the test: they run and wait when it sleeps. */
	start_popper(0, TEST_PRIO + 2);
	start_popper(1, TEST_PRIO + 1);
	start_popper(2, TEST_PRIO + 2);
	k_msleep(1);
	zassert_equal(k_stack_cleanup(&stack), -EAGAIN, "threads wait on it");
	zassert_equal(k_stack_push(&stack, 11), 0);
	zassert_equal(k_stack_push(&stack, 22), 0);
	zassert_equal(k_stack_push(&stack, 33), 0);
	for (int i = 0; i < POPPERS; i++) {
		zassert_equal(k_thread_join(&poppers[i], K_FOREVER), 0);
		zassert_equal(ret[i], 0);
	}
	zassert_equal(got[1], 11, "the most urgent waiter gets the first push");
	zassert_equal(got[0], 22, "then the one that waited longest");
	zassert_equal(got[2], 33);
	zassert_equal(k_stack_cleanup(&stack), 0);
}

/* A handed-over entry is the waiter's: the test pops right after pushing and gets nothing. */
ZTEST(stack_waiters, test_handover_cannot_be_stolen) {
	stack_data_t v;

	start_popper(0, TEST_PRIO + 1);
	k_msleep(1);
	k_sched_lock();
	zassert_equal(k_stack_push(&stack, 5), 0);
	zassert_equal(k_stack_pop(&stack, &v, K_NO_WAIT), -EBUSY);
	k_sched_unlock();
	zassert_equal(k_thread_join(&poppers[0], K_FOREVER), 0);
	zassert_equal(got[0], 5);
}
