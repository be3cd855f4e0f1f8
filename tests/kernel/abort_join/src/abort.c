/*
 * k_thread_abort() in every state a thread can be in: returned, ready but not
 * running, blocked on a semaphore (with and without timeout), sleeping,
 * suspended, created but never started, waiting for a delayed start, running
 * (self-abort), interrupted (abort from an ISR), and already dead.
 *
 * After each abort the test checks that the thread never executes another
 * line (its "after" marker stays 0, even once the time it was waiting for has
 * passed), that it is dead for k_thread_join(), and that the object it waited
 * on is left consistent.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "local_soft_irq.h"
#include "workers.h"

static volatile int before;
static volatile int after;
static volatile int take_ret;
static K_SEM_DEFINE(sem, 0, 10);

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	before = 0;
	after = 0;
	take_ret = 1;
	k_sem_reset(&sem);
}

static void just_return(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before++;
}

/* Take the semaphore with the timeout (in ticks) in p1, K_FOREVER for NULL. */
static void take_sem(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before++;
	take_ret = k_sem_take(&sem, p1 == NULL ? K_FOREVER : K_TICKS((intptr_t)p1));
	after++;
}

static void sleep_5ms(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before++;
	k_msleep(5);
	after++;
}

static void suspend_self(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before++;
	k_thread_suspend(k_current_get());
	after++;
}

static void abort_self(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before++;
	k_thread_abort(k_current_get());
	after++;
}

ZTEST(abort, test_join_returned_thread) {
	k_tid_t tid = spawn(0, just_return, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(before, 1);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	zassert_equal(k_thread_join(tid, K_FOREVER), 0);
	zassert_equal(k_thread_join(tid, K_MSEC(10)), 0);
	zassert_true(k_uptime_ticks() - t0 <= 1, "joining a dead thread waited");
}

ZTEST(abort, test_abort_ready_thread) {
	k_tid_t tid = spawn(0, just_return, NULL, NULL, NULL, 5, K_NO_WAIT);

	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	k_msleep(5);
	zassert_equal(before, 0, "an aborted ready thread ran");
}

ZTEST(abort, test_abort_sem_waiter_forever) {
	k_tid_t tid = spawn(0, take_sem, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(before, 1, "the worker should be blocked in k_sem_take()");
	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);

	/* Nobody waits any more: the give is counted. */
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 1);
	k_msleep(1);
	zassert_equal(after, 0, "an aborted waiter returned from k_sem_take()");
}

ZTEST(abort, test_abort_sem_waiter_with_timeout) {
	k_tid_t tid = spawn(0, take_sem, (void *)50, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	/* Past the 5 ms timeout: its cancelled timeout must not wake it. */
	k_msleep(10);
	zassert_equal(after, 0, "an aborted waiter timed out");
	zassert_equal(take_ret, 1);
	zassert_equal(k_sem_count_get(&sem), 0);
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 1);
}

ZTEST(abort, test_abort_sleeping_thread) {
	k_tid_t tid = spawn(0, sleep_5ms, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(before, 1);
	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	k_msleep(10);
	zassert_equal(after, 0, "an aborted sleeper woke up");
}

ZTEST(abort, test_abort_suspended_thread) {
	k_tid_t tid = spawn(0, suspend_self, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(before, 1);
	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	/* Resuming the dead thread must not bring it back. */
	k_thread_resume(tid);
	k_msleep(1);
	zassert_equal(after, 0, "a dead thread was resumed");
}

ZTEST(abort, test_abort_unstarted_thread) {
	k_tid_t tid = spawn(0, just_return, NULL, NULL, NULL, K_PRIO_COOP(1), K_FOREVER);

	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	/* Starting the dead thread must not run it. */
	k_thread_start(tid);
	k_msleep(1);
	zassert_equal(before, 0, "an aborted K_FOREVER thread ran");
}

ZTEST(abort, test_abort_pending_delayed_start) {
	k_tid_t tid = spawn(0, just_return, NULL, NULL, NULL, K_PRIO_COOP(1), K_MSEC(2));

	k_thread_abort(tid);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	k_msleep(5);
	zassert_equal(before, 0, "the delayed start of an aborted thread fired");
}

ZTEST(abort, test_self_abort) {
	k_tid_t tid = spawn(0, abort_self, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(before, 1);
	zassert_equal(after, 0, "k_thread_abort(k_current_get()) returned");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(abort, test_abort_dead_thread_again) {
	k_tid_t tid = spawn(0, just_return, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	k_thread_abort(tid);
	k_thread_abort(tid);
	zassert_equal(before, 1);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);

	/* The semaphore still works normally afterwards. */
	k_tid_t waiter = spawn(1, take_sem, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	k_sem_give(&sem);
	zassert_equal(take_ret, 0);
	zassert_equal(k_thread_join(waiter, K_NO_WAIT), 0);
}

/* Abort from an interrupt handler: of another thread and of the one interrupted. */
static k_tid_t volatile isr_victim;
static volatile int isr_runs;

static void abort_isr(const void *arg)
{
	ARG_UNUSED(arg);
	local_soft_irq_clear();
	isr_runs++;
	k_thread_abort(isr_victim == NULL ? k_current_get() : isr_victim);
}

IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, abort_isr, NULL, 0);

static void raise_irq_then_mark(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before++;
	local_soft_irq_raise();
	for (int i = 0; i < 1000 && isr_runs == 0; i++) {
	}
	after++;
}

ZTEST(abort, test_abort_from_isr_blocked_thread) {
	k_tid_t tid = spawn(0, take_sem, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	isr_runs = 0;
	isr_victim = tid;
	irq_enable(LOCAL_SOFT_IRQ);
	local_soft_irq_raise();
	for (int i = 0; i < 1000 && isr_runs == 0; i++) {
	}
	irq_disable(LOCAL_SOFT_IRQ);

	zassert_equal(isr_runs, 1);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 1, "the give went to the aborted waiter");
	zassert_equal(after, 0);
}

ZTEST(abort, test_abort_interrupted_thread_from_isr) {
	isr_runs = 0;
	isr_victim = NULL;
	irq_enable(LOCAL_SOFT_IRQ);
	k_tid_t tid = spawn(0, raise_irq_then_mark, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	irq_disable(LOCAL_SOFT_IRQ);

	zassert_equal(isr_runs, 1);
	zassert_equal(before, 1);
	zassert_equal(after, 0, "the thread went on after an ISR aborted it");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

/* An aborted semaphore waiter does not receive a later give. */
ZTEST(abort, test_aborted_waiter_skipped_by_give) {
	k_tid_t a = spawn(0, take_sem, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	/* b waits behind a (less urgent); a is the one the give would pick. */
	k_tid_t b = spawn(1, take_sem, NULL, NULL, NULL, K_PRIO_COOP(2), K_NO_WAIT);

	zassert_equal(before, 2);
	k_thread_abort(a);
	k_sem_give(&sem);
	/* b got it and ran (it is more urgent than the test thread). */
	zassert_equal(after, 1);
	zassert_equal(take_ret, 0);
	zassert_equal(k_sem_count_get(&sem), 0, "the unit was counted instead of handed over");
	zassert_equal(k_thread_join(b, K_NO_WAIT), 0);
}

ZTEST(abort, test_aborted_only_waiter_give_counts) {
	k_tid_t a = spawn(0, take_sem, (void *)100, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	k_thread_abort(a);
	k_sem_give(&sem);
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 2, "a give was lost to the aborted waiter");
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), 0);
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), 0);
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), -EBUSY);
}

ZTEST_SUITE(abort, NULL, NULL, reset, reap_workers_after, NULL);
