/*
 * Timed semaphore waits: k_sem_take() with a timeout gives up on the exact
 * tick with -EAGAIN, and a give racing the timeout (from a thread or from an
 * interrupt handler, a few cycles before or after the expiry) is never lost
 * and never counted twice: either the waiter got it (0, count unchanged) or
 * it timed out (-EAGAIN) and the unit is in the count.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "local_soft_irq.h"
#include "workers.h"

#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)

static K_SEM_DEFINE(sem, 0, 10);

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	k_sem_reset(&sem);
}

ZTEST(sleep_sem_timeout, test_take_times_out_on_the_tick) {
	static const int ticks[] = { 1, 7, 40, 333 };

	for (int i = 0; i < (int)ARRAY_SIZE(ticks); i++) {
		int64_t t0 = k_uptime_ticks();
		uint64_t c0 = k_cycle_get_64();
		int ret = k_sem_take(&sem, K_TICKS(ticks[i]));
		uint64_t dc = k_cycle_get_64() - c0;
		int64_t dt = k_uptime_ticks() - t0;

		zassert_equal(ret, -EAGAIN, "take with %d ticks returned %d", ticks[i], ret);
		zassert_between_inclusive(dt, ticks[i], ticks[i] + 1, "%d ticks lasted %lld",
					  ticks[i], dt);
		zassert_true(dc >= (uint64_t)ticks[i] * CYC_PER_TICK &&
				 dc < (uint64_t)(ticks[i] + 1) * CYC_PER_TICK,
			     "%d ticks lasted %llu cycles", ticks[i], dc);
		zassert_equal(k_sem_count_get(&sem), 0);
	}
}

ZTEST(sleep_sem_timeout, test_take_msec_times_out) {
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_sem_take(&sem, K_MSEC(4)), -EAGAIN);
	zassert_between_inclusive(k_uptime_ticks() - t0, 40, 41);
}

ZTEST(sleep_sem_timeout, test_take_no_wait_does_not_block) {
	uint64_t c0 = k_cycle_get_64();

	zassert_equal(k_sem_take(&sem, K_NO_WAIT), -EBUSY);
	zassert_true(k_cycle_get_64() - c0 < CYC_PER_TICK, "K_NO_WAIT blocked");
}

static void give_after_ticks(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_TICKS((intptr_t)p1));
	k_sem_give(&sem);
}

ZTEST(sleep_sem_timeout, test_give_before_timeout) {
	int64_t t0 = k_uptime_ticks();

	spawn(0, give_after_ticks, (void *)20, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	zassert_equal(k_sem_take(&sem, K_TICKS(30)), 0);
	zassert_between_inclusive(k_uptime_ticks() - t0, 20, 21, "woken by the give, not later");
	zassert_equal(k_sem_count_get(&sem), 0);

	/* The cancelled timeout does not strike a later wait. */
	t0 = k_uptime_ticks();
	zassert_equal(k_sem_take(&sem, K_TICKS(50)), -EAGAIN);
	zassert_between_inclusive(k_uptime_ticks() - t0, 50, 51);
}

/*
 * The race. The giver goes to sleep for RACE_TICKS first; the waiter then
 * takes with the same timeout, so it is due a few cycles after the giver
 * wakes. The giver spins `skew` cycles before giving: small skews give before
 * the timeout, larger ones after. Both sides are more urgent than the test
 * thread and the waiter preempts the giver, so whatever the interleaving, the
 * outcome is one of the two consistent ones.
 *
 * The skews span 20 us, which must cover the gap between the two due times:
 * the instructions between the two calls (one per nanosecond under -icount),
 * whatever the timer's rate. Measured: under 4 us on qemu_riscv32, about
 * 9.7 us on mps2_an385 (whose thread creation and switches take more
 * instructions).
 */
#define RACE_TICKS 10
#define MAX_SKEW   (20 * CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000000)

enum give_from {
	GIVE_FROM_THREAD,
	GIVE_FROM_ISR,
};

static volatile int race_ret;

static void race_isr(const void *arg)
{
	ARG_UNUSED(arg);
	local_soft_irq_clear();
	k_sem_give(&sem);
}

IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, race_isr, NULL, 0);

static void race_giver(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	uint32_t skew = (uint32_t)(uintptr_t)p1;

	k_sleep(K_TICKS(RACE_TICKS));

	uint32_t start = k_cycle_get_32();

	while (k_cycle_get_32() - start < skew) {
	}
	if ((enum give_from)(uintptr_t)p2 == GIVE_FROM_ISR) {
		local_soft_irq_raise();
	} else {
		k_sem_give(&sem);
	}
}

static void race_waiter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	race_ret = k_sem_take(&sem, K_TICKS(RACE_TICKS));
}

static void run_race(enum give_from from)
{
	int got = 0;
	int timed_out = 0;

	for (unsigned int skew = 0; skew <= MAX_SKEW; skew++) {
		k_sem_reset(&sem);
		race_ret = 1;
		/* The giver is preemptible so that the waiter's timeout can preempt its spin. */
		spawn(0, race_giver, (void *)(uintptr_t)skew, (void *)(uintptr_t)from, NULL, 0,
		      K_FOREVER);
		spawn(1, race_waiter, NULL, NULL, NULL, K_PRIO_COOP(1), K_FOREVER);
		k_thread_start(&workers[0]);
		k_thread_start(&workers[1]);
		zassert_equal(k_thread_join(&workers[0], K_MSEC(5)), 0);
		zassert_equal(k_thread_join(&workers[1], K_MSEC(5)), 0);

		unsigned int count = k_sem_count_get(&sem);

		if (race_ret == 0) {
			got++;
			zassert_equal(count, 0, "skew %u: taken and counted: the give doubled",
				      skew);
		} else {
			timed_out++;
			zassert_equal(race_ret, -EAGAIN, "skew %u: take returned %d", skew,
				      race_ret);
			zassert_equal(count, 1,
				      "skew %u: timed out and not counted: the give was lost",
				      skew);
		}
	}
	printk("%s give: %d taken, %d timed out\n", from == GIVE_FROM_ISR ? "ISR" : "thread", got,
	       timed_out);
	/*
	 * The sweep must cross the race window, or it proves nothing. With SMP
	 * the timeout expires in hart 0's timer interrupt, which reaches this
	 * CPU by an IPI whose delay under -icount depends on the harts' turns:
	 * the window moves, and only the outcomes above are checked.
	 */
	if (!IS_ENABLED(CONFIG_SMP)) {
		zassert_true(got > 0, "the give never beat the timeout");
		zassert_true(timed_out > 0, "the timeout never beat the give");
	}
}

ZTEST(sleep_sem_timeout, test_give_races_timeout_from_thread) {
	run_race(GIVE_FROM_THREAD);
}

ZTEST(sleep_sem_timeout, test_give_races_timeout_from_isr) {
	irq_enable(LOCAL_SOFT_IRQ);
	run_race(GIVE_FROM_ISR);
	irq_disable(LOCAL_SOFT_IRQ);
}

ZTEST_SUITE(sleep_sem_timeout, NULL, NULL, reset, reap_workers_after, NULL);
