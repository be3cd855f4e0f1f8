/*
 * Canceling and flushing: a queued item is taken out and never runs; a
 * running one goes on, refuses submissions while canceling, and
 * k_work_cancel_sync() returns when its run is over; k_work_flush() waits for
 * the last submission (a queued item behind its own running instance: both
 * runs) but not for chained resubmissions.
 */
#include "work_common.h"

ZTEST_SUITE(work_sync, NULL, NULL, work_before, NULL, NULL);

static struct k_work_sync sync;

ZTEST(work_sync, test_cancel_queued_item) {
	static struct k_work w;

	k_work_init(&w, log_handler);
	zassert_equal(k_work_cancel(&w), 0, "idle: nothing to cancel");
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	zassert_equal(k_work_cancel(&w), 0, "taken out of the queue: complete");
	k_msleep(1);
	zassert_equal(runs, 0, "a canceled item does not run");
	zassert_equal(k_work_submit_to_queue(NULL, &w), 1, "submittable again");
	k_msleep(1);
	zassert_equal(runs, 1);
}

ZTEST(work_sync, test_cancel_sync_queued_item) {
	static struct k_work w;

	k_work_init(&w, log_handler);
	zassert_false(k_work_cancel_sync(&w, &sync), "idle");
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	zassert_true(k_work_cancel_sync(&w, &sync), "it was queued");
	k_msleep(1);
	zassert_equal(runs, 0);
}

static struct k_work running_item;
static volatile bool cancel_sync_returned;

static void canceler(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	static struct k_work_sync canceler_sync;

	cancel_sync_returned = k_work_cancel_sync(&running_item, &canceler_sync);
}

static K_THREAD_STACK_DEFINE(helper_stack, 1024);
static struct k_thread helper;

ZTEST(work_sync, test_cancel_running_item) {
	k_work_init(&running_item, blocking_handler);
	cancel_sync_returned = false;
	zassert_equal(k_work_submit_to_queue(&test_q, &running_item), 1);
	k_msleep(1);
	zassert_equal(k_work_busy_get(&running_item), K_WORK_RUNNING);
	zassert_equal(k_work_submit_to_queue(&test_q, &running_item), 2);

	/* The queued instance goes; the running one goes on, canceling. */
	zassert_equal(k_work_cancel(&running_item), K_WORK_RUNNING | K_WORK_CANCELING);
	zassert_equal(k_work_submit_to_queue(&test_q, &running_item), -EBUSY);

	/* A more urgent thread waits in k_work_cancel_sync() until the run is over. */
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), canceler, NULL,
			NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	zassert_false(cancel_sync_returned);
	zassert_equal(k_work_busy_get(&running_item), K_WORK_RUNNING | K_WORK_CANCELING);
	k_sem_give(&release);
	zassert_equal(k_thread_join(&helper, K_MSEC(10)), 0);
	zassert_true(cancel_sync_returned, "it was busy");
	zassert_equal(k_work_busy_get(&running_item), 0);
	zassert_equal(runs, 1, "the canceled resubmission never ran");
	zassert_equal(k_work_submit_to_queue(&test_q, &running_item), 1, "canceling is over");
	k_sem_give(&release);
	k_msleep(1);
	zassert_equal(runs, 2);
}

ZTEST(work_sync, test_flush) {
	static struct k_work w;

	k_work_init(&w, log_handler);
	zassert_false(k_work_flush(&w, &sync), "idle: no wait");
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	zassert_true(k_work_flush(&w, &sync));
	zassert_equal(runs, 1, "flushed: it has run");
	zassert_equal(k_work_busy_get(&w), 0);
}

static struct k_work flushed_item;
static volatile unsigned int runs_when_flushed;

static void flusher(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	static struct k_work_sync flusher_sync;

	runs_when_flushed = k_work_flush(&flushed_item, &flusher_sync) ? runs : 0xdead;
}

/* Running and queued again: the flush waits for the second run. */
ZTEST(work_sync, test_flush_running_and_queued) {
	k_work_init(&flushed_item, blocking_handler);
	runs_when_flushed = 0;
	zassert_equal(k_work_submit_to_queue(&test_q, &flushed_item), 1);
	k_msleep(1);
	zassert_equal(k_work_submit_to_queue(&test_q, &flushed_item), 2);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), flusher, NULL,
			NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	zassert_equal(k_work_busy_get(&flushed_item),
		      K_WORK_RUNNING | K_WORK_QUEUED | K_WORK_FLUSHING);
	k_sem_give(&release);
	k_msleep(1);
	zassert_equal(runs, 2, "the second run has started");
	zassert_equal(runs_when_flushed, 0, "the flusher still waits");
	zassert_equal(k_work_busy_get(&flushed_item), K_WORK_RUNNING | K_WORK_FLUSHING);
	k_sem_give(&release);
	zassert_equal(k_thread_join(&helper, K_MSEC(10)), 0);
	zassert_equal(runs_when_flushed, 2);
	zassert_equal(k_work_busy_get(&flushed_item), 0);
}

/* Canceling the queued instance a flusher waits for counts as its end. */
ZTEST(work_sync, test_cancel_releases_flusher) {
	k_work_init(&flushed_item, log_handler);
	runs_when_flushed = 0xff;
	zassert_equal(k_work_submit_to_queue(&test_q, &flushed_item), 1);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), flusher, NULL,
			NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	zassert_equal(k_work_busy_get(&flushed_item), K_WORK_QUEUED | K_WORK_FLUSHING);
	zassert_equal(k_work_cancel(&flushed_item), 0);
	zassert_equal(k_thread_join(&helper, K_MSEC(10)), 0);
	zassert_equal(runs_when_flushed, 0, "released without a run");
}

static volatile unsigned int chain_left;

static void chain_handler(struct k_work *work)
{
	log_handler(work);
	if (chain_left > 0U) {
		chain_left--;
		(void)k_work_submit_to_queue(NULL, work);
	}
}

/* A handler's resubmission of itself is not the instance the flush waits for. */
ZTEST(work_sync, test_flush_ignores_chained_resubmission) {
	static struct k_work w;

	k_work_init(&w, chain_handler);
	chain_left = 1;
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	zassert_true(k_work_flush(&w, &sync));
	zassert_equal(runs, 1);
	zassert_equal(k_work_busy_get(&w), K_WORK_QUEUED, "its resubmission waits");
	k_msleep(1);
	zassert_equal(runs, 2);
}
