/*
 * Submitting: items run in submission order on the queue's thread; the return
 * codes of every case (idle, already queued, running, no queue, a queue not
 * started); a resubmission while running runs the item again, on the queue
 * that was running it; the system work queue.
 */
#include "work_common.h"

ZTEST_SUITE(work_basic, NULL, NULL, work_before, NULL, NULL);

ZTEST(work_basic, test_items_run_in_submission_order) {
	static struct k_work w[5];

	for (unsigned int i = 0; i < ARRAY_SIZE(w); i++) {
		k_work_init(&w[i], log_handler);
	}
	/* Not in index order: the order of submission counts. */
	static const unsigned int order[] = { 3, 0, 4, 1, 2 };

	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++) {
		zassert_equal(k_work_submit_to_queue(&test_q, &w[order[i]]), 1);
	}
	zassert_equal(runs, 0, "the queue is less urgent than the test");
	zassert_equal(k_work_busy_get(&w[3]), K_WORK_QUEUED);
	k_msleep(1);
	zassert_equal(runs, ARRAY_SIZE(w));
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++) {
		zassert_equal_ptr(run_log[i], &w[order[i]], "run %u", i);
		zassert_equal_ptr(run_thread[i], k_work_queue_thread_get(&test_q));
		zassert_equal(k_work_busy_get(&w[i]), 0);
		zassert_false(k_work_is_pending(&w[i]));
	}
}

ZTEST(work_basic, test_submit_return_codes) {
	static struct k_work w;
	static struct k_work_q never_started;

	k_work_init(&w, log_handler);
	zassert_equal(k_work_submit_to_queue(NULL, &w), -EINVAL, "never submitted: no queue");
	zassert_equal(k_work_submit_to_queue(&never_started, &w), -ENODEV);
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 0, "already queued");
	zassert_equal(k_work_submit_to_queue(NULL, &w), 0);
	k_msleep(1);
	zassert_equal(runs, 1, "queued once, ran once");
	/* NULL: the queue it was last submitted to. */
	zassert_equal(k_work_submit_to_queue(NULL, &w), 1);
	k_msleep(1);
	zassert_equal(runs, 2);
	zassert_equal_ptr(run_thread[1], k_work_queue_thread_get(&test_q));
}

ZTEST(work_basic, test_submit_while_running) {
	static struct k_work w;

	k_work_init(&w, blocking_handler);
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	k_msleep(1);
	zassert_equal(runs, 1);
	zassert_equal(k_work_busy_get(&w), K_WORK_RUNNING);
	/* Another queue is named: the item still goes back to the one running it. */
	zassert_equal(k_work_submit(&w), 2);
	zassert_equal(k_work_busy_get(&w), K_WORK_RUNNING | K_WORK_QUEUED);
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 0);
	k_sem_give(&release);
	k_msleep(1);
	zassert_equal(runs, 2, "ran again after the first run");
	zassert_equal_ptr(run_thread[1], k_work_queue_thread_get(&test_q));
	zassert_equal(k_work_busy_get(&w), K_WORK_RUNNING);
	k_sem_give(&release);
	k_msleep(1);
	zassert_equal(k_work_busy_get(&w), 0);
	zassert_equal(runs, 2);
}

static volatile int chain_ret[2];

/* A handler that submits itself again (to another queue: ignored), three runs in all. */
static void chained_handler(struct k_work *work)
{
	log_handler(work);
	if (runs < 3) {
		chain_ret[runs - 1] = k_work_submit(work);
	}
}

ZTEST(work_basic, test_handler_resubmits_itself) {
	static struct k_work w;

	k_work_init(&w, chained_handler);
	zassert_equal(k_work_submit_to_queue(&test_q, &w), 1);
	k_msleep(1);
	zassert_equal(runs, 3);
	zassert_equal(chain_ret[0], 2);
	zassert_equal(chain_ret[1], 2);
	for (unsigned int i = 0; i < 3; i++) {
		zassert_equal_ptr(run_thread[i], k_work_queue_thread_get(&test_q));
	}
}

K_WORK_DEFINE(sys_item, log_handler);

ZTEST(work_basic, test_system_work_queue) {
	k_tid_t sys = k_work_queue_thread_get(&k_sys_work_q);
	char name[16];

	zassert_equal(k_thread_priority_get(sys), CONFIG_SYSTEM_WORKQUEUE_PRIORITY);
	zassert_equal(k_thread_name_copy(sys, name, sizeof(name)), 0);
	zassert_str_equal(name, "sysworkq");
	/* Its thread is cooperative and more urgent: the item has run on return. */
	zassert_equal(k_work_submit(&sys_item), 1);
	zassert_equal(runs, 1);
	zassert_equal_ptr(run_log[0], &sys_item);
	zassert_equal_ptr(run_thread[0], sys);
}

/* Items submitted to a queue more urgent than the submitter run at once. */
ZTEST(work_basic, test_urgent_queue_runs_at_once) {
	static struct k_work_q urgent_q;
	static K_THREAD_STACK_DEFINE(urgent_stack, 1024);
	static struct k_work w;
	const struct k_work_queue_config cfg = { .name = "urgent", .no_yield = true };

	k_work_queue_start(&urgent_q, urgent_stack, K_THREAD_STACK_SIZEOF(urgent_stack),
			   CONFIG_ZTEST_THREAD_PRIORITY - 1, &cfg);
	k_work_init(&w, log_handler);
	zassert_equal(k_work_submit_to_queue(&urgent_q, &w), 1);
	zassert_equal(runs, 1);
	zassert_equal_ptr(run_thread[0], k_work_queue_thread_get(&urgent_q));
	zassert_equal(k_work_busy_get(&w), 0);
}
