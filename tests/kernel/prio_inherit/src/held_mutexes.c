/*
 * An owner of several mutexes runs at the priority of the most urgent thread
 * waiting for any of them, whatever the order of its unlocks and whichever
 * waiter gives up: unlocking or timing out on one mutex never drops a boost
 * another still owes, and no boost outlives the waiters that justify it.
 *
 * The test thread plays L, the owner, at L_PRIO; h1 waits for m1, h2 for m2.
 */
#include "prio_util.h"

static struct k_mutex m1, m2;
static struct locker h1, h2;
static struct k_sem never; /* what an owner below waits for until it is aborted */

ZTEST(prio_held, test_unlocking_another_mutex_keeps_the_boost) {
	/* Both locked before H waits: m2 owes L nothing. */
	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m2, K_NO_WAIT), 0);
	own_with_waiter(&m1, &h1, H_PRIO);
	spawn(log_letter, LETTER_ARG('M'), NULL, M_PRIO);
	zassert_equal(k_mutex_unlock(&m2), 0);
	event('u');
	zassert_equal(my_prio(), H_PRIO, "the boost owed through m1 went with m2");
	zassert_equal(k_mutex_unlock(&m1), 0);
	/* H first: M must not run while H waits. */
	zassert_events("uHM");
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_held, test_timeout_on_one_mutex_keeps_the_boost_of_another) {
	h2.timeout = K_MSEC(5);
	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m2, K_NO_WAIT), 0);
	own_with_waiter(&m1, &h1, H_PRIO);
	start_locker(&h2, H_PRIO + 1); /* less urgent than boosted L: waits for m2 below */
	k_msleep(10);                  /* h2 waits for m2 and gives up after 5 ms */
	zassert_equal(h2.ret, -EAGAIN);
	zassert_equal(my_prio(), H_PRIO, "h2's timeout on m2 dropped the boost h1 gives");
	spawn(log_letter, LETTER_ARG('M'), NULL, M_PRIO);
	event('u');
	zassert_equal(k_mutex_unlock(&m1), 0);
	zassert_equal(k_mutex_unlock(&m2), 0);
	zassert_events("uHM");
	zassert_equal(h1.ret, 0);
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_held, test_borrowed_priority_is_given_back) {
	own_with_waiter(&m1, &h1, H_PRIO);
	/* Locked while boosted: m2 must not take the boost for L's own priority. */
	zassert_equal(k_mutex_lock(&m2, K_NO_WAIT), 0);
	zassert_equal(k_mutex_unlock(&m1), 0);
	zassert_events("H");
	zassert_equal(my_prio(), L_PRIO);
	zassert_equal(k_mutex_unlock(&m2), 0);
	zassert_equal(my_prio(), L_PRIO, "holds nothing, nobody waits, and still boosted");
}

/* L holds m1 and m2, h2 (at M) waits for m2, h1 (at H) for m1: L runs at H. */
static k_tid_t hold_both(void)
{
	own_with_waiter(&m2, &h2, M_PRIO);
	zassert_equal(k_mutex_lock(&m1, K_NO_WAIT), 0);

	k_tid_t t1 = start_locker(&h1, H_PRIO);

	zassert_equal(my_prio(), H_PRIO);
	return t1;
}

/* Unlocks in either order, with a waiter on each mutex (Zephyr's "sub-optimal" cases). */
ZTEST(prio_held, test_nested_unlocks_follow_the_remaining_waiter) {
	hold_both();
	/* m1 first (the more recent): h1 runs, and L keeps h2's boost. */
	zassert_equal(k_mutex_unlock(&m1), 0);
	zassert_events("H");
	zassert_equal(my_prio(), M_PRIO);
	zassert_equal(k_mutex_unlock(&m2), 0);
	zassert_events("HJ");
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_held, test_out_of_order_unlocks_keep_the_most_urgent_boost) {
	hold_both();
	/* m2 first: it passes to h2, less urgent than L's boost; L goes on, still boosted. */
	zassert_equal(k_mutex_unlock(&m2), 0);
	event('u');
	zassert_equal(my_prio(), H_PRIO);
	zassert_equal(k_mutex_unlock(&m1), 0);
	zassert_events("uHJ");
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_held, test_aborted_waiter_takes_its_boost_along) {
	k_thread_abort(hold_both());
	zassert_equal(my_prio(), M_PRIO);
	zassert_equal(k_mutex_unlock(&m2), 0);
	zassert_events("J");
	zassert_equal(my_prio(), L_PRIO);
	zassert_equal(k_mutex_unlock(&m1), 0);
}

/* An owner that ends gives up its mutexes, and with them its waiters' loan. */
ZTEST(prio_held, test_owner_that_ends_keeps_no_loan) {
	struct link o = { .own = &m1, .release = &never, .letter = 'o' };

	k_thread_priority_set(k_current_get(), LOW_PRIO);

	k_tid_t ot = start_link(&o, L_PRIO); /* holds m1, waits for ever */

	start_locker(&h1, H_PRIO);
	zassert_equal(k_thread_priority_get(ot), H_PRIO);
	k_thread_abort(ot);
	zassert_equal(h1.ret, -EOWNERDEAD);
	zassert_equal(k_thread_priority_get(ot), L_PRIO, "the ended owner kept h1's loan");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mutex_init(&m1), 0);
	zassert_equal(k_mutex_init(&m2), 0);
	zassert_equal(k_sem_init(&never, 0, 1), 0);
	h1 = (struct locker){ .mutex = &m1, .timeout = K_FOREVER, .letter = 'H' };
	h2 = (struct locker){ .mutex = &m2, .timeout = K_FOREVER, .letter = 'J' };
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(prio_held, NULL, NULL, before, after, NULL);
