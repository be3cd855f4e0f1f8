/*
 * Timepoints: a timeout turned into an absolute uptime in ticks, and back.
 * Plain code on k_uptime_ticks(), so user threads run it without a trap of
 * its own (only the uptime's).
 */
#include <breeze/kernel.h>

k_timepoint_t sys_timepoint_calc(k_timeout_t timeout)
{
	k_timepoint_t tp;

	if (K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		tp.tick = UINT64_MAX;
	} else if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		tp.tick = 0;
	} else if (Z_IS_TIMEOUT_RELATIVE(timeout)) {
		tp.tick = (uint64_t)k_uptime_ticks() + (uint64_t)timeout.ticks;
	} else {
		tp.tick = (uint64_t)Z_TICK_ABS(timeout.ticks);
	}
	return tp;
}

k_timeout_t sys_timepoint_timeout(k_timepoint_t timepoint)
{
	if (timepoint.tick == UINT64_MAX) {
		return K_FOREVER;
	}
	if (timepoint.tick == 0U) {
		return K_NO_WAIT;
	}
	uint64_t now = (uint64_t)k_uptime_ticks();

	return timepoint.tick > now ? Z_TIMEOUT_TICKS((k_ticks_t)(timepoint.tick - now))
				    : K_NO_WAIT;
}
