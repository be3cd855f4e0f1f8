/*
 * Events (k_event): a 32-bit set of events that threads post, set and clear,
 * and that threads wait on until any, or all, of the events they name are
 * there. Every change wakes each waiter it satisfies.
 *
 * Every call is a system call, as in Zephyr: user threads granted the object
 * may post, set, clear and wait, and initialise a never-initialised one.
 */
#ifndef BREEZE_KERNEL_EVENT_H
#define BREEZE_KERNEL_EVENT_H

#include <breeze/kernel/thread.h>

struct k_event {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	uint32_t events;
};

#define Z_EVENT_INITIALIZER(obj)                                                     \
	{                                                                            \
		Z_OBJECT_HDR_INIT.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .events = 0 \
	}

#define K_EVENT_DEFINE(name) STRUCT_SECTION_ITERABLE(k_event, name) = Z_EVENT_INITIALIZER(name)

/*
 * The calls, only with CONFIG_EVENTS: without it, a call of any is an undeclared
 * function and fails to build and link, naming the call.
 */
#ifdef CONFIG_EVENTS

__syscall void k_event_init(struct k_event *event);

/*
 * Each returns, as they were before the call, the events it may change: those
 * of @events (post, clear), of @events_mask (set_masked), all (set).
 */
__syscall uint32_t k_event_post(struct k_event *event, uint32_t events); /* add */
__syscall uint32_t k_event_set(struct k_event *event, uint32_t events);  /* replace */
/* Replace the events of @events_mask only. */
__syscall uint32_t k_event_set_masked(struct k_event *event, uint32_t events, uint32_t events_mask);
__syscall uint32_t k_event_clear(struct k_event *event, uint32_t events); /* remove */

/*
 * Wait until any (k_event_wait) or all (k_event_wait_all) of @events are
 * there; with @reset, the events are cleared first. Returns the awaited
 * events that are there (of @events only), 0 on timeout.
 */
__syscall uint32_t k_event_wait(struct k_event *event, uint32_t events, bool reset,
				k_timeout_t timeout);
__syscall uint32_t k_event_wait_all(struct k_event *event, uint32_t events, bool reset,
				    k_timeout_t timeout);

/*
 * As k_event_wait() and k_event_wait_all(), and the events returned leave the
 * object in the same step (the caller consumes them): no other waiter of the
 * _safe kind, and no later wait, sees them again until they are posted anew.
 * Waiters one change satisfies all get what they match before any of it is
 * consumed.
 */
__syscall uint32_t k_event_wait_safe(struct k_event *event, uint32_t events, bool reset,
				     k_timeout_t timeout);
__syscall uint32_t k_event_wait_all_safe(struct k_event *event, uint32_t events, bool reset,
					 k_timeout_t timeout);

/* The events of @events_mask that are there, without waiting. */
static inline uint32_t k_event_test(struct k_event *event, uint32_t events_mask)
{
	return k_event_wait(event, events_mask, false, K_NO_WAIT);
}

#endif /* CONFIG_EVENTS */

#endif /* BREEZE_KERNEL_EVENT_H */
