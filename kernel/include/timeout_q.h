/*
 * The timeout list: one list, sorted by absolute expiry in hardware cycles,
 * drives every timed event (sleeps, waits with a timeout, delayed starts, time
 * slices). The system timer is programmed for the head only (tickless).
 *
 * All functions run with _sched_spinlock held; expiry handlers are called with
 * it held too, from the timer interrupt.
 */
#ifndef BREEZE_TIMEOUT_Q_H
#define BREEZE_TIMEOUT_Q_H

#include <breeze/kernel.h>
#include <timeout_list.h>

/*
 * Arm @to to call @fn after @ticks ticks from now (0: at once), or, for
 * @ticks below K_TICKS_FOREVER, at an absolute tick (K_TIMEOUT_ABS_TICKS()).
 */
void z_add_timeout(struct _timeout *to, _timeout_func_t fn, k_ticks_t ticks);

/*
 * Arm @to again, @ticks (> 0) after the expiry it just had rather than from
 * now: a periodic event that does not drift however late its handler runs.
 */
void z_readd_timeout(struct _timeout *to, _timeout_func_t fn, k_ticks_t ticks);

/* Disarm @to; 0 if it was armed, -EINVAL if not. */
int z_abort_timeout(struct _timeout *to);

static inline bool z_is_inactive_timeout(const struct _timeout *to)
{
	return !sys_dnode_is_linked(&to->node);
}

static inline void z_init_timeout(struct _timeout *to)
{
	sys_dnode_init(&to->node);
}

/* Cycles from now until @to fires (0 if inactive or due). */
uint64_t z_timeout_remaining_cycles(const struct _timeout *to);

/* Ticks from now until @to fires, rounded up (0 if inactive or due). */
k_ticks_t z_timeout_remaining_ticks(const struct _timeout *to);

/* The uptime in ticks at which @to fires: now plus what remains (now if inactive). */
k_ticks_t z_timeout_expires_ticks(const struct _timeout *to);

/* Called by the system timer driver from its interrupt: run what is due. */
void z_timeout_announce(void);

#endif /* BREEZE_TIMEOUT_Q_H */
