/*
 * Absolute timeouts and timepoints.
 *
 * K_TIMEOUT_ABS_*(t) is a k_timeout_t that expires when the uptime reaches
 * @t, at once if it already has; every call that takes a k_timeout_t accepts
 * one. The encoding is Zephyr's: the tick count -2 - t, below K_TICKS_FOREVER
 * (so a negative tick count other than K_FOREVER is always a deadline).
 *
 * A timepoint turns a timeout into a deadline once, so that a loop of waits
 * (a retry, a partial read) shares one time budget: sys_timepoint_calc()
 * when the budget starts, sys_timepoint_timeout() before each wait.
 */
#ifndef BREEZE_KERNEL_TIMEPOINT_H
#define BREEZE_KERNEL_TIMEPOINT_H

#include <breeze/kernel/time.h>
#include <breeze/syscall.h>

#define Z_TICK_ABS(t) (K_TICKS_FOREVER - 1 - (t))

/* True for a timeout that counts from now (K_NO_WAIT included, K_FOREVER not). */
#define Z_IS_TIMEOUT_RELATIVE(timeout) ((timeout).ticks >= 0)

#define K_TIMEOUT_ABS_TICKS(t) Z_TIMEOUT_TICKS(Z_TICK_ABS((k_ticks_t)MAX((int64_t)(t), (int64_t)0)))
#define K_TIMEOUT_ABS_SEC(t)   K_TIMEOUT_ABS_TICKS(k_ms_to_ticks_ceil64(Z_TIME_COUNT(t) * 1000U))
#define K_TIMEOUT_ABS_MS(t)    K_TIMEOUT_ABS_TICKS(k_ms_to_ticks_ceil64(Z_TIME_COUNT(t)))
#define K_TIMEOUT_ABS_US(t)    K_TIMEOUT_ABS_TICKS(k_us_to_ticks_ceil64(Z_TIME_COUNT(t)))
#define K_TIMEOUT_ABS_NS(t)    K_TIMEOUT_ABS_TICKS(k_ns_to_ticks_ceil64(Z_TIME_COUNT(t)))
#define K_TIMEOUT_ABS_CYC(t)   K_TIMEOUT_ABS_TICKS(k_cyc_to_ticks_ceil64(Z_TIME_COUNT(t)))

/* An uptime in ticks: 0 for "now, no wait", UINT64_MAX for "never". */
typedef struct {
	uint64_t tick;
} k_timepoint_t;

/* The moment @timeout ends if it starts now. */
k_timepoint_t sys_timepoint_calc(k_timeout_t timeout);

/* What is left until @timepoint, as a relative timeout (K_NO_WAIT once past). */
k_timeout_t sys_timepoint_timeout(k_timepoint_t timepoint);

/* <0, 0 or >0 as @a comes before, with or after @b. */
static inline int sys_timepoint_cmp(k_timepoint_t a, k_timepoint_t b)
{
	return a.tick == b.tick ? 0 : (a.tick < b.tick ? -1 : 1);
}

static inline bool sys_timepoint_expired(k_timepoint_t timepoint)
{
	return K_TIMEOUT_EQ(sys_timepoint_timeout(timepoint), K_NO_WAIT);
}

struct k_thread;

/*
 * When @thread's timeout (a sleep, a wait's time limit, a delayed start)
 * fires: the uptime in ticks (now if none is armed), and the ticks left,
 * rounded up (0 if none).
 */
__syscall k_ticks_t k_thread_timeout_expires_ticks(const struct k_thread *thread);
__syscall k_ticks_t k_thread_timeout_remaining_ticks(const struct k_thread *thread);

#endif /* BREEZE_KERNEL_TIMEPOINT_H */
