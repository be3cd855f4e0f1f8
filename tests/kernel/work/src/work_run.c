/*
 * A queue run by an existing thread (k_work_queue_run()): that thread becomes
 * the queue's thread (thread_id, k_work_queue_thread_get()), takes the
 * configured name and runs the items submitted to it; the public queue flags
 * say started and no_yield. A queue with a thread of its own names that
 * thread. The system work queue is there without any configuration.
 */
#include "work_common.h"

static struct k_work_q run_q;
static K_THREAD_STACK_DEFINE(runner_stack, 1024);
static struct k_thread runner;

static void run_queue(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const struct k_work_queue_config cfg = { .name = "runner_q", .no_yield = true };

	k_work_queue_run(p1, &cfg);
}

static void before(void *fixture)
{
	static bool started;

	work_before(fixture);
	if (!started) {
		k_thread_create(&runner, runner_stack, K_THREAD_STACK_SIZEOF(runner_stack),
				run_queue, &run_q, NULL, NULL, QUEUE_PRIO, 0, K_NO_WAIT);
		k_msleep(1); /* the runner starts the queue */
		started = true;
	}
}

ZTEST_SUITE(work_run, NULL, NULL, before, NULL, NULL);

ZTEST(work_run, test_caller_becomes_the_queue_thread) {
	static struct k_work item;

	zassert_equal_ptr(run_q.thread_id, &runner);
	zassert_equal_ptr(k_work_queue_thread_get(&run_q), &runner);
	zassert_equal(run_q.flags, K_WORK_QUEUE_STARTED | K_WORK_QUEUE_NO_YIELD);
	zassert_str_equal(k_thread_name_get(&runner), "runner_q");

	k_work_init(&item, log_handler);
	zassert_equal(k_work_submit_to_queue(&run_q, &item), 1);
	zassert_equal(k_work_queue_drain(&run_q, false), 1);
	zassert_equal(runs, 1);
	zassert_equal_ptr(run_thread[0], &runner, "the item ran on the runner");
}

ZTEST(work_run, test_started_queue_names_its_own_thread) {
	zassert_equal_ptr(test_q.thread_id, &test_q.thread);
	zassert_equal_ptr(k_work_queue_thread_get(&test_q), &test_q.thread);
	zassert_equal(test_q.flags & K_WORK_QUEUE_STARTED, K_WORK_QUEUE_STARTED);
}

ZTEST(work_run, test_system_queue_is_there_by_default) {
	static struct k_work item;

	zassert_true(IS_ENABLED(CONFIG_SYSTEM_WORKQUEUE));
	zassert_equal_ptr(k_work_queue_thread_get(&k_sys_work_q), &k_sys_work_q.thread);
	k_work_init(&item, log_handler);
	zassert_equal(k_work_submit(&item), 1);
	k_msleep(1);
	zassert_equal(runs, 1);
	zassert_equal_ptr(run_thread[0], &k_sys_work_q.thread);
}
