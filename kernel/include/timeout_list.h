/*
 * Pure operations on the sorted timeout list, kept apart from the locking and
 * the timer so that host unit tests can exercise them directly.
 */
#ifndef BREEZE_TIMEOUT_LIST_H
#define BREEZE_TIMEOUT_LIST_H

#include <stdint.h>
#include <stddef.h>
#include <breeze/kernel/timeout_types.h>

#define CONTAINER_OF_TIMEOUT(n) ((struct _timeout *)((char *)(n)-offsetof(struct _timeout, node)))

/* Insert in expiry order, after entries with the same expiry (FIFO among equals). */
void z_timeout_list_insert(sys_dlist_t *list, struct _timeout *to);

/* Remove and return the head if it is due at @now, else NULL. */
struct _timeout *z_timeout_list_pop_due(sys_dlist_t *list, uint64_t now);

/* now + ticks * cyc_per_tick, saturating at UINT64_MAX instead of wrapping. */
uint64_t z_timeout_expiry(uint64_t now, int64_t ticks, uint32_t cyc_per_tick);

/*
 * The expiry of a k_timeout_t's tick count armed at @now: relative as
 * z_timeout_expiry() for -1 and up, and for -2 and below the absolute tick
 * -2 - @ticks (K_TIMEOUT_ABS_TICKS()), saturating likewise; an absolute tick
 * already past gives an expiry before @now (due at once).
 */
uint64_t z_timeout_deadline(uint64_t now, int64_t ticks, uint32_t cyc_per_tick);

#endif /* BREEZE_TIMEOUT_LIST_H */
