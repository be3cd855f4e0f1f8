/*
 * An ISR that gives a semaphore wakes the waiting thread. If the waiter is
 * more urgent than the interrupted thread, it runs as soon as the ISR returns,
 * before the interrupted thread continues; if it is less urgent, the
 * interrupted thread continues first. The order is recorded in a log.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "soft_irq.h"

enum event {
	EV_RAISE = 1,
	EV_ISR,
	EV_WAITER_WOKE,
	EV_INTERRUPTED_CONTINUES,
};

#define LOG_LEN 8

static volatile enum event events[LOG_LEN];
static volatile unsigned int log_len;

static void log_event(enum event ev)
{
	unsigned int key = irq_lock();

	if (log_len < LOG_LEN) {
		events[log_len] = ev;
	}
	log_len++;
	irq_unlock(key);
}

static K_SEM_DEFINE(wake_sem, 0, 1);
static K_THREAD_STACK_DEFINE(waiter_stack, 1024);
static struct k_thread waiter;
static volatile int waiter_take_ret;

static void give_from_isr(void)
{
	log_event(EV_ISR);
	k_sem_give(&wake_sem);
}

static void waiter_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	waiter_take_ret = k_sem_take(&wake_sem, K_FOREVER);
	log_event(EV_WAITER_WOKE);
}

/* Start a waiter at @prio, let it block, interrupt this thread, log what follows. */
static void run_wakeup(int prio)
{
	log_len = 0;
	waiter_take_ret = 1;
	k_sem_reset(&wake_sem);
	soft_irq_hook = give_from_isr;
	irq_enable(LOCAL_SOFT_IRQ);

	k_thread_create(&waiter, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), waiter_entry,
			NULL, NULL, NULL, prio, 0, K_NO_WAIT);
	/* A less urgent waiter must first get the CPU to start waiting. */
	k_msleep(1);
	unsigned int logged_before_raise = log_len;

	log_event(EV_RAISE);
	soft_irq_raise();
	log_event(EV_INTERRUPTED_CONTINUES);

	int join_ret = k_thread_join(&waiter, K_MSEC(10));

	/* Never leave the waiter behind in the semaphore for the next test. */
	k_thread_abort(&waiter);
	zassert_equal(logged_before_raise, 0, "waiter did not block");
	zassert_equal(join_ret, 0, "waiter did not end");
	zassert_equal(waiter_take_ret, 0, "k_sem_take returned %d", waiter_take_ret);
	zassert_equal(soft_irq_runs, 1);
	zassert_equal(log_len, 4, "%u events logged", log_len);
}

ZTEST(irq_soft, test_isr_wakes_more_urgent_thread_first) {
	int prio = k_thread_priority_get(k_current_get()) - 1;

	run_wakeup(prio);
	zassert_equal(events[0], EV_RAISE);
	zassert_equal(events[1], EV_ISR);
	zassert_equal(events[2], EV_WAITER_WOKE, "woken thread did not run right after the ISR");
	zassert_equal(events[3], EV_INTERRUPTED_CONTINUES);
}

ZTEST(irq_soft, test_isr_wakes_less_urgent_thread_later) {
	int prio = k_thread_priority_get(k_current_get()) + 1;

	run_wakeup(prio);
	zassert_equal(events[0], EV_RAISE);
	zassert_equal(events[1], EV_ISR);
	zassert_equal(events[2], EV_INTERRUPTED_CONTINUES, "less urgent thread preempted");
	zassert_equal(events[3], EV_WAITER_WOKE);
}
