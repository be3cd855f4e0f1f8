/*
 * Zephyr's timing API (<zephyr/timing/timing.h>) over the cycle counter:
 * timing_counter_get() reads it, timing_cycles_get() is the difference of
 * two readings. The counter is always running (under QEMU's -icount it counts
 * instructions, see docs/zephyr.md), so init, start and stop do nothing.
 */
#ifndef BREEZE_TIMING_TIMING_H
#define BREEZE_TIMING_TIMING_H

#include <breeze/kernel.h>

typedef uint64_t timing_t;

static inline void timing_init(void)
{
}

static inline void timing_start(void)
{
}

static inline void timing_stop(void)
{
}

static inline timing_t timing_counter_get(void)
{
	return k_cycle_get_64();
}

/* Cycles from *@start to *@end. */
static inline uint64_t timing_cycles_get(volatile timing_t *const start,
					 volatile timing_t *const end)
{
	return *end - *start;
}

/* Counter frequency in Hz, and in MHz (rounded down). */
static inline uint64_t timing_freq_get(void)
{
	return Z_CYC_HZ;
}

static inline uint32_t timing_freq_get_mhz(void)
{
	return Z_CYC_HZ / 1000000U;
}

static inline uint64_t timing_cycles_to_ns(uint64_t cycles)
{
	return k_cyc_to_ns_floor64(cycles);
}

/* The mean of @count measurements that took @cycles together, in ns. */
static inline uint64_t timing_cycles_to_ns_avg(uint64_t cycles, uint32_t count)
{
	return count == 0U ? 0U : timing_cycles_to_ns(cycles) / count;
}

#endif /* BREEZE_TIMING_TIMING_H */
