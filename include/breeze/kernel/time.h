/*
 * Timeouts and uptime. A k_timeout_t is a count of kernel ticks, or one of the
 * two special values K_NO_WAIT (do not block) and K_FOREVER (no time limit).
 *
 * The K_MSEC() family computes in 64 bits, as Zephyr's: K_HOURS(10000) is
 * 10000 hours, and a negative duration means K_NO_WAIT (K_TICKS() excepted). A tick count below
 * K_TICKS_FOREVER is an absolute deadline, as in Zephyr (K_TIMEOUT_ABS_MS()
 * and its kin, <breeze/kernel/timepoint.h>): every call that takes a
 * k_timeout_t accepts one, and a deadline already past expires at once.
 */
#ifndef BREEZE_KERNEL_TIME_H
#define BREEZE_KERNEL_TIME_H

#include <stdint.h>
#include <breeze/sys/time_units.h>
#include <breeze/sys/util.h>
#include <breeze/syscall.h>
#include <breeze/arch/cpu.h>

typedef int64_t k_ticks_t;

typedef struct {
	k_ticks_t ticks;
} k_timeout_t;

#define K_TICKS_FOREVER ((k_ticks_t)-1)

#define Z_TIMEOUT_TICKS(t) ((k_timeout_t){ .ticks = (t) })
#define K_NO_WAIT          Z_TIMEOUT_TICKS(0)
#define K_FOREVER          Z_TIMEOUT_TICKS(K_TICKS_FOREVER)

/* @t as a 64-bit count, negative counts as 0. */
#define Z_TIME_COUNT(t) ((uint64_t)MAX((int64_t)(t), (int64_t)0))

/*
 * K_TICKS() is the raw tick count, as in Zephyr: K_TICKS(K_TICKS_FOREVER) is
 * K_FOREVER (code passes stored tick values through it) and a count below it
 * an absolute deadline. The other units take a negative duration as 0, and
 * are constant expressions for constant arguments (static initialisers), as
 * in Zephyr.
 */
#define K_TICKS(t) Z_TIMEOUT_TICKS((k_ticks_t)(t))
#define Z_TIMEOUT_CEIL(t, hz) \
	Z_TIMEOUT_TICKS((k_ticks_t)Z_TMCVT(Z_TIME_COUNT(t), hz, Z_TICK_HZ, Z_TMCVT_CEIL))
#define K_CYC(t)     Z_TIMEOUT_CEIL(t, Z_CYC_HZ)
#define K_NSEC(t)    Z_TIMEOUT_CEIL(t, 1000000000U)
#define K_USEC(t)    Z_TIMEOUT_CEIL(t, 1000000U)
#define K_MSEC(t)    Z_TIMEOUT_CEIL(t, 1000U)
#define K_SECONDS(t) K_MSEC((int64_t)(t)*1000)
#define K_MINUTES(t) K_SECONDS((int64_t)(t)*60)
#define K_HOURS(t)   K_MINUTES((int64_t)(t)*60)

#define K_TIMEOUT_EQ(a, b) ((a).ticks == (b).ticks)

/* Zephyr's lower-level names of the same conversions (its K_MSEC() family is
 * built on them); suites and drivers use them directly.
 */
#define Z_TIMEOUT_NS(t)  K_NSEC(t)
#define Z_TIMEOUT_US(t)  K_USEC(t)
#define Z_TIMEOUT_MS(t)  K_MSEC(t)
#define Z_TIMEOUT_CYC(t) K_CYC(t)

/* Milliseconds and ticks since boot. */
int64_t k_uptime_get(void);
__syscall int64_t k_uptime_ticks(void);

static inline uint32_t k_uptime_get_32(void)
{
	return (uint32_t)k_uptime_get();
}

/* Milliseconds elapsed since *reftime, which is updated to now. */
static inline int64_t k_uptime_delta(int64_t *reftime)
{
	int64_t now = k_uptime_get();
	int64_t delta = now - *reftime;

	*reftime = now;
	return delta;
}

/* Hardware cycle counter of the system timer (also readable in user mode). */
static inline uint64_t k_cycle_get_64(void)
{
	return arch_k_cycle_get_64();
}

static inline uint32_t k_cycle_get_32(void)
{
	return (uint32_t)arch_k_cycle_get_64();
}

/* Spin, without yielding the CPU, for at least usec microseconds. */
void k_busy_wait(uint32_t usec);

#endif /* BREEZE_KERNEL_TIME_H */
