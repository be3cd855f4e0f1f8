/*
 * Wait until thread @t has written @slot (no longer NOT_REACHED; NULL: no
 * slot) and is blocked (waiting in the kernel or sleeping). The test body
 * sleeps between looks, so that threads less urgent than it run too (the
 * priority inheritance tests need owners below it); with SMP they may run
 * on another CPU meanwhile. Fails the test after a second.
 */
#ifndef FUTEX_TEST_BLOCKED_H
#define FUTEX_TEST_BLOCKED_H

#include "user_util.h"

static inline void await_blocked(k_tid_t t, volatile int *slot)
{
	for (int ms = 0; ms < 1000; ms++) {
		if ((slot == NULL || *slot != NOT_REACHED) &&
		    (t->base.thread_state & (_THREAD_PENDING | _THREAD_SLEEPING)) != 0U) {
			return;
		}
		k_sleep(K_MSEC(1));
	}
	zassert_unreachable("the thread did not block");
}

#endif
