/*
 * k_event with waiters: one change wakes every waiter it satisfies (any or
 * all), each with the events it got, and leaves the others waiting; a change
 * right after cannot take the events back from a woken waiter.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define WAITERS    3
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

static struct k_event event;
static struct k_thread waiters[WAITERS];
static K_THREAD_STACK_ARRAY_DEFINE(waiter_stacks, WAITERS, STACK_SIZE);
static uint32_t got[WAITERS];

static void waiter(void *index, void *mask, void *all)
{
	int i = (int)(intptr_t)index;

	got[i] = all != NULL ? k_event_wait_all(&event, (uint32_t)(uintptr_t)mask, false, K_FOREVER)
			     : k_event_wait(&event, (uint32_t)(uintptr_t)mask, false, K_FOREVER);
}

static void start_waiter(int i, uint32_t mask, bool all)
{
	got[i] = 0xdead;
	k_thread_create(&waiters[i], waiter_stacks[i], STACK_SIZE, waiter, (void *)(intptr_t)i,
			(void *)(uintptr_t)mask, all ? (void *)1 : NULL, TEST_PRIO + 1, 0,
			K_NO_WAIT);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_event_init(&event);
}

ZTEST_SUITE(event_waiters, NULL, NULL, before, NULL, NULL);

ZTEST(event_waiters, test_one_change_wakes_all_it_satisfies) {
	start_waiter(0, 0x3, false); /* any of 0x3 */
	start_waiter(1, 0x3, true);  /* all of 0x3 */
	start_waiter(2, 0x4, false);
	k_msleep(1);
	k_event_post(&event, 0x1);
	k_event_clear(&event, 0x1); /* too late for waiter 0: it was handed 0x1 */
	k_msleep(1);
	zassert_equal(got[0], 0x1);
	zassert_equal(got[1], 0xdead, "all of 0x3 is not there");
	k_event_post(&event, 0x7);
	for (int i = 0; i < WAITERS; i++) {
		zassert_equal(k_thread_join(&waiters[i], K_FOREVER), 0);
	}
	zassert_equal(got[1], 0x3);
	zassert_equal(got[2], 0x4);
}

ZTEST(event_waiters, test_set_masked_wakes) {
	start_waiter(0, 0x100, false);
	k_msleep(1);
	k_event_set_masked(&event, 0x1ff, 0x0ff); /* outside the mask: no 0x100 */
	k_msleep(1);
	zassert_equal(got[0], 0xdead);
	k_event_set_masked(&event, 0x100, 0x100);
	zassert_equal(k_thread_join(&waiters[0], K_FOREVER), 0);
	zassert_equal(got[0], 0x100);
}
