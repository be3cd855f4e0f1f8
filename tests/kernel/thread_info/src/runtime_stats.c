/*
 * Run-time statistics: a busy thread is charged what it ran (QEMU's -icount
 * makes cycles instructions, so a busy wait of N cycles is N of them, plus
 * the switches), a sleeping one next to nothing; the totals add up, the idle
 * thread's time counts as idle, and NULL arguments are refused.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

ZTEST_SUITE(runtime_stats, NULL, NULL, NULL, NULL, NULL);

#define BUSY_US  2000U
#define BUSY_CYC ((uint64_t)BUSY_US * (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000000U))

static void busy(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_busy_wait(BUSY_US);
}

static void sleepy(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(5);
}

static K_THREAD_STACK_DEFINE(stack, 1024);
static struct k_thread thread;

static uint64_t run_and_measure(k_thread_entry_t entry)
{
	k_thread_runtime_stats_t st;

	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), entry, NULL, NULL, NULL,
			CONFIG_ZTEST_THREAD_PRIORITY + 1, 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&thread, K_FOREVER), 0);
	zassert_equal(k_thread_runtime_stats_get(&thread, &st), 0);
	zassert_equal(st.execution_cycles, st.total_cycles);
	zassert_equal(st.idle_cycles, 0);
	return st.execution_cycles;
}

ZTEST(runtime_stats, test_busy_and_sleeping_threads) {
	uint64_t b = run_and_measure(busy);

	zassert_true(b >= BUSY_CYC && b < BUSY_CYC + BUSY_CYC / 4, "busy thread: %llu cycles", b);
	uint64_t s = run_and_measure(sleepy);

	zassert_true(s < BUSY_CYC / 10, "sleeping thread: %llu cycles", s);
}

ZTEST(runtime_stats, test_current_and_totals) {
	k_thread_runtime_stats_t a;
	k_thread_runtime_stats_t b;
	k_thread_runtime_stats_t all1;
	k_thread_runtime_stats_t all2;
	k_thread_runtime_stats_t idle;

	zassert_equal(k_thread_runtime_stats_all_get(&all1), 0);
	zassert_equal(k_thread_runtime_stats_get(k_current_get(), &a), 0);
	k_busy_wait(500);
	zassert_equal(k_thread_runtime_stats_get(k_current_get(), &b), 0);
	zassert_true(b.execution_cycles - a.execution_cycles >= 5000, "the running stretch counts");
	k_msleep(3); /* idle meanwhile */
	zassert_equal(k_thread_runtime_stats_all_get(&all2), 0);
	zassert_equal(all2.execution_cycles, all2.total_cycles + all2.idle_cycles);
	zassert_true(all2.idle_cycles - all1.idle_cycles >= 25000, "idle: %llu",
		     all2.idle_cycles - all1.idle_cycles);
	/* Everything is counted: the totals grow with the clock, on every CPU. */
	uint64_t now = k_cycle_get_64() * arch_num_cpus();

	zassert_true(all2.execution_cycles <= now &&
			 all2.execution_cycles + 2000U * arch_num_cpus() > now,
		     "%llu of %llu cycles", all2.execution_cycles, now);
	zassert_equal(k_thread_runtime_stats_get(NULL, &idle), -EINVAL);
	zassert_equal(k_thread_runtime_stats_get(k_current_get(), NULL), -EINVAL);
	zassert_equal(k_thread_runtime_stats_all_get(NULL), -EINVAL);
}
