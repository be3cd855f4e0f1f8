/*
 * Timers (k_timer): a one-shot or periodic event on the system clock. Each
 * expiry counts in the timer's status, runs its expiry function (interrupt
 * context) and wakes a thread waiting in k_timer_status_sync().
 *
 * k_timer_init() is supervisor-only, as in Zephyr: the functions it installs
 * run in the kernel. The other calls are system calls: a user thread granted
 * the timer may start and stop it, read and wait for its status, ask when it
 * expires and keep a pointer in it (never dereferenced by the kernel).
 */
#ifndef BREEZE_KERNEL_TIMER_H
#define BREEZE_KERNEL_TIMER_H

#include <breeze/kernel/thread.h>

struct k_timer;

/*
 * The expiry function runs in the timer interrupt; the stop function in the
 * caller of k_timer_stop() (in the kernel, for a user caller).
 */
typedef void (*k_timer_expiry_t)(struct k_timer *timer);
typedef void (*k_timer_stop_t)(struct k_timer *timer);

struct k_timer {
	Z_OBJECT_HDR
	struct _timeout timeout;
	_wait_q_t wait_q; /* threads in k_timer_status_sync() */
	k_timer_expiry_t expiry_fn;
	k_timer_stop_t stop_fn;
	k_timeout_t period;
	uint32_t status; /* expiries since the status was last read */
	void *user_data;
};

#define Z_TIMER_INITIALIZER(obj, expiry, stop)                                                    \
	{                                                                                         \
		Z_OBJECT_HDR_INIT.timeout = { .node = { NULL, NULL } },                           \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .expiry_fn = (expiry), .stop_fn = (stop), \
		.period = { 0 }, .status = 0, .user_data = NULL                                   \
	}

#define K_TIMER_DEFINE(name, expiry_fn, stop_fn) \
	STRUCT_SECTION_ITERABLE(k_timer, name) = Z_TIMER_INITIALIZER(name, expiry_fn, stop_fn)

/*
 * The calls, only with CONFIG_K_TIMER: without it, a call of any is an undeclared
 * function and fails to build and link, naming the call.
 */
#ifdef CONFIG_K_TIMER

/* Stopped, status 0; either function may be NULL. Supervisor mode only. */
void k_timer_init(struct k_timer *timer, k_timer_expiry_t expiry_fn, k_timer_stop_t stop_fn);

/*
 * (Re)start: first expiry after @duration (K_NO_WAIT: at once, at the next
 * timer interrupt; an absolute timeout in the past likewise), then every
 * @period; a period that is not a positive time (K_NO_WAIT, K_FOREVER, an
 * absolute time) makes it one-shot. The status is reset. A @duration of
 * K_FOREVER does nothing at all, as in Zephyr.
 */
__syscall void k_timer_start(struct k_timer *timer, k_timeout_t duration, k_timeout_t period);

/*
 * Stop; if it was running, run its stop function and wake every thread in
 * k_timer_status_sync(). A stopped timer is left alone.
 */
__syscall void k_timer_stop(struct k_timer *timer);

/* The expiries since the status was last read, and reset it to 0. */
__syscall uint32_t k_timer_status_get(struct k_timer *timer);

/*
 * Wait until the status is non-zero (or the timer is stopped), then as
 * k_timer_status_get(). A stopped timer returns at once. Threads only.
 */
__syscall uint32_t k_timer_status_sync(struct k_timer *timer);

/* The uptime in ticks of the next expiry (the current uptime when stopped). */
__syscall k_ticks_t k_timer_expires_ticks(const struct k_timer *timer);

/* Ticks until the next expiry, rounded up; 0 when stopped. */
__syscall k_ticks_t k_timer_remaining_ticks(const struct k_timer *timer);

/* Milliseconds until the next expiry, rounded down; 0 when stopped. */
static inline uint32_t k_timer_remaining_get(struct k_timer *timer)
{
	return (uint32_t)k_ticks_to_ms_floor64((uint64_t)k_timer_remaining_ticks(timer));
}

__syscall void k_timer_user_data_set(struct k_timer *timer, void *user_data);
__syscall void *k_timer_user_data_get(const struct k_timer *timer);

#endif /* CONFIG_K_TIMER */

#endif /* BREEZE_KERNEL_TIMER_H */
