/*
 * A PI word's owner is whatever thread the word names, and the word is
 * ordinary memory: a sharer may rewrite it. The next k_futex_lock_pi() then
 * hands the word's queue to the thread it names, which may itself be waiting
 * behind one of the queue's waiters: a cycle that no k_mutex_lock() closed.
 * Priorities lent around it must not keep each other up once their lender
 * leaves (the link into the new owner lends nothing, as for any cycle).
 */
#include <breeze/kernel/futex.h>
#include "prio_util.h"

#define X_PRIO (TEST_PRIO + 6) /* holds m, waits on the word */
#define D_PRIO (TEST_PRIO + 5) /* waits for m (so runs before the boosted test thread) */
#define Y_PRIO (TEST_PRIO + 3) /* waits on the word a while, lending to D */

static struct k_mutex m;
static struct k_futex word;
static volatile int x_ret, d_ret, y_ret;

static void x_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_equal(k_mutex_lock(&m, K_NO_WAIT), 0);
	x_ret = k_futex_lock_pi(&word, K_FOREVER);
	event('X');
	if (x_ret == 0 || x_ret == -EOWNERDEAD) {
		zassert_equal(k_futex_unlock_pi(&word), 0);
	}
	zassert_equal(k_mutex_unlock(&m), 0);
}

static void d_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	d_ret = k_mutex_lock(&m, K_MSEC(40));
	event('D');
	if (d_ret == 0) {
		zassert_equal(k_mutex_unlock(&m), 0);
	}
}

static void y_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	y_ret = k_futex_lock_pi(&word, K_MSEC(10));
	event('Y');
}

ZTEST(prio_futex_cycle, test_word_naming_a_waiter_behind_the_queue) {
	x_ret = d_ret = y_ret = 1;
	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_init(&m), 0);
	atomic_set(&word.val, 0);
	zassert_equal(k_futex_lock_pi(&word, K_NO_WAIT), 0, "the test thread owns the word");

	k_tid_t x = spawn(x_entry, NULL, NULL, X_PRIO); /* waits on the word, behind us */

	zassert_equal(my_prio(), X_PRIO, "X's wait did not lend the word's owner");

	k_tid_t d = spawn(d_entry, NULL, NULL, D_PRIO); /* waits for m, behind X */

	zassert_equal(k_thread_priority_get(x), D_PRIO, "D's wait did not lend X");
	zassert_equal(my_prio(), D_PRIO, "X did not pass D's loan on to the word's owner");

	/* The word now names D: X waits behind D, which waits behind X. */
	atomic_set(&word.val, (atomic_val_t)((uintptr_t)d | K_FUTEX_PI_WAITERS));
	spawn(y_entry, NULL, NULL, Y_PRIO);
	zassert_equal(my_prio(), L_PRIO, "the queue stayed with its former owner");
	if (IS_ENABLED(CONFIG_PRIORITY_INHERITANCE_STRICT)) {
		/* The strict rules refuse a wait into a cycle, whatever closed it. */
		zassert_equal(y_ret, -EDEADLK);
	} else {
		zassert_equal(y_ret, 1, "Y did not wait behind D");
		zassert_equal(k_thread_priority_get(d), Y_PRIO, "Y lends D its priority");
		zassert_equal(k_thread_priority_get(x), Y_PRIO,
			      "D passes it on to X, which holds m");
		k_sleep(K_MSEC(20)); /* Y gives up */
		zassert_equal(y_ret, -EAGAIN);
	}
	/* D's own loan to X stays; X's to D, which closed the cycle, is no more. */
	zassert_equal(k_thread_priority_get(d), D_PRIO, "D kept a loan around the cycle");
	zassert_equal(k_thread_priority_get(x), D_PRIO, "X kept a loan around the cycle");

	/* D gives up too and ends holding the queue: X takes the word from it. */
	k_sleep(K_MSEC(40));
	zassert_equal(d_ret, -EAGAIN);
	zassert_equal(x_ret, -EOWNERDEAD);
	zassert_events("YDX");
	zassert_equal(atomic_get(&word.val), 0);
	zassert_equal(my_prio(), L_PRIO);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

static bool with_futex_pi(const void *state)
{
	ARG_UNUSED(state);
	return IS_ENABLED(CONFIG_PRIORITY_INHERITANCE) && IS_ENABLED(CONFIG_FUTEX);
}

ZTEST_SUITE(prio_futex_cycle, with_futex_pi, NULL, NULL, after, NULL);
