/*
 * Helper threads of the priority tests: a locker that waits for one mutex,
 * and a chain link that holds one mutex while it waits for another (or for a
 * semaphore), so that tests can build owners, waiters and chains of any shape.
 *
 * Priorities follow the issue that asked for these tests: the test thread
 * runs at TEST_PRIO (1) or plays the low owner L itself at L_PRIO (10); H(igh)
 * waits at 2, M(edium) is ready at 5.
 */
#ifndef PRIO_UTIL_H
#define PRIO_UTIL_H

#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY
#define H_PRIO    (TEST_PRIO + 1)
#define M_PRIO    (TEST_PRIO + 4)
#define L_PRIO    (TEST_PRIO + 9)
#define LOW_PRIO  (TEST_PRIO + 11)

/* A thread that locks @mutex with @timeout, logs @letter if it got it, and unlocks. */
struct locker {
	struct k_mutex *mutex;
	k_timeout_t timeout;
	char letter;
	volatile int ret; /* what k_mutex_lock() returned (1 until it does) */
};

/*
 * A thread that locks @own, takes @gate if given, then waits for @next (or, if
 * NULL, for @release), logs @letter, and unlocks both.
 */
struct link {
	struct k_mutex *own;
	struct k_sem *gate;
	struct k_mutex *next;
	struct k_sem *release;
	int32_t wait_ms; /* how long it waits for @next; 0: forever */
	char letter;
	volatile int ret; /* what locking @next returned (1 until it does) */
};

/* Start a locker at @prio; it runs at once if more urgent than the caller. */
k_tid_t start_locker(struct locker *l, int prio);

/*
 * The test thread becomes the owner L: at L_PRIO it locks @mutex, then starts
 * @waiter at @prio (more urgent), which waits for it at once and boosts L.
 * Returns the waiter.
 */
k_tid_t own_with_waiter(struct k_mutex *mutex, struct locker *waiter, int prio);

/* Start a chain link at @prio. */
k_tid_t start_link(struct link *l, int prio);

/* Log @p1 (a letter). */
void log_letter(void *p1, void *p2, void *p3);

/* The caller's effective priority. */
static inline int my_prio(void)
{
	return k_thread_priority_get(k_current_get());
}

#endif /* PRIO_UTIL_H */
