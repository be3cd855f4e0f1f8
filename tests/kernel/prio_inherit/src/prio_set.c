/*
 * Priority changes are inputs of the definition like any other: lowering or
 * raising a waiter moves its owner's priority with it, and changing the
 * owner's own (base) priority keeps the boost its waiters still give; at the
 * unlock the owner runs at the base it was last given.
 *
 * The test thread plays L, the owner, at L_PRIO.
 */
#include "prio_util.h"

static struct k_mutex m1;
static struct locker h;

ZTEST(prio_set, test_lowering_the_waiter_lowers_the_owner) {
	k_tid_t ht = own_with_waiter(&m1, &h, H_PRIO);

	k_thread_priority_set(ht, LOW_PRIO);
	zassert_equal(k_thread_priority_get(ht), LOW_PRIO);
	zassert_equal(my_prio(), L_PRIO, "still boosted by a waiter lowered to %d", LOW_PRIO);
	k_thread_priority_set(ht, H_PRIO);
	zassert_equal(my_prio(), H_PRIO);
	zassert_equal(k_mutex_unlock(&m1), 0);
	zassert_events("H");
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_set, test_owner_priority_change_keeps_the_boost) {
	own_with_waiter(&m1, &h, H_PRIO);
	k_thread_priority_set(k_current_get(), LOW_PRIO);
	zassert_equal(my_prio(), H_PRIO, "lowering the base dropped the boost");
	/* A base more urgent than the boost wins; made less urgent again, the boost is back. */
	k_thread_priority_set(k_current_get(), TEST_PRIO);
	zassert_equal(my_prio(), TEST_PRIO);
	k_thread_priority_set(k_current_get(), LOW_PRIO);
	zassert_equal(my_prio(), H_PRIO, "the boost was lost while H still waits");

	spawn(log_letter, LETTER_ARG('M'), NULL, M_PRIO);
	zassert_equal(k_mutex_unlock(&m1), 0);
	event('u');
	/* Back at the base it was given (12), below M. */
	zassert_events("HMu");
	zassert_equal(my_prio(), LOW_PRIO);
}

ZTEST(prio_set, test_raising_the_owner_above_its_waiter) {
	own_with_waiter(&m1, &h, M_PRIO);
	k_thread_priority_set(k_current_get(), H_PRIO);
	zassert_equal(my_prio(), H_PRIO);
	zassert_equal(k_mutex_unlock(&m1), 0);
	/* The waiter, less urgent than the owner's new base, waits for the CPU. */
	event('u');
	zassert_equal(my_prio(), H_PRIO);
	k_msleep(1);
	zassert_events("uH");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mutex_init(&m1), 0);
	h = (struct locker){ .mutex = &m1, .timeout = K_FOREVER, .letter = 'H' };
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(prio_set, NULL, NULL, before, after, NULL);
