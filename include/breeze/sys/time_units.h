/*
 * Conversions between milliseconds, microseconds, nanoseconds, kernel ticks and
 * hardware cycles (Zephyr's k_*_to_* family).
 *
 * "ceil" rounds up, so a timeout is never shorter than asked; "floor" rounds
 * down, for reporting elapsed time. When one rate divides the other the
 * compiler folds the conversion into one multiplication or division.
 */
#ifndef BREEZE_SYS_TIME_UNITS_H
#define BREEZE_SYS_TIME_UNITS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * @t (counted at @from_hz) counted at @to_hz. A macro, so that with constant
 * arguments it is a constant expression: K_MSEC(100) can initialise a static
 * k_timeout_t, as in Zephyr. It evaluates its arguments more than once.
 * Where one rate divides the other it is one multiplication or division;
 * otherwise it splits @t so that t * to_hz cannot overflow 64 bits.
 */
#define Z_TMCVT(t, from_hz, to_hz, round_up)                                                  \
	((from_hz) == (to_hz) ? (uint64_t)(t)                                                 \
	 : ((to_hz) > (from_hz) && (to_hz) % (from_hz) == 0U)                                 \
	     ? (uint64_t)(t)*Z_TMCVT_RATIO(to_hz, from_hz)                                    \
	 : ((from_hz) > (to_hz) && (from_hz) % (to_hz) == 0U)                                 \
	     ? (uint64_t)(t) / Z_TMCVT_RATIO(from_hz, to_hz) +                                \
		   ((round_up) && (uint64_t)(t) % Z_TMCVT_RATIO(from_hz, to_hz) != 0U)        \
	     : (uint64_t)(t) / (from_hz) * (to_hz) +                                          \
		   ((uint64_t)(t) % (from_hz) * (to_hz) + ((round_up) ? (from_hz)-1U : 0U)) / \
		       (from_hz))

/* @a / @b, never 0: a branch Z_TMCVT() does not take still divides by it. */
#define Z_TMCVT_RATIO(a, b) ((a) / (b) != 0U ? (a) / (b) : 1U)

static inline uint64_t z_tmcvt(uint64_t t, uint32_t from_hz, uint32_t to_hz, bool round_up)
{
	return Z_TMCVT(t, from_hz, to_hz, round_up);
}

#define Z_TICK_HZ ((uint32_t)CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define Z_CYC_HZ  ((uint32_t)CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)

static inline uint64_t k_ms_to_ticks_ceil64(uint64_t t)
{
	return z_tmcvt(t, 1000U, Z_TICK_HZ, true);
}
static inline uint32_t k_ms_to_ticks_ceil32(uint32_t t)
{
	return (uint32_t)k_ms_to_ticks_ceil64(t);
}
static inline uint64_t k_us_to_ticks_ceil64(uint64_t t)
{
	return z_tmcvt(t, 1000000U, Z_TICK_HZ, true);
}
static inline uint64_t k_ns_to_ticks_ceil64(uint64_t t)
{
	return z_tmcvt(t, 1000000000U, Z_TICK_HZ, true);
}
static inline uint64_t k_ticks_to_ms_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_TICK_HZ, 1000U, false);
}
static inline uint32_t k_ticks_to_ms_floor32(uint32_t t)
{
	return (uint32_t)k_ticks_to_ms_floor64(t);
}
static inline uint64_t k_ticks_to_ms_ceil64(uint64_t t)
{
	return z_tmcvt(t, Z_TICK_HZ, 1000U, true);
}
static inline uint64_t k_ticks_to_us_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_TICK_HZ, 1000000U, false);
}
static inline uint64_t k_ticks_to_us_ceil64(uint64_t t)
{
	return z_tmcvt(t, Z_TICK_HZ, 1000000U, true);
}
/* The 32-bit forms Zephyr also has (the result is truncated to 32 bits). */
static inline uint32_t k_ticks_to_ms_ceil32(uint32_t t)
{
	return (uint32_t)k_ticks_to_ms_ceil64(t);
}
static inline uint32_t k_ticks_to_us_floor32(uint32_t t)
{
	return (uint32_t)k_ticks_to_us_floor64(t);
}
static inline uint32_t k_ticks_to_us_ceil32(uint32_t t)
{
	return (uint32_t)k_ticks_to_us_ceil64(t);
}
static inline uint64_t k_ticks_to_cyc_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_TICK_HZ, Z_CYC_HZ, false);
}
static inline uint64_t k_cyc_to_ticks_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_CYC_HZ, Z_TICK_HZ, false);
}
static inline uint64_t k_cyc_to_ticks_ceil64(uint64_t t)
{
	return z_tmcvt(t, Z_CYC_HZ, Z_TICK_HZ, true);
}
static inline uint64_t k_cyc_to_ms_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_CYC_HZ, 1000U, false);
}
static inline uint64_t k_cyc_to_us_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_CYC_HZ, 1000000U, false);
}
static inline uint64_t k_cyc_to_ns_floor64(uint64_t t)
{
	return z_tmcvt(t, Z_CYC_HZ, 1000000000U, false);
}
static inline uint32_t k_cyc_to_us_floor32(uint32_t t)
{
	return (uint32_t)k_cyc_to_us_floor64(t);
}
static inline uint32_t k_cyc_to_ns_floor32(uint32_t t)
{
	return (uint32_t)k_cyc_to_ns_floor64(t);
}
static inline uint64_t k_us_to_cyc_ceil64(uint64_t t)
{
	return z_tmcvt(t, 1000000U, Z_CYC_HZ, true);
}
static inline uint64_t k_us_to_cyc_floor64(uint64_t t)
{
	return z_tmcvt(t, 1000000U, Z_CYC_HZ, false);
}
static inline uint64_t k_ms_to_cyc_ceil64(uint64_t t)
{
	return z_tmcvt(t, 1000U, Z_CYC_HZ, true);
}
static inline uint64_t k_ms_to_cyc_floor64(uint64_t t)
{
	return z_tmcvt(t, 1000U, Z_CYC_HZ, false);
}

#endif /* BREEZE_SYS_TIME_UNITS_H */
