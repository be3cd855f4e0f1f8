/*
 * irq_offload(): the routine runs before the call returns, in interrupt
 * context (k_is_in_isr(), ISR rules for blocking calls), with its parameter;
 * a thread it makes ready runs at the interrupt's exit if it is more urgent
 * than the caller, unless the caller had interrupts locked; offloads nest; work submitted from it
 * goes to the queue as from any ISR.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/irq_offload.h>

ZTEST_SUITE(irq_offload, NULL, NULL, NULL, NULL, NULL);

static volatile unsigned int calls;
static const void *volatile seen_param;
static volatile bool seen_in_isr;
static volatile int seen_take;

static void record(const void *param)
{
	calls++;
	seen_param = param;
	seen_in_isr = k_is_in_isr();
}

ZTEST(irq_offload, test_routine_runs_in_isr) {
	static const int token = 42;

	calls = 0;
	zassert_false(k_is_in_isr());
	irq_offload(record, &token);
	zassert_equal(calls, 1, "ran once, before irq_offload() returned");
	zassert_equal_ptr(seen_param, &token);
	zassert_true(seen_in_isr);
	zassert_false(k_is_in_isr(), "back in thread context");
	irq_offload(record, NULL);
	zassert_equal(calls, 2);
	zassert_is_null(seen_param);
}

static K_SEM_DEFINE(sem, 0, 1);

static void take_no_wait(const void *param)
{
	ARG_UNUSED(param);
	seen_take = k_sem_take(&sem, K_NO_WAIT);
}

ZTEST(irq_offload, test_no_wait_take_in_isr) {
	k_sem_reset(&sem);
	irq_offload(take_no_wait, NULL);
	zassert_equal(seen_take, -EBUSY);
	k_sem_give(&sem);
	irq_offload(take_no_wait, NULL);
	zassert_equal(seen_take, 0);
}

static void give(const void *param)
{
	k_sem_give((struct k_sem *)param);
}

static volatile bool waiter_ran;

static void waiter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_sem_take(&sem, K_FOREVER);
	waiter_ran = true;
}

static K_THREAD_STACK_DEFINE(waiter_stack, 1024);
static struct k_thread waiter_thread;

/* The routine wakes a more urgent thread: it runs before irq_offload() returns. */
ZTEST(irq_offload, test_isr_exit_switches_to_woken_thread) {
	k_sem_reset(&sem);
	waiter_ran = false;
	k_thread_create(&waiter_thread, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), waiter,
			NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	zassert_false(waiter_ran, "it waits");
	irq_offload(give, &sem);
	zassert_true(waiter_ran, "switched to at the interrupt's exit");
	zassert_equal(k_thread_join(&waiter_thread, K_NO_WAIT), 0);
}

/* With interrupts locked the caller is not switched out of its critical section. */
ZTEST(irq_offload, test_no_switch_while_locked) {
	k_sem_reset(&sem);
	waiter_ran = false;
	k_thread_create(&waiter_thread, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), waiter,
			NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	unsigned int key = irq_lock();

	irq_offload(give, &sem);
	bool ran_inside = waiter_ran;

	irq_unlock(key);
	zassert_false(ran_inside, "switched out of the locked section");
	k_yield();
	zassert_true(waiter_ran, "the woken thread ran at the next scheduling point");
	zassert_equal(k_thread_join(&waiter_thread, K_NO_WAIT), 0);
}

static volatile unsigned int depth_seen;

static void inner(const void *param)
{
	ARG_UNUSED(param);
	depth_seen = 2;
	seen_in_isr = k_is_in_isr();
}

static void outer(const void *param)
{
	ARG_UNUSED(param);
	depth_seen = 1;
	irq_offload(inner, NULL);
	calls = k_is_in_isr() ? 10 : 20; /* still in the outer interrupt */
}

ZTEST(irq_offload, test_nested_offload) {
	calls = 0;
	seen_in_isr = false;
	irq_offload(outer, NULL);
	zassert_equal(depth_seen, 2);
	zassert_true(seen_in_isr);
	zassert_equal(calls, 10);
	zassert_false(k_is_in_isr());
}

static void work_handler(struct k_work *work)
{
	ARG_UNUSED(work);
	calls++;
}

static K_WORK_DEFINE(isr_work, work_handler);
static volatile int submit_ret;

static void submit(const void *param)
{
	ARG_UNUSED(param);
	submit_ret = k_work_submit((struct k_work *)&isr_work);
}

ZTEST(irq_offload, test_work_submitted_from_isr) {
	calls = 0;
	irq_offload(submit, NULL);
	zassert_equal(submit_ret, 1);
	/* The system work queue is cooperative and more urgent: it ran at the exit. */
	zassert_equal(calls, 1);
}
