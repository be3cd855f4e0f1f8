/*
 * Priority levels beyond the default: threads at the extremes of the
 * configured range, spread over every word of the ready-queue bitmap, run in
 * priority order, and a thread moved across words is picked at its new level.
 */
#include <zephyr/ztest.h>

#define WORKERS 6

static struct k_thread workers[WORKERS];
static K_THREAD_STACK_ARRAY_DEFINE(stacks, WORKERS, 1024);

static int order[WORKERS];
static unsigned int ran;

static void note(void *prio, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	order[ran++] = (int)(intptr_t)prio;
}

static void start_all(const int *prios)
{
	ran = 0;
	for (int i = 0; i < WORKERS; i++) {
		k_thread_create(&workers[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), note,
				(void *)(intptr_t)prios[i], NULL, NULL, prios[i], 0, K_FOREVER);
	}
	/* The test thread is cooperative and the most urgent: nothing runs until it sleeps. */
	for (int i = 0; i < WORKERS; i++) {
		k_thread_start(&workers[i]);
	}
}

static void join_all(void)
{
	for (int i = 0; i < WORKERS; i++) {
		zassert_equal(k_thread_join(&workers[i], K_FOREVER), 0);
	}
}

ZTEST_SUITE(prio_levels, NULL, NULL, NULL, NULL, NULL);

ZTEST(prio_levels, test_extremes_run_in_order) {
	/* Least urgent first, so that creation order cannot explain the result. */
	const int prios[WORKERS] = {
		K_LOWEST_APPLICATION_THREAD_PRIO,
		K_LOWEST_APPLICATION_THREAD_PRIO - 1,
		CONFIG_NUM_PREEMPT_PRIORITIES / 2,
		0,
		-1,
		K_HIGHEST_THREAD_PRIO + 1,
	};

	zassert_equal(k_thread_priority_get(k_current_get()), K_HIGHEST_THREAD_PRIO);
	start_all(prios);
	k_msleep(1);
	join_all();
	zassert_equal(ran, WORKERS);
	for (int i = 0; i < WORKERS; i++) {
		zassert_equal(order[i], prios[WORKERS - 1 - i], "position %d ran priority %d", i,
			      order[i]);
	}
}

ZTEST(prio_levels, test_priority_moves_across_words) {
	const int prios[WORKERS] = {
		K_LOWEST_APPLICATION_THREAD_PRIO, 5, 4, 3, 2, 1,
	};

	start_all(prios);
	/* The least urgent becomes the most urgent: from the last bitmap word to the first. */
	k_thread_priority_set(&workers[0], K_HIGHEST_THREAD_PRIO + 1);
	k_msleep(1);
	join_all();
	zassert_equal(order[0], K_LOWEST_APPLICATION_THREAD_PRIO, "the moved thread ran first");
	zassert_equal(order[1], 1);
	zassert_equal(order[WORKERS - 1], 5);
}
