/*
 * More supervisor-only APIs called from user mode: the work queue calls (no
 * system calls, as in Zephyr). The code is user-executable, but it locks
 * interrupts or touches kernel data first, so the caller faults
 * (K_ERR_CPU_EXCEPTION) and the items and queues stay as they were.
 */
#include "attack.h"

static void count_run(struct k_work *work);

static K_WORK_DEFINE(kernel_item, count_run);
static K_WORK_DELAYABLE_DEFINE(kernel_delayed, count_run);
static volatile unsigned int item_runs;

static void count_run(struct k_work *work)
{
	ARG_UNUSED(work);
	item_runs++;
}

/* A queue less urgent than the attacker: what it queues stays queued meanwhile. */
static struct k_work_q slow_q;
static K_THREAD_STACK_DEFINE(slow_q_stack, 1024);

static void work_submit(void *work)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_work_submit_to_queue(&slow_q, work);
}

static void work_cancel(void *work)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_work_cancel(work);
}

static void work_schedule(void *dwork)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_work_schedule_for_queue(&slow_q, dwork, K_NO_WAIT);
}

static void queue_drain(void *queue)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_work_queue_drain(queue, true);
}

static void *setup(void)
{
	k_work_queue_start(&slow_q, slow_q_stack, K_THREAD_STACK_SIZEOF(slow_q_stack),
			   ATTACKER_PRIO + 1, NULL);
	return attack_suite_setup();
}

ZTEST_SUITE(attacks_supervisor_only, NULL, setup, attack_before, attack_after, NULL);

ZTEST(attacks_supervisor_only, test_work_submit) {
	item_runs = 0;
	attack_run(K_ERR_CPU_EXCEPTION, work_submit, &kernel_item, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
	k_msleep(1);
	zassert_equal(item_runs, 0, "the item ran");
	zassert_equal(k_work_busy_get(&kernel_item), 0);
}

ZTEST(attacks_supervisor_only, test_work_cancel) {
	item_runs = 0;
	zassert_equal(k_work_submit_to_queue(&slow_q, &kernel_item), 1);
	attack_run(K_ERR_CPU_EXCEPTION, work_cancel, &kernel_item, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal(k_work_busy_get(&kernel_item), K_WORK_QUEUED, "the item was canceled");
	k_msleep(1);
	zassert_equal(item_runs, 1);
}

ZTEST(attacks_supervisor_only, test_work_schedule) {
	item_runs = 0;
	attack_run(K_ERR_CPU_EXCEPTION, work_schedule, &kernel_delayed, NULL);
	k_msleep(1);
	zassert_equal(item_runs, 0, "the item ran");
	zassert_equal(k_work_delayable_busy_get(&kernel_delayed), 0);
}

/* Plugging a kernel work queue would stop every driver's work on it. */
ZTEST(attacks_supervisor_only, test_work_queue_drain) {
	struct k_work_sync sync;

	attack_run(K_ERR_CPU_EXCEPTION, queue_drain, &slow_q, NULL);
	zassert_equal(k_work_queue_unplug(&slow_q), -EALREADY, "the queue was plugged");
	zassert_true(k_work_submit_to_queue(&slow_q, &kernel_item) >= 0);
	zassert_true(k_work_flush(&kernel_item, &sync));
}
