/*
 * The timing API over the cycle counter: a counter that advances, differences
 * in cycles, and conversions that agree with k_busy_wait().
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/timing/timing.h>

ZTEST(timing, test_cycles_and_conversions) {
	timing_init();
	timing_start();

	timing_t start = timing_counter_get();

	k_busy_wait(100);

	timing_t end = timing_counter_get();
	uint64_t cycles = timing_cycles_get(&start, &end);
	uint64_t ns = timing_cycles_to_ns(cycles);

	timing_stop();
	zassert_true(end > start);
	zassert_between_inclusive(ns, 100000U, 110000U, "100 us busy: %u ns", (unsigned int)ns);
	zassert_equal(timing_freq_get(), sys_clock_hw_cycles_per_sec());
	zassert_equal(timing_freq_get_mhz(), sys_clock_hw_cycles_per_sec() / 1000000U);
	zassert_equal(timing_cycles_to_ns_avg(cycles * 4U, 4), ns);
	zassert_equal(timing_cycles_to_ns_avg(cycles, 0), 0U);
}

ZTEST_SUITE(timing, NULL, NULL, NULL, NULL, NULL);
