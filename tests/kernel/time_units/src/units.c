/*
 * Zephyr's time-unit macros compute in 64 bits: a duration of more than 2^31
 * milliseconds (about 25 days) is that long, not a negative count that
 * expires at once. A negative duration means K_NO_WAIT, as in Zephyr.
 */
#include "test_util.h"

#define TICK_HZ ((int64_t)CONFIG_SYS_CLOCK_TICKS_PER_SEC)

/* Durations a program computes: int variables, as in the k_sem_take(). */
static volatile int seconds = 2200000, minutes = 40000, hours = 1000, big = INT32_MAX;

ZTEST(time_units, test_units_are_64_bit) {
	zassert_equal(K_SECONDS(seconds).ticks, 2200000LL * TICK_HZ);
	zassert_equal(K_MINUTES(minutes).ticks, 40000LL * 60 * TICK_HZ);
	zassert_equal(K_HOURS(hours).ticks, 1000LL * 3600 * TICK_HZ);
	zassert_equal(K_HOURS(big).ticks, (int64_t)INT32_MAX * 3600 * TICK_HZ);
	zassert_equal(K_MSEC(big).ticks, (int64_t)INT32_MAX * TICK_HZ / 1000);
	zassert_equal(K_SECONDS(2200000).ticks, 2200000LL * TICK_HZ);
	zassert_equal(K_MSEC(5000000000LL).ticks, 5000000000LL * TICK_HZ / 1000);
	zassert_equal(K_USEC(5000000000LL).ticks, 5000000000LL * TICK_HZ / 1000000);
	zassert_equal(K_NSEC(5000000000000LL).ticks, 5000000000000LL * TICK_HZ / 1000000000);
	zassert_equal(K_CYC(5000000000LL * CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC).ticks,
		      5000000000LL * TICK_HZ);
	zassert_equal(K_TICKS(5000000000LL).ticks, 5000000000LL);
}

ZTEST(time_units, test_units_round_up) {
	zassert_equal(K_USEC(1).ticks, 1);
	zassert_equal(K_NSEC(1).ticks, 1);
	zassert_equal(K_CYC(1).ticks, 1);
	zassert_equal(K_MSEC(1).ticks, TICK_HZ / 1000);
}

ZTEST(time_units, test_negative_durations_are_no_wait) {
	zassert_true(K_TIMEOUT_EQ(K_MSEC(-5), K_NO_WAIT));
	zassert_true(K_TIMEOUT_EQ(K_SECONDS(-1), K_NO_WAIT));
	zassert_true(K_TIMEOUT_EQ(K_HOURS(-1), K_NO_WAIT));
	zassert_true(K_TIMEOUT_EQ(K_USEC(-1), K_NO_WAIT));
	zassert_true(K_TIMEOUT_EQ(K_NSEC(-1), K_NO_WAIT));
	zassert_true(K_TIMEOUT_EQ(K_CYC(-1), K_NO_WAIT));
	/* K_TICKS() is raw, as in Zephyr: -1 is K_TICKS_FOREVER. */
	zassert_true(K_TIMEOUT_EQ(K_TICKS(-1), K_FOREVER));
	zassert_equal(k_msleep(-5), 0);
}

static struct k_sem sem;

static void give_sem(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_give(&sem);
}

ZTEST(time_units, test_long_wait_waits) {
	int64_t start = k_uptime_ticks();

	spawn_delayed(give_sem, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY + 1, K_MSEC(10));
	zassert_equal(k_sem_take(&sem, K_SECONDS(seconds)), 0, "a 25-day wait expired at once");
	zassert_between_inclusive(k_uptime_ticks() - start, 10 * TICK_HZ / 1000,
				  11 * TICK_HZ / 1000);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(time_units, NULL, NULL, before, after, NULL);

/* Zephyr's Z_TIMEOUT_* names are the K_* macros; the 32-bit conversions round as the 64-bit ones.
 */
ZTEST(time_units, test_z_timeout_names_and_32_bit_conversions) {
	zassert_equal(Z_TIMEOUT_MS(7).ticks, K_MSEC(7).ticks);
	zassert_equal(Z_TIMEOUT_US(7).ticks, K_USEC(7).ticks);
	zassert_equal(Z_TIMEOUT_NS(7).ticks, K_NSEC(7).ticks);
	zassert_equal(Z_TIMEOUT_CYC(7).ticks, K_CYC(7).ticks);
	zassert_equal(k_ticks_to_ms_ceil32(1), (uint32_t)k_ticks_to_ms_ceil64(1));
	zassert_equal(k_ticks_to_ms_ceil32(TICK_HZ), 1000U);
	zassert_equal(k_ticks_to_us_ceil32(1), (uint32_t)k_ticks_to_us_ceil64(1));
	zassert_equal(k_ticks_to_us_floor32(TICK_HZ), 1000000U);
}

/* Milliseconds and microseconds to cycles: ceil rounds up, floor down (10 MHz here). */
ZTEST(time_units, test_to_cycles) {
	const uint64_t hz = CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC;

	zassert_equal(k_ms_to_cyc_ceil64(10), 10U * hz / 1000U);
	zassert_equal(k_ms_to_cyc_floor64(10), 10U * hz / 1000U);
	zassert_equal(k_us_to_cyc_floor64(80), 80U * hz / 1000000U);
	zassert_equal(k_ms_to_cyc_ceil64(5000000000ULL), 5000000000ULL * (hz / 1000U));
	/* A rate that does not divide evenly: 1 us of a 3 Hz clock. */
	zassert_equal(z_tmcvt(1, 1000000U, 3U, true), 1U);
	zassert_equal(z_tmcvt(1, 1000000U, 3U, false), 0U);
}

/* With constant arguments the macros are constant expressions, as in Zephyr. */
static k_timeout_t static_timeouts[] = { K_MSEC(200),  K_USEC(3),     K_NSEC(1), K_CYC(7),
					 K_SECONDS(2), K_HOURS(1000), K_MSEC(-5) };

ZTEST(time_units, test_static_initialisers) {
	volatile int ms = 200;

	zassert_equal(static_timeouts[0].ticks, K_MSEC(ms).ticks);
	zassert_equal(static_timeouts[1].ticks, 1, "rounded up");
	zassert_equal(static_timeouts[2].ticks, 1, "rounded up");
	zassert_equal(static_timeouts[3].ticks, 1, "rounded up");
	zassert_equal(static_timeouts[4].ticks, 2 * TICK_HZ);
	zassert_equal(static_timeouts[5].ticks, 1000LL * 3600 * TICK_HZ);
	zassert_true(K_TIMEOUT_EQ(static_timeouts[6], K_NO_WAIT));
}
