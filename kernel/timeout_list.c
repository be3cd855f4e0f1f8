/*
 * Sorted timeout list operations (no locking, no hardware: see timeout.c).
 *
 * Insertion walks from the tail because new timeouts usually expire after the
 * ones already armed; it is O(n) in the number of armed timeouts, removal and
 * expiry are O(1).
 */
#include <timeout_list.h>

void z_timeout_list_insert(sys_dlist_t *list, struct _timeout *to)
{
	sys_dnode_t *n = list->prev;

	while (n != list && CONTAINER_OF_TIMEOUT(n)->expiry > to->expiry) {
		n = n->prev;
	}
	sys_dlist_insert(n->next, &to->node);
}

struct _timeout *z_timeout_list_pop_due(sys_dlist_t *list, uint64_t now)
{
	sys_dnode_t *head = sys_dlist_peek_head(list);

	if (head == NULL || CONTAINER_OF_TIMEOUT(head)->expiry > now) {
		return NULL;
	}
	sys_dlist_remove(head);
	return CONTAINER_OF_TIMEOUT(head);
}

uint64_t z_timeout_deadline(uint64_t now, int64_t ticks, uint32_t cyc_per_tick)
{
	if (ticks < -1) {
		/*
		 * Absolute: tick -2 - ticks (0 .. INT64_MAX - 1, no overflow), in
		 * the past or not: the same product, counted from 0.
		 */
		now = 0U;
		ticks = -2 - ticks;
	}
	return z_timeout_expiry(now, ticks, cyc_per_tick);
}

/*
 * Saturating at UINT64_MAX (never). The overflow tests are multiplications
 * and an addition: no 64-bit division, which 32-bit cores make a library
 * call of (slow, and on Cortex-M 0.7 KiB of code).
 */
uint64_t z_timeout_expiry(uint64_t now, int64_t ticks, uint32_t cyc_per_tick)
{
	uint64_t t = ticks < 0 ? 0U : (uint64_t)ticks;
	uint64_t cyc;
	uint64_t expiry;

	if (__builtin_mul_overflow(t, (uint64_t)cyc_per_tick, &cyc) ||
	    __builtin_add_overflow(now, cyc, &expiry)) {
		return UINT64_MAX;
	}
	return expiry;
}
