/*
 * Conversions between milliseconds, microseconds, nanoseconds, kernel ticks and
 * hardware cycles (Zephyr's k_*_to_* family).
 *
 * "ceil" rounds up, so a timeout is never shorter than asked; "floor" rounds
 * down, for reporting elapsed time; "near" rounds to the nearest. When one rate divides the other
 * the compiler folds the conversion into one multiplication or division.
 */
#ifndef BREEZE_SYS_TIME_UNITS_H
#define BREEZE_SYS_TIME_UNITS_H

#include <stdbool.h>
#include <stdint.h>

/* Units per second, as Zephyr's <zephyr/sys_clock.h> names them. */
#define MSEC_PER_SEC  1000U
#define USEC_PER_MSEC 1000U
#define USEC_PER_SEC  1000000U
#define NSEC_PER_USEC 1000U
#define NSEC_PER_MSEC 1000000U
#define NSEC_PER_SEC  1000000000U

enum z_tmcvt_round {
	Z_TMCVT_FLOOR,
	Z_TMCVT_CEIL,
	Z_TMCVT_NEAR, /* to the nearest, halves up */
};

/* What a remainder of @r out of @div adds when rounding @how: 0 or 1. */
#define Z_TMCVT_ADD(r, div, how)                                                   \
	((how) == Z_TMCVT_CEIL   ? (uint64_t)((r) != 0U)                           \
	 : (how) == Z_TMCVT_NEAR ? (uint64_t)((uint64_t)(r)*2U >= (uint64_t)(div)) \
				 : 0U)

/* @a / @b, never 0: a branch Z_TMCVT() does not take still divides by it. */
#define Z_TMCVT_RATIO(a, b) ((a) / (b) != 0U ? (a) / (b) : 1U)

/*
 * @t (counted at @from_hz) counted at @to_hz, rounded @how. A macro, so that
 * with constant arguments it is a constant expression: K_MSEC(100) can
 * initialise a static k_timeout_t, as in Zephyr. It evaluates its arguments
 * more than once. Where one rate divides the other it is one multiplication
 * or division; otherwise it splits @t so that t * to_hz cannot overflow 64
 * bits (rates are at most 2^32).
 */
#define Z_TMCVT(t, from_hz, to_hz, how)                                       \
	((from_hz) == (to_hz) ? (uint64_t)(t)                                 \
	 : ((to_hz) > (from_hz) && (to_hz) % (from_hz) == 0U)                 \
	     ? (uint64_t)(t)*Z_TMCVT_RATIO(to_hz, from_hz)                    \
	 : ((from_hz) > (to_hz) && (from_hz) % (to_hz) == 0U)                 \
	     ? (uint64_t)(t) / Z_TMCVT_RATIO(from_hz, to_hz) +                \
		   Z_TMCVT_ADD((uint64_t)(t) % Z_TMCVT_RATIO(from_hz, to_hz), \
			       Z_TMCVT_RATIO(from_hz, to_hz), how)            \
	     : (uint64_t)(t) / (from_hz) * (to_hz) +                          \
		   (uint64_t)(t) % (from_hz) * (to_hz) / (from_hz) +          \
		   Z_TMCVT_ADD((uint64_t)(t) % (from_hz) * (to_hz) % (from_hz), from_hz, how))

/* The same as a function (arguments evaluated once); @how also takes true for CEIL. */
static inline uint64_t z_tmcvt(uint64_t t, uint32_t from_hz, uint32_t to_hz, enum z_tmcvt_round how)
{
	return Z_TMCVT(t, from_hz, to_hz, how);
}

#define Z_TICK_HZ ((uint32_t)CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define Z_CYC_HZ  ((uint32_t)CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)
#define Z_MS_HZ   MSEC_PER_SEC
#define Z_US_HZ   USEC_PER_SEC
#define Z_NS_HZ   NSEC_PER_SEC

/* The hardware cycle counter's rate. */
static inline uint32_t sys_clock_hw_cycles_per_sec(void)
{
	return Z_CYC_HZ;
}

/*
 * k_<from>_to_<to>_<floor|ceil|near><32|64>() for every pair of ms, us, ns,
 * ticks and cyc, as in Zephyr: the 32-bit forms are the 64-bit result cut to
 * 32 bits.
 */
#define Z_TMCVT_ONE(from, to, round, ROUND)                                               \
	static inline uint64_t k_##from##_to_##to##_##round##64(uint64_t t)               \
	{                                                                                 \
		return z_tmcvt(t, Z_##from##_HZ, Z_##to##_HZ, Z_TMCVT_##ROUND);           \
	}                                                                                 \
	static inline uint32_t k_##from##_to_##to##_##round##32(uint32_t t)               \
	{                                                                                 \
		return (uint32_t)z_tmcvt(t, Z_##from##_HZ, Z_##to##_HZ, Z_TMCVT_##ROUND); \
	}
#define Z_TMCVT_PAIR(from, to)              \
	Z_TMCVT_ONE(from, to, floor, FLOOR) \
	Z_TMCVT_ONE(from, to, ceil, CEIL)   \
	Z_TMCVT_ONE(from, to, near, NEAR)

#define Z_ms_HZ    Z_MS_HZ
#define Z_us_HZ    Z_US_HZ
#define Z_ns_HZ    Z_NS_HZ
#define Z_ticks_HZ Z_TICK_HZ
#define Z_cyc_HZ   Z_CYC_HZ

Z_TMCVT_PAIR(ms, us)
Z_TMCVT_PAIR(ms, ns)
Z_TMCVT_PAIR(ms, ticks)
Z_TMCVT_PAIR(ms, cyc)
Z_TMCVT_PAIR(us, ms)
Z_TMCVT_PAIR(us, ns)
Z_TMCVT_PAIR(us, ticks)
Z_TMCVT_PAIR(us, cyc)
Z_TMCVT_PAIR(ns, ms)
Z_TMCVT_PAIR(ns, us)
Z_TMCVT_PAIR(ns, ticks)
Z_TMCVT_PAIR(ns, cyc)
Z_TMCVT_PAIR(ticks, ms)
Z_TMCVT_PAIR(ticks, us)
Z_TMCVT_PAIR(ticks, ns)
Z_TMCVT_PAIR(ticks, cyc)
Z_TMCVT_PAIR(cyc, ms)
Z_TMCVT_PAIR(cyc, us)
Z_TMCVT_PAIR(cyc, ns)
Z_TMCVT_PAIR(cyc, ticks)

#endif /* BREEZE_SYS_TIME_UNITS_H */
