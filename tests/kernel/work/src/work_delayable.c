/*
 * Delayable items: submitted exactly when their delay is over (QEMU runs
 * with -icount: time is the instructions executed, so the tick a handler
 * runs in is checked, with one tick of slack for the handler's own way
 * there); scheduling an item already delayed or queued changes nothing,
 * rescheduling replaces the delay; canceling stops the delay; flushing
 * submits at once and waits; K_FOREVER keeps an item delayed until then.
 */
#include "work_common.h"

ZTEST_SUITE(work_delayable, NULL, NULL, work_before, NULL, NULL);

static volatile int64_t ran_at;

static void timed_handler(struct k_work *work)
{
	ran_at = k_uptime_ticks();
	log_handler(work);
}

static struct k_work_delayable dw;
static struct k_work_sync sync;

static void reset(void)
{
	k_work_init_delayable(&dw, timed_handler);
	ran_at = -1;
}

ZTEST(work_delayable, test_runs_when_the_delay_is_over) {
	reset();
	zassert_equal(k_work_delayable_busy_get(&dw), 0);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(30)), 1);
	zassert_equal(k_work_delayable_busy_get(&dw), K_WORK_DELAYED);
	zassert_true(k_work_delayable_is_pending(&dw));
	zassert_between_inclusive(k_work_delayable_remaining_get(&dw), 29, 30);
	zassert_between_inclusive(k_work_delayable_expires_get(&dw), t0 + 30, t0 + 31);
	k_sleep(K_TICKS(20));
	zassert_equal(runs, 0, "too early");
	zassert_between_inclusive(k_work_delayable_remaining_get(&dw), 9, 10);
	k_sleep(K_TICKS(20));
	zassert_equal(runs, 1);
	zassert_equal_ptr(run_log[0], &dw.work);
	zassert_equal_ptr(k_work_delayable_from_work(run_log[0]), &dw);
	zassert_between_inclusive(ran_at - t0, 30, 31, "ran %lld ticks later", ran_at - t0);
	zassert_equal(k_work_delayable_busy_get(&dw), 0);
	zassert_equal(k_work_delayable_remaining_get(&dw), 0);
	int64_t now = k_uptime_ticks();

	zassert_between_inclusive(k_work_delayable_expires_get(&dw), now, now + 1,
				  "not delayed: now");
}

ZTEST(work_delayable, test_schedule_keeps_reschedule_replaces) {
	reset();
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(50)), 1);
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(10)), 0, "already delayed");
	zassert_equal(k_work_reschedule_for_queue(&test_q, &dw, K_TICKS(20)), 1);
	zassert_equal(k_work_delayable_busy_get(&dw), K_WORK_DELAYED);
	k_sleep(K_TICKS(60));
	zassert_equal(runs, 1, "once, not twice");
	zassert_between_inclusive(ran_at - t0, 20, 21, "ran %lld ticks later", ran_at - t0);
}

ZTEST(work_delayable, test_no_wait_submits_at_once) {
	reset();
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_NO_WAIT), 1);
	zassert_equal(k_work_delayable_busy_get(&dw), K_WORK_QUEUED);
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(5)), 0, "already queued");
	/* Rescheduling an item already queued without delay leaves it queued. */
	zassert_equal(k_work_reschedule_for_queue(&test_q, &dw, K_NO_WAIT), 0);
	k_msleep(1);
	zassert_equal(runs, 1);
}

ZTEST(work_delayable, test_cancel_stops_the_delay) {
	reset();
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(10)), 1);
	zassert_equal(k_work_cancel_delayable(&dw), 0);
	k_sleep(K_TICKS(20));
	zassert_equal(runs, 0);

	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(10)), 1);
	zassert_true(k_work_cancel_delayable_sync(&dw, &sync));
	zassert_false(k_work_cancel_delayable_sync(&dw, &sync), "idle now");
	k_sleep(K_TICKS(20));
	zassert_equal(runs, 0);
}

ZTEST(work_delayable, test_flush_submits_at_once) {
	reset();
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_MSEC(100)), 1);
	zassert_true(k_work_flush_delayable(&dw, &sync));
	zassert_equal(runs, 1);
	zassert_true(ran_at - t0 < 5, "did not wait for the delay");
	zassert_equal(k_work_delayable_busy_get(&dw), 0);
	zassert_false(k_work_flush_delayable(&dw, &sync));
}

ZTEST(work_delayable, test_forever_waits_for_a_reschedule) {
	reset();
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_FOREVER), 1);
	k_msleep(5);
	zassert_equal(runs, 0);
	zassert_equal(k_work_delayable_busy_get(&dw), K_WORK_DELAYED);
	zassert_equal(k_work_delayable_remaining_get(&dw), 0);
	zassert_equal(k_work_reschedule_for_queue(&test_q, &dw, K_TICKS(3)), 1);
	k_msleep(1);
	zassert_equal(runs, 1);
}

/* The system queue's forms, and an item whose delay ends while it runs. */
ZTEST(work_delayable, test_system_queue_and_delay_while_running) {
	static K_WORK_DELAYABLE_DEFINE(sys_dw, timed_handler);

	ran_at = -1;
	zassert_equal(k_work_schedule(&sys_dw, K_TICKS(5)), 1);
	zassert_equal(k_work_reschedule(&sys_dw, K_TICKS(2)), 1);
	k_msleep(1);
	zassert_equal(runs, 1);
	zassert_equal_ptr(run_thread[0], k_work_queue_thread_get(&k_sys_work_q));

	k_work_init_delayable(&dw, blocking_handler);
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_NO_WAIT), 1);
	k_msleep(1);
	zassert_equal(k_work_delayable_busy_get(&dw), K_WORK_RUNNING);
	zassert_equal(k_work_schedule_for_queue(&test_q, &dw, K_TICKS(2)), 1);
	k_msleep(1);
	zassert_equal(k_work_delayable_busy_get(&dw), K_WORK_RUNNING | K_WORK_QUEUED,
		      "the delay queued it behind its own run");
	k_sem_give(&release);
	k_msleep(1);
	zassert_equal(runs, 3);
	k_sem_give(&release);
	k_msleep(1);
	zassert_equal(k_work_delayable_busy_get(&dw), 0);
}
