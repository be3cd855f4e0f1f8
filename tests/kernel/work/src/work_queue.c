/*
 * Draining and plugging a queue: k_work_queue_drain() waits until every item
 * queued has run, refusing other submissions meanwhile but accepting the
 * queue's own handlers' (chained work); plugged, the queue refuses
 * submissions until unplugged; no_yield lets a queue run its items without
 * letting equal-priority threads in between.
 */
#include "work_common.h"

ZTEST_SUITE(work_queue, NULL, NULL, work_before, NULL, NULL);

static struct k_work items[3];
static struct k_work chained;
static volatile int submit_during_drain = 1;

static void chaining_handler(struct k_work *work)
{
	log_handler(work);
	submit_during_drain = k_work_submit_to_queue(&test_q, &chained);
}

ZTEST(work_queue, test_drain_waits_for_every_item) {
	k_work_init(&items[0], log_handler);
	k_work_init(&items[1], chaining_handler);
	k_work_init(&items[2], log_handler);
	k_work_init(&chained, log_handler);
	for (unsigned int i = 0; i < ARRAY_SIZE(items); i++) {
		zassert_equal(k_work_submit_to_queue(&test_q, &items[i]), 1);
	}
	zassert_equal(k_work_queue_drain(&test_q, false), 1, "had to wait");
	zassert_equal(runs, 4, "the chained item ran too");
	zassert_equal(submit_during_drain, 1, "the queue's own handler may submit");
	zassert_equal_ptr(run_log[3], &chained);
	zassert_equal(k_work_queue_drain(&test_q, false), 0, "empty: no wait");
	zassert_equal(k_work_queue_unplug(&test_q), -EALREADY);
}

static volatile int helper_ret;

static void submit_to_test_q(void *work, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helper_ret = k_work_submit_to_queue(&test_q, work);
}

static K_THREAD_STACK_DEFINE(helper_stack, 1024);
static struct k_thread helper;

ZTEST(work_queue, test_drain_refuses_others_and_plug_holds) {
	static struct k_work blocker;
	static struct k_work late;

	k_work_init(&blocker, blocking_handler);
	k_work_init(&late, log_handler);
	zassert_equal(k_work_submit_to_queue(&test_q, &blocker), 1);
	k_msleep(1);
	zassert_equal(k_work_busy_get(&blocker), K_WORK_RUNNING);

	/* A less urgent thread that submits while the test waits in drain. */
	helper_ret = 99;
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack),
			submit_to_test_q, &late, NULL, NULL, QUEUE_PRIO, 0, K_NO_WAIT);
	k_sem_give(&release); /* the blocker ends once the test waits */
	zassert_equal(k_work_queue_drain(&test_q, true), 1);
	zassert_equal(k_thread_join(&helper, K_MSEC(10)), 0);
	zassert_equal(helper_ret, -EBUSY, "refused while draining");

	/* Plugged: refused from anywhere, until unplugged. */
	zassert_equal(k_work_submit_to_queue(&test_q, &late), -EBUSY);
	zassert_equal(k_work_queue_drain(&test_q, false), 0);
	zassert_equal(k_work_submit_to_queue(&test_q, &late), -EBUSY, "still plugged");
	zassert_equal(k_work_queue_unplug(&test_q), 0);
	zassert_equal(k_work_queue_unplug(&test_q), -EALREADY);
	zassert_equal(k_work_submit_to_queue(&test_q, &late), 1);
	k_msleep(1);
	zassert_equal(runs, 2);
	zassert_equal_ptr(run_log[1], &late);
}

/* A delayed item is not waited for; plugged, its expiry is dropped. */
ZTEST(work_queue, test_plugged_queue_drops_expired_delay) {
	static struct k_work_delayable dw;

	k_work_init_delayable(&dw, log_handler);
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(5)), 1);
	zassert_equal(k_work_queue_drain(&test_q, true), 0);
	k_msleep(2);
	zassert_equal(runs, 0);
	zassert_equal(k_work_delayable_busy_get(&dw), 0);
	zassert_equal(k_work_queue_unplug(&test_q), 0);
}

static volatile unsigned int peer_ran_between;

static void peer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_ran_between = runs;
}

/*
 * A queue yields to a thread of its own priority between items, unless
 * no_yield: here both queues (test_q, which yields, and a no_yield one) get
 * two items and a ready peer at their priority.
 */
ZTEST(work_queue, test_yield_between_items) {
	static struct k_work_q ny_q;
	static K_THREAD_STACK_DEFINE(ny_stack, 1024);
	static struct k_work w[2];
	const struct k_work_queue_config cfg = { .name = "no_yield", .no_yield = true };

	k_work_queue_start(&ny_q, ny_stack, K_THREAD_STACK_SIZEOF(ny_stack), QUEUE_PRIO, &cfg);
	k_work_init(&w[0], log_handler);
	k_work_init(&w[1], log_handler);

	peer_ran_between = 99;
	zassert_equal(k_work_submit_to_queue(&test_q, &w[0]), 1);
	zassert_equal(k_work_submit_to_queue(&test_q, &w[1]), 1);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), peer, NULL,
			NULL, NULL, QUEUE_PRIO, 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&helper, K_MSEC(10)), 0);
	k_msleep(1);
	zassert_equal(peer_ran_between, 1, "test_q yielded after its first item");

	runs = 0;
	peer_ran_between = 99;
	zassert_equal(k_work_submit_to_queue(&ny_q, &w[0]), 1);
	zassert_equal(k_work_submit_to_queue(&ny_q, &w[1]), 1);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), peer, NULL,
			NULL, NULL, QUEUE_PRIO, 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&helper, K_MSEC(10)), 0);
	k_msleep(1);
	zassert_equal(peer_ran_between, 2, "no_yield ran both items first");
}
