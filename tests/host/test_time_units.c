/*
 * Host tests of the time unit conversions (include/breeze/sys/time_units.h).
 *
 * z_tmcvt is checked against an exact 128-bit reference for many rate pairs
 * (equal, dividing each other either way, coprime like 32768 Hz vs 1 kHz,
 * extremes up to UINT32_MAX Hz) at exact multiples, one either side, and up
 * to the largest input whose result still fits in 64 bits, where a naive
 * t * to_hz would overflow. Hand-computed values guard against a mistaken
 * reference. The k_*_to_* wrappers are checked for the Breeze rates
 * (this file is built with CONFIG_SYS_CLOCK_TICKS_PER_SEC=10000 and
 * CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC=10000000: 1 tick = 100 us = 1000 cycles).
 */
#include <breeze/sys/time_units.h> /* first: the header must be self-contained */

#include "check.h"

#if CONFIG_SYS_CLOCK_TICKS_PER_SEC != 10000 || CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC != 10000000
#error "the wrapper expectations below assume 10 kHz ticks and a 10 MHz cycle counter"
#endif

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef unsigned __int128 u128;

struct rate_pair {
	uint32_t from;
	uint32_t to;
};

static const struct rate_pair pairs[] = {
	{ 1000, 1000 },
	{ 1000, 10000 },          /* ms -> ticks: multiply */
	{ 10000, 1000 },          /* ticks -> ms: divide */
	{ 10000, 10000000 },      /* ticks -> cycles */
	{ 10000000, 10000 },      /* cycles -> ticks */
	{ 1000000000, 10000000 }, /* ns -> cycles */
	{ 10000000, 1000000000 }, /* cycles -> ns */
	{ 1000000, 10000 },
	{ 32768, 1000 }, /* RTC-style counter: neither divides the other */
	{ 1000, 32768 },
	{ 32768, 10000 },
	{ 10000, 32768 },
	{ 1000000000, 32768 },
	{ 32768, 1000000000 },
	{ 3, 7 },
	{ 7, 3 },
	{ 1, 1000000000 },
	{ 1000000000, 1 },
	{ 1, UINT32_MAX },
	{ UINT32_MAX, 1 },
	{ UINT32_MAX, UINT32_MAX - 1U }, /* largest coprime pair: worst case for the split */
	{ UINT32_MAX - 1U, UINT32_MAX },
	{ 19200000, 32768 },
	{ 48000000, 10000000 }, /* 4.8: neither divides the other */
};

static u128 ref_convert(uint64_t t, uint32_t from, uint32_t to, bool round_up)
{
	u128 num = (u128)t * to;

	return round_up ? (num + from - 1U) / from : num / from;
}

static unsigned long exact_checks;
static unsigned long inexact_checks;

/* Compare both roundings with the reference when the true result fits in 64 bits. */
static void check_convert(uint64_t t, const struct rate_pair *p)
{
	u128 lo = ref_convert(t, p->from, p->to, false);
	u128 hi = ref_convert(t, p->from, p->to, true);

	check_set_context("t", t);
	if (lo <= UINT64_MAX) {
		CHECK_EQ(z_tmcvt(t, p->from, p->to, false), (uint64_t)lo);
	}
	if (hi <= UINT64_MAX) {
		CHECK_EQ(z_tmcvt(t, p->from, p->to, true), (uint64_t)hi);
		if (hi == lo) {
			exact_checks++;
		} else {
			inexact_checks++;
		}
	}
	/* To the nearest, halves up. */
	u128 near = ((u128)t * p->to + p->from / 2U) / p->from;

	if (near <= UINT64_MAX) {
		CHECK_EQ(z_tmcvt(t, p->from, p->to, Z_TMCVT_NEAR), (uint64_t)near);
	}
	check_set_context(NULL, 0);
}

/* Largest t whose rounded-up result is at most UINT64_MAX. */
static uint64_t max_input(const struct rate_pair *p)
{
	u128 t = ((u128)UINT64_MAX * p->from) / p->to;

	if (t > UINT64_MAX) {
		t = UINT64_MAX;
	}
	while (ref_convert((uint64_t)t, p->from, p->to, true) > UINT64_MAX) {
		t--;
	}
	return (uint64_t)t;
}

static void check_around(uint64_t t, uint64_t limit, const struct rate_pair *p)
{
	for (int d = -2; d <= 2; d++) {
		uint64_t v = t + (uint64_t)(int64_t)d;

		/* Skip values that wrapped around zero or run past the limit. */
		if ((d < 0 && v > t) || (d > 0 && v < t) || v > limit) {
			continue;
		}
		check_convert(v, p);
	}
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b != 0U) {
		uint64_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

static void test_tmcvt_reference(void)
{
	check_rng_seed(0x7173ULL);
	for (size_t i = 0; i < ARRAY_LEN(pairs); i++) {
		const struct rate_pair *p = &pairs[i];
		uint64_t limit = max_input(p);
		/* The smallest input that converts exactly (to a whole number). */
		uint64_t step = p->from / gcd(p->from, p->to);

		/* The limit itself must be a real boundary: one more no longer fits. */
		if (limit < UINT64_MAX) {
			CHECK(ref_convert(limit + 1U, p->from, p->to, true) > UINT64_MAX);
		}

		check_around(0, limit, p);
		check_around(p->from, limit, p);
		check_around(p->to, limit, p);
		check_around(2ULL * p->from, limit, p);
		check_around(1000ULL * p->from, limit, p);
		for (uint64_t k = 1; k <= 5; k++) {
			check_around(k * step, limit, p);
		}
		/* Near the top of the range, on and off exact multiples. */
		check_around(limit, limit, p);
		check_around(limit / step * step, limit, p);
		check_around(limit / 2U, limit, p);
		check_around(1ULL << 63, limit, p);
		check_around(UINT64_MAX, limit, p);

		/* Small inputs exhaustively, then random ones of every magnitude. */
		for (uint64_t t = 0; t < 3000U; t++) {
			check_convert(t, p);
		}
		for (int n = 0; n < 3000; n++) {
			uint64_t t = check_rng_next() >> check_rng_below(64);

			if (t <= limit) {
				check_convert(t, p);
			}
			check_convert(t % (limit + (limit < UINT64_MAX)), p);
		}
	}
	/* Both the exact and the rounding paths must have been exercised a lot. */
	CHECK(exact_checks > 10000U);
	CHECK(inexact_checks > 10000U);
}

static void test_tmcvt_by_hand(void)
{
	/* Equal rates: identity, even at the extremes. */
	CHECK_EQ(z_tmcvt(UINT64_MAX, 32768, 32768, true), UINT64_MAX);
	CHECK_EQ(z_tmcvt(12345, 1, 1, false), 12345U);

	/* from divides to: plain multiplication, no rounding. */
	CHECK_EQ(z_tmcvt(3, 1000, 10000, false), 30U);
	CHECK_EQ(z_tmcvt(3, 1000, 10000, true), 30U);
	CHECK_EQ(z_tmcvt(18446744073709551ULL, 10000, 10000000, true), 18446744073709551000ULL);

	/* to divides from: exact multiples, one below, one above. */
	CHECK_EQ(z_tmcvt(999, 10000000, 10000, false), 0U);
	CHECK_EQ(z_tmcvt(999, 10000000, 10000, true), 1U);
	CHECK_EQ(z_tmcvt(1000, 10000000, 10000, false), 1U);
	CHECK_EQ(z_tmcvt(1000, 10000000, 10000, true), 1U);
	CHECK_EQ(z_tmcvt(1001, 10000000, 10000, false), 1U);
	CHECK_EQ(z_tmcvt(1001, 10000000, 10000, true), 2U);
	CHECK_EQ(z_tmcvt(UINT64_MAX, 10000000, 10000, false), 18446744073709551ULL);
	CHECK_EQ(z_tmcvt(UINT64_MAX, 10000000, 10000, true), 18446744073709552ULL);

	/* 32768 Hz -> 1 kHz. */
	CHECK_EQ(z_tmcvt(1, 32768, 1000, false), 0U);
	CHECK_EQ(z_tmcvt(1, 32768, 1000, true), 1U);
	CHECK_EQ(z_tmcvt(32767, 32768, 1000, false), 999U);
	CHECK_EQ(z_tmcvt(32767, 32768, 1000, true), 1000U);
	CHECK_EQ(z_tmcvt(32768, 32768, 1000, false), 1000U);
	CHECK_EQ(z_tmcvt(32768, 32768, 1000, true), 1000U);
	CHECK_EQ(z_tmcvt(32769, 32768, 1000, false), 1000U);
	CHECK_EQ(z_tmcvt(32769, 32768, 1000, true), 1001U);
	CHECK_EQ(z_tmcvt(4096, 32768, 1000, false), 125U);
	/* 2^63 * 1000 overflows 64 bits; the result (2^48 * 1000) does not. */
	CHECK_EQ(z_tmcvt(1ULL << 63, 32768, 1000, false), 281474976710656000ULL);
	CHECK_EQ(z_tmcvt(1ULL << 63, 32768, 1000, true), 281474976710656000ULL);
	CHECK_EQ(z_tmcvt(UINT64_MAX, 32768, 1000, false), 562949953421311999ULL);
	CHECK_EQ(z_tmcvt(UINT64_MAX, 32768, 1000, true), 562949953421312000ULL);

	/* 1 kHz -> 32768 Hz. */
	CHECK_EQ(z_tmcvt(1, 1000, 32768, false), 32U);
	CHECK_EQ(z_tmcvt(1, 1000, 32768, true), 33U);
	CHECK_EQ(z_tmcvt(125, 1000, 32768, false), 4096U);
	CHECK_EQ(z_tmcvt(125, 1000, 32768, true), 4096U);
	CHECK_EQ(z_tmcvt(126, 1000, 32768, false), 4128U);
	CHECK_EQ(z_tmcvt(126, 1000, 32768, true), 4129U);
	CHECK_EQ(z_tmcvt(281474976710656000ULL, 1000, 32768, false), 1ULL << 63);
	CHECK_EQ(z_tmcvt(281474976710656000ULL, 1000, 32768, true), 1ULL << 63);

	/* ns -> 32768 Hz around one period (30517.578125 ns). */
	CHECK_EQ(z_tmcvt(30517, 1000000000, 32768, false), 0U);
	CHECK_EQ(z_tmcvt(30517, 1000000000, 32768, true), 1U);
	CHECK_EQ(z_tmcvt(30518, 1000000000, 32768, false), 1U);
	CHECK_EQ(z_tmcvt(30518, 1000000000, 32768, true), 2U);
	CHECK_EQ(z_tmcvt(1000000000, 1000000000, 32768, true), 32768U);

	/* Largest coprime rates: UINT64_MAX = (2^32 - 1)(2^32 + 1), so this is exact. */
	CHECK_EQ(z_tmcvt(UINT64_MAX, UINT32_MAX, UINT32_MAX - 1U, false), 18446744069414584318ULL);
	CHECK_EQ(z_tmcvt(UINT64_MAX, UINT32_MAX, UINT32_MAX - 1U, true), 18446744069414584318ULL);
	CHECK_EQ(z_tmcvt(UINT64_MAX - 1U, UINT32_MAX, UINT32_MAX - 1U, false),
		 18446744069414584317ULL);
	CHECK_EQ(z_tmcvt(UINT64_MAX - 1U, UINT32_MAX, UINT32_MAX - 1U, true),
		 18446744069414584318ULL);

	/* 7 -> 3: 10 * 3 / 7 = 4.28... */
	CHECK_EQ(z_tmcvt(10, 7, 3, false), 4U);
	CHECK_EQ(z_tmcvt(10, 7, 3, true), 5U);
	CHECK_EQ(z_tmcvt(14, 7, 3, true), 6U);
}

/* Breeze rates: 1 tick = 1000 cycles = 100 us; 1 ms = 10 ticks; 1 cycle = 100 ns. */
static void test_wrappers(void)
{
	CHECK_EQ(k_ms_to_ticks_ceil64(0), 0U);
	CHECK_EQ(k_ms_to_ticks_ceil64(1), 10U);
	CHECK_EQ(k_ms_to_ticks_ceil64(1000), 10000U);
	CHECK_EQ(k_ms_to_ticks_ceil64(1844674407370955161ULL), 18446744073709551610ULL);
	CHECK_EQ(k_ms_to_ticks_ceil32(0), 0U);
	CHECK_EQ(k_ms_to_ticks_ceil32(20), 200U);
	CHECK_EQ(k_ms_to_ticks_ceil32(429496729U), 4294967290U);

	CHECK_EQ(k_us_to_ticks_ceil64(0), 0U);
	CHECK_EQ(k_us_to_ticks_ceil64(1), 1U);
	CHECK_EQ(k_us_to_ticks_ceil64(99), 1U);
	CHECK_EQ(k_us_to_ticks_ceil64(100), 1U);
	CHECK_EQ(k_us_to_ticks_ceil64(101), 2U);
	CHECK_EQ(k_us_to_ticks_ceil64(UINT64_MAX), UINT64_MAX / 100U + 1U);

	CHECK_EQ(k_ns_to_ticks_ceil64(0), 0U);
	CHECK_EQ(k_ns_to_ticks_ceil64(1), 1U);
	CHECK_EQ(k_ns_to_ticks_ceil64(100000), 1U);
	CHECK_EQ(k_ns_to_ticks_ceil64(100001), 2U);
	CHECK_EQ(k_ns_to_ticks_ceil64(200000), 2U);

	CHECK_EQ(k_ticks_to_ms_floor64(0), 0U);
	CHECK_EQ(k_ticks_to_ms_floor64(9), 0U);
	CHECK_EQ(k_ticks_to_ms_floor64(10), 1U);
	CHECK_EQ(k_ticks_to_ms_floor64(19), 1U);
	CHECK_EQ(k_ticks_to_ms_floor64(UINT64_MAX), UINT64_MAX / 10U);
	/* To the nearest, halves up; 32-bit forms cut the result to 32 bits. */
	CHECK_EQ(k_ticks_to_ms_near64(14), 1U);
	CHECK_EQ(k_ticks_to_ms_near64(15), 2U);
	CHECK_EQ(k_us_to_ticks_near64(149), 1U);
	CHECK_EQ(k_us_to_ticks_near32(150), 2U);
	CHECK_EQ(k_ns_to_cyc_near64(149), 1U);
	CHECK_EQ(k_cyc_to_ns_ceil32(3), 300U);
	CHECK_EQ(k_ms_to_cyc_floor32(500), 5000000U);
	CHECK_EQ(k_ms_to_cyc_floor32(500000), (uint32_t)5000000000ULL);
	CHECK_EQ(k_ms_to_us_floor64(3), 3000U);
	CHECK_EQ(k_us_to_ms_ceil64(1001), 2U);
	CHECK_EQ(k_ticks_to_ms_floor32(9), 0U);
	CHECK_EQ(k_ticks_to_ms_floor32(25), 2U);
	CHECK_EQ(k_ticks_to_ms_floor32(UINT32_MAX), UINT32_MAX / 10U);
	CHECK_EQ(k_ticks_to_ms_ceil64(0), 0U);
	CHECK_EQ(k_ticks_to_ms_ceil64(1), 1U);
	CHECK_EQ(k_ticks_to_ms_ceil64(10), 1U);
	CHECK_EQ(k_ticks_to_ms_ceil64(11), 2U);
	CHECK_EQ(k_ticks_to_ms_ceil64(UINT64_MAX), UINT64_MAX / 10U + 1U);

	CHECK_EQ(k_ticks_to_us_floor64(1), 100U);
	CHECK_EQ(k_ticks_to_us_floor64(12345), 1234500U);
	CHECK_EQ(k_ticks_to_us_ceil64(1), 100U);
	CHECK_EQ(k_ticks_to_us_ceil64(0), 0U);

	CHECK_EQ(k_ticks_to_cyc_floor64(0), 0U);
	CHECK_EQ(k_ticks_to_cyc_floor64(1), 1000U);
	CHECK_EQ(k_ticks_to_cyc_floor64(10000), 10000000U);
	CHECK_EQ(k_cyc_to_ticks_floor64(999), 0U);
	CHECK_EQ(k_cyc_to_ticks_floor64(1000), 1U);
	CHECK_EQ(k_cyc_to_ticks_floor64(1999), 1U);
	CHECK_EQ(k_cyc_to_ticks_floor64(UINT64_MAX), UINT64_MAX / 1000U);

	CHECK_EQ(k_cyc_to_ms_floor64(9999), 0U);
	CHECK_EQ(k_cyc_to_ms_floor64(10000), 1U);
	CHECK_EQ(k_cyc_to_ms_floor64(UINT64_MAX), UINT64_MAX / 10000U);
	CHECK_EQ(k_cyc_to_us_floor64(9), 0U);
	CHECK_EQ(k_cyc_to_us_floor64(10), 1U);
	CHECK_EQ(k_cyc_to_us_floor64(25), 2U);
	CHECK_EQ(k_cyc_to_ns_floor64(0), 0U);
	CHECK_EQ(k_cyc_to_ns_floor64(1), 100U);
	CHECK_EQ(k_cyc_to_ns_floor64(UINT64_MAX / 100U), UINT64_MAX / 100U * 100U);
	CHECK_EQ(k_cyc_to_us_floor32(19), 1U);
	CHECK_EQ(k_cyc_to_us_floor32(UINT32_MAX), UINT32_MAX / 10U);
	CHECK_EQ(k_cyc_to_ns_floor32(3), 300U);
	CHECK_EQ(k_cyc_to_ns_floor32(42949672U), 4294967200U);

	CHECK_EQ(k_us_to_cyc_ceil64(0), 0U);
	CHECK_EQ(k_us_to_cyc_ceil64(1), 10U);
	CHECK_EQ(k_us_to_cyc_ceil64(100), 1000U);

	/*
	 * Round trips: a timeout rounded up to ticks is never shorter than
	 * asked, and by less than one tick; whole ms survive ms->ticks->ms.
	 */
	for (uint64_t ms = 0; ms < 100000U; ms++) {
		check_set_context("ms", ms);
		CHECK_EQ(k_ticks_to_ms_floor64(k_ms_to_ticks_ceil64(ms)), ms);
	}
	for (uint64_t us = 0; us < 100000U; us++) {
		uint64_t back = k_ticks_to_us_floor64(k_us_to_ticks_ceil64(us));

		check_set_context("us", us);
		CHECK(back >= us);
		CHECK(back - us < 100U);
	}
	for (uint64_t ticks = 0; ticks < 100000U; ticks++) {
		check_set_context("ticks", ticks);
		CHECK_EQ(k_cyc_to_ticks_floor64(k_ticks_to_cyc_floor64(ticks)), ticks);
		CHECK_EQ(k_cyc_to_ticks_floor64(k_ticks_to_cyc_floor64(ticks) + 999U), ticks);
	}
	check_set_context(NULL, 0);
}

int main(void)
{
	test_tmcvt_by_hand();
	test_tmcvt_reference();
	test_wrappers();
	return check_done("host.time_units");
}
