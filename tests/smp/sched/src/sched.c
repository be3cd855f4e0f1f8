/*
 * Scheduling on several CPUs: the most urgent ready threads run, one per
 * CPU; a thread made ready interrupts the CPU it must preempt; cooperative
 * threads are never preempted; abort and suspend of a thread running on
 * another CPU return only once it has stopped there; wakeups follow priority
 * across CPUs. Each body runs in the observer (common.h), alone on CPU 0;
 * the spinners share the other CPUs.
 */
#include "common.h"

#define LOW  K_PRIO_PREEMPT(6)
#define MID  K_PRIO_PREEMPT(4)
#define HIGH K_PRIO_PREEMPT(2)

/*
 * Which of the first @n spinners run on a CPU now, as the scheduler has it
 * (each thread's CPU field), read under its lock: a snapshot no timing of
 * the host can blur, unlike watching counters move.
 */
static uint32_t advancing(unsigned int n)
{
	uint32_t mask = 0;

	let_run(2); /* let pending IPIs land first */
	k_sched_lock();
	for (unsigned int i = 0; i < n; i++) {
		if (spinners[i].thread.base.cpu != Z_NO_CPU) {
			mask |= BIT(i);
		}
	}
	k_sched_unlock();
	return mask;
}

/*
 * advancing(), looked at again (up to 100 times) until @filled CPUs run
 * spinners among the first @n, @must among them: with real parallelism
 * (.par runs) the host may not run a hart's thread for a while, so an IPI
 * can land late. A scheduler that never gets there still fails.
 */
static uint32_t settled(unsigned int n, unsigned int filled, uint32_t must)
{
	uint32_t running = advancing(n);

	for (int tries = 0; tries < 100; tries++) {
		if (__builtin_popcount(running) == (int)filled && (running & must) == must) {
			break;
		}
		running = advancing(n);
	}
	return running;
}

static void most_urgent_threads_run(void)
{
	unsigned int others = arch_num_cpus() - 1U; /* CPUs for the spinners */
	uint32_t low = BIT_MASK(others + 1U);

	/* Low spinners fill every other CPU, and one more waits. */
	for (unsigned int i = 0; i <= others; i++) {
		spinner_start(i, LOW, -1);
	}
	uint32_t running = settled(others + 1U, others, 0);

	zassert_equal(__builtin_popcount(running), (int)others, "%u CPUs run %#x", others, running);

	/* A more urgent one preempts one of them at once. */
	spinner_start(others + 1U, HIGH, -1);
	zassert_true(spinner_runs(others + 1U), "the urgent thread did not get a CPU");
	running = settled(others + 2U, others, BIT(others + 1U));
	zassert_true((running & BIT(others + 1U)) != 0U);
	zassert_equal(__builtin_popcount(running & low), (int)others - 1,
		      "after the urgent one: %#x", running);
}

ZTEST(smp_sched, test_most_urgent_threads_run) {
	observe(most_urgent_threads_run);
}

static void ipi_preempts_the_other_cpu(void)
{
	spinner_start(0, LOW, 1);
	zassert_true(spinner_runs(0));
	spinner_start(1, HIGH, 1);
	zassert_true(spinner_runs(1), "no IPI preempted CPU 1");
	zassert_equal(spinners[1].cpu, 1);
	zassert_equal(settled(2, 1, BIT(1)), BIT(1), "the preempted thread still runs");
	spinners[1].stop = true;
	zassert_true(spinner_runs(0), "the preempted thread did not come back");
}

ZTEST(smp_sched, test_ipi_preempts_the_other_cpu) {
	observe(ipi_preempts_the_other_cpu);
}

static void cooperative_thread_is_not_preempted(void)
{
	spinner_start(0, K_PRIO_COOP(3), 1);
	zassert_true(spinner_runs(0));
	spinner_start(1, HIGH, 1);
	zassert_equal(advancing(2), BIT(0), "a cooperative thread was preempted");
	spinners[0].stop = true;
	zassert_true(spinner_runs(1), "the waiting thread never ran");
}

ZTEST(smp_sched, test_cooperative_thread_is_not_preempted) {
	observe(cooperative_thread_is_not_preempted);
}

static void abort_of_a_thread_running_elsewhere(void)
{
	k_tid_t t = spinner_start(0, LOW, 1);

	zassert_true(spinner_runs(0));
	k_thread_abort(t);
	/* Returned: it has stopped on its CPU, and stays stopped. */
	uint32_t at_return = spinners[0].count;

	let_run(2);
	zassert_equal(spinners[0].count, at_return, "it ran on after k_thread_abort() returned");
	zassert_ok(k_thread_join(t, K_NO_WAIT));
}

ZTEST(smp_sched, test_abort_of_a_thread_running_elsewhere) {
	observe(abort_of_a_thread_running_elsewhere);
}

static void suspend_of_a_thread_running_elsewhere(void)
{
	k_tid_t t = spinner_start(0, LOW, 1);

	zassert_true(spinner_runs(0));
	k_thread_suspend(t);
	uint32_t at_return = spinners[0].count;

	let_run(2);
	zassert_equal(spinners[0].count, at_return, "it ran on after k_thread_suspend() returned");
	k_thread_resume(t);
	zassert_true(spinner_runs(0), "it did not run again after k_thread_resume()");
}

ZTEST(smp_sched, test_suspend_of_a_thread_running_elsewhere) {
	observe(suspend_of_a_thread_running_elsewhere);
}

static void pinned_threads_run_where_pinned(void)
{
	for (unsigned int c = 1; c < arch_num_cpus(); c++) {
		spinner_start(c, LOW, (int)c);
		zassert_true(spinner_runs(c));
		zassert_equal(spinners[c].cpu, (int)c, "pinned to %u, ran on %d", c,
			      spinners[c].cpu);
	}
}

ZTEST(smp_sched, test_pinned_threads_run_where_pinned) {
	observe(pinned_threads_run_where_pinned);
}

/* Wakeups: waiters of one semaphore get it in priority order, whatever CPU runs them. */
#define WAITERS 6
static struct k_thread waiters[WAITERS];
K_THREAD_STACK_ARRAY_DEFINE(waiter_stacks, WAITERS, STACK_SIZE);
static struct k_sem gate;
static struct k_spinlock order_lock;
static int order[WAITERS];
static volatile int ordered;

static void wait_gate(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_ok(k_sem_take(&gate, K_FOREVER));

	k_spinlock_key_t key = k_spin_lock(&order_lock);

	order[ordered++] = (int)(uintptr_t)p1;
	k_spin_unlock(&order_lock, key);
}

static void wakeups_follow_priority(void)
{
	/* Created in a scrambled order; waiter i has priority i + 1. */
	static const int creation[WAITERS] = { 3, 0, 5, 2, 4, 1 };

	k_sem_init(&gate, 0, WAITERS);
	ordered = 0;
	for (int n = 0; n < WAITERS; n++) {
		int i = creation[n];

		k_thread_create(&waiters[i], waiter_stacks[i], STACK_SIZE, wait_gate,
				(void *)(uintptr_t)i, NULL, NULL, K_PRIO_PREEMPT(i + 1), 0,
				K_FOREVER);
		zassert_ok(k_thread_cpu_mask_disable(&waiters[i], 0));
		k_thread_start(&waiters[i]);
	}
	let_run(2); /* every waiter runs (on the other CPUs) and waits */
	for (int n = 0; n < WAITERS; n++) {
		k_sem_give(&gate);
		for (int t = 0; t < 100 && ordered == n; t++) {
			k_sleep(K_TICKS(1));
		}
		zassert_equal(ordered, n + 1, "give %d woke nobody", n);
	}
	for (int i = 0; i < WAITERS; i++) {
		zassert_equal(order[i], i, "wakeup %d went to waiter %d", i, order[i]);
		zassert_ok(k_thread_join(&waiters[i], K_MSEC(100)));
	}
}

ZTEST(smp_sched, test_wakeups_follow_priority_across_cpus) {
	observe(wakeups_follow_priority);
}

static void before(void *f)
{
	ARG_UNUSED(f);
	if (arch_num_cpus() < 2U) {
		ztest_test_skip();
	}
}

static void after(void *f)
{
	ARG_UNUSED(f);
	spinners_stop();
}

ZTEST_SUITE(smp_sched, NULL, NULL, before, after, NULL);
