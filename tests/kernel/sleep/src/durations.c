/*
 * Sleep lengths: k_sleep/k_msleep/k_usleep wake on the exact tick (a timeout
 * of N ticks lasts N * CYC_PER_TICK cycles of the timer from the call), the
 * K_* timeout macros round up to whole ticks, k_sleep(K_NO_WAIT) only yields,
 * and long sleeps (seconds, past the 32-bit wrap of the cycle counter) are
 * exact and cost no guest instructions while idle.
 *
 * Time only advances with executed instructions, so the measured length is
 * the requested one plus the few hundred instructions of the call itself:
 * checked as ">= expected and < expected + 1 tick" (a tick is 100000
 * instructions with either board's timer: 1000 cycles of 10 MHz, 2500 of
 * 25 MHz).
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define CYC_PER_MS   (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000)
#define CYC_PER_US   (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000000)
#define NS_PER_CYC   (1000000000 / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)

/* The tick counts below are written for 10000 ticks/s; the cycle conversions exact. */
BUILD_ASSERT(CONFIG_SYS_CLOCK_TICKS_PER_SEC == 10000, "10000 ticks/s expected");
BUILD_ASSERT(CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC % 1000000 == 0 &&
		 1000000000 % CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC == 0,
	     "a whole number of cycles per microsecond and of nanoseconds per cycle expected");

/* Time a call of @sleep_call and check it lasted @ticks ticks. */
#define CHECK_SLEEP_TICKS(sleep_call, ticks)                                      \
	do {                                                                      \
		int64_t t0_ = k_uptime_ticks();                                   \
		uint64_t c0_ = k_cycle_get_64();                                  \
		int ret_ = (int)(sleep_call);                                     \
		uint64_t dc_ = k_cycle_get_64() - c0_;                            \
		int64_t dt_ = k_uptime_ticks() - t0_;                             \
                                                                                  \
		zassert_equal(ret_, 0, #sleep_call " returned %d", ret_);         \
		zassert_between_inclusive(dt_, (ticks), (ticks) + 1,              \
					  #sleep_call " lasted %lld ticks", dt_); \
		zassert_true(dc_ >= (uint64_t)(ticks)*CYC_PER_TICK,               \
			     #sleep_call " lasted only %llu cycles", dc_);        \
		zassert_true(dc_ < (uint64_t)((ticks) + 1) * CYC_PER_TICK,        \
			     #sleep_call " lasted %llu cycles", dc_);             \
	} while (false)

ZTEST(sleep_durations, test_msleep_exact) {
	CHECK_SLEEP_TICKS(k_msleep(1), 10);
	CHECK_SLEEP_TICKS(k_msleep(5), 50);
	CHECK_SLEEP_TICKS(k_msleep(13), 130);
}

ZTEST(sleep_durations, test_sleep_exact) {
	CHECK_SLEEP_TICKS(k_sleep(K_TICKS(1)), 1);
	CHECK_SLEEP_TICKS(k_sleep(K_TICKS(7)), 7);
	CHECK_SLEEP_TICKS(k_sleep(K_MSEC(3)), 30);
	CHECK_SLEEP_TICKS(k_sleep(K_USEC(450)), 5);
	CHECK_SLEEP_TICKS(k_sleep(K_NSEC(1)), 1);
}

ZTEST(sleep_durations, test_usleep_rounds_up_to_ticks) {
	CHECK_SLEEP_TICKS(k_usleep(1), 1);
	CHECK_SLEEP_TICKS(k_usleep(100), 1);
	CHECK_SLEEP_TICKS(k_usleep(101), 2);
	CHECK_SLEEP_TICKS(k_usleep(250), 3);
	CHECK_SLEEP_TICKS(k_usleep(2000), 20);
}

ZTEST(sleep_durations, test_sleep_back_to_back) {
	/* Consecutive sleeps do not drift: each is its own exact length. */
	int64_t t0 = k_uptime_ticks();

	for (int i = 0; i < 10; i++) {
		k_sleep(K_TICKS(3));
	}
	zassert_between_inclusive(k_uptime_ticks() - t0, 30, 31);
}

ZTEST(sleep_durations, test_timeout_conversions_round_up) {
	zassert_equal(K_TICKS(0).ticks, 0);
	zassert_equal(K_TICKS(5).ticks, 5);
	zassert_true(K_TIMEOUT_EQ(K_TICKS(K_TICKS_FOREVER), K_FOREVER), "ticks are raw");
	zassert_true(K_TIMEOUT_EQ(K_TICKS(-3), K_TIMEOUT_ABS_TICKS(1)), "ticks are raw");

	zassert_equal(K_NSEC(0).ticks, 0);
	zassert_equal(K_NSEC(1).ticks, 1);
	zassert_equal(K_NSEC(100000).ticks, 1);
	zassert_equal(K_NSEC(100001).ticks, 2);

	zassert_equal(K_USEC(0).ticks, 0);
	zassert_equal(K_USEC(1).ticks, 1);
	zassert_equal(K_USEC(99).ticks, 1);
	zassert_equal(K_USEC(100).ticks, 1);
	zassert_equal(K_USEC(101).ticks, 2);
	zassert_equal(K_USEC(1000).ticks, 10);

	zassert_equal(K_MSEC(0).ticks, 0);
	zassert_equal(K_MSEC(1).ticks, 10);
	zassert_equal(K_MSEC(1234).ticks, 12340);
	zassert_equal(K_MSEC(-1).ticks, 0);

	zassert_equal(K_SECONDS(2).ticks, 20000);
	zassert_equal(K_MINUTES(1).ticks, 600000);
	zassert_equal(K_HOURS(1).ticks, 36000000);

	zassert_true(K_TIMEOUT_EQ(K_NO_WAIT, K_TICKS(0)));
	zassert_true(K_TIMEOUT_EQ(K_MSEC(1), K_USEC(1000)));
	zassert_false(K_TIMEOUT_EQ(K_FOREVER, K_NO_WAIT));
	zassert_equal(K_FOREVER.ticks, K_TICKS_FOREVER);
}

ZTEST(sleep_durations, test_tick_conversion_helpers) {
	zassert_equal(k_ms_to_ticks_ceil32(3), 30);
	zassert_equal(k_us_to_ticks_ceil64(150), 2);
	zassert_equal(k_ticks_to_ms_floor64(19), 1);
	zassert_equal(k_ticks_to_ms_ceil64(11), 2);
	zassert_equal(k_ticks_to_us_floor64(3), 300);
	zassert_equal(k_ticks_to_cyc_floor64(2), 2 * CYC_PER_TICK);
	zassert_equal(k_cyc_to_ticks_floor64(2 * CYC_PER_TICK - 1), 1);
	/* Two and a half microseconds' worth, rounded down. */
	zassert_equal(k_cyc_to_us_floor64(CYC_PER_US * 5 / 2), 2);
	zassert_equal(k_cyc_to_ns_floor64(3), 3 * NS_PER_CYC);
}

static volatile int peer_runs;

static void peer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_runs++;
}

ZTEST(sleep_durations, test_sleep_no_wait_yields) {
	peer_runs = 0;
	spawn(0, peer, NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY, K_NO_WAIT);
	spawn(1, peer, NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY + 1, K_NO_WAIT);
	zassert_equal(peer_runs, 0);

	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_sleep(K_NO_WAIT), 0);
	zassert_equal(peer_runs, 1, "k_sleep(K_NO_WAIT) must let the equal-priority peer run");
	zassert_true(k_uptime_ticks() - t0 <= 1, "k_sleep(K_NO_WAIT) waited");
	/* k_msleep(0) and k_usleep(0) are the same yield; the less urgent peer still waits. */
	zassert_equal(k_msleep(0), 0);
	zassert_equal(k_usleep(0), 0);
	zassert_equal(peer_runs, 1);
	zassert_equal(k_thread_join(&workers[1], K_MSEC(1)), 0);
	zassert_equal(peer_runs, 2);
}

ZTEST(sleep_durations, test_long_sleep_is_exact) {
	CHECK_SLEEP_TICKS(k_sleep(K_SECONDS(2)), 20000);
	CHECK_SLEEP_TICKS(k_msleep(1500), 15000);
}

ZTEST(sleep_durations, test_sleep_across_cycle_counter_wrap) {
	/*
	 * 2^32 cycles: 429.5 s of a 10 MHz timer, 171.8 s of a 25 MHz one.
	 * Sleep past it and check both counters.
	 */
	uint64_t wrap = 1ULL << 32;
	uint64_t now = k_cycle_get_64();

#if defined(CONFIG_SMP) && CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US > 0
	/*
	 * The idle harts' heartbeat stops QEMU from skipping idle time: the
	 * seven minutes of virtual time would take minutes of wall time. The
	 * counters are the same with SMP; the one-CPU runs cover them.
	 */
	ztest_test_skip();
#endif
	if (now < wrap) {
		uint32_t to_wrap_ms = (uint32_t)((wrap - now) / CYC_PER_MS);

		k_msleep((int32_t)to_wrap_ms - 2);
	}
	uint32_t c32 = k_cycle_get_32();
	uint64_t c64 = k_cycle_get_64();
	int64_t t0 = k_uptime_ticks();

	CHECK_SLEEP_TICKS(k_msleep(5), 50);
	zassert_true(k_cycle_get_64() > wrap, "the sleep did not reach the wrap");
	/* The 32-bit counter wrapped during the sleep; unsigned differences still hold. */
	zassert_true((uint32_t)(k_cycle_get_32() - c32) >= 50 * CYC_PER_TICK);
	zassert_true(k_cycle_get_32() < c32, "the 32-bit counter did not wrap");
	zassert_true(k_cycle_get_64() - c64 >= 50 * CYC_PER_TICK);
	zassert_true(k_uptime_ticks() - t0 >= 50);
}

ZTEST_SUITE(sleep_durations, NULL, NULL, NULL, reap_workers_after, NULL);
