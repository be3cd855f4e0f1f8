/*
 * Chains and cycles by Zephyr's rules (CONFIG_PRIORITY_INHERITANCE_STRICT
 * off): a chain of any length may form, and a priority change walks it at
 * most CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH (3 in this image) hops past the
 * thread it starts from; a lock that closes a cycle in which every thread
 * waits forever fails with -EDEADLK, while one with a finite wait in the
 * cycle waits, since that wait will end and break it.
 */
#include "prio_util.h"

#ifdef CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH
BUILD_ASSERT(CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH == 3, "the chains below are built for 3");
#endif

static struct k_mutex m[5];
static struct k_sem gate;

/*
 * H waits for m[0], held by t0, which waits for m[1] held by t1, and so on
 * to m[4], held by the test thread L: t0 is hop 0, t3 hop 3, L hop 4.
 */
ZTEST(prio_chain_cap, test_boost_stops_at_the_hop_cap) {
	struct link t3 = { .own = &m[3], .next = &m[4], .letter = '3' };
	struct link t2 = { .own = &m[2], .next = &m[3], .letter = '2' };
	struct link t1 = { .own = &m[1], .next = &m[2], .letter = '1' };
	struct link t0 = { .own = &m[0], .next = &m[1], .letter = '0' };
	struct locker h = { .mutex = &m[0], .timeout = K_FOREVER, .letter = 'H' };
	k_tid_t tid[4];

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[4], K_NO_WAIT), 0);
	tid[3] = start_link(&t3, L_PRIO - 1);
	tid[2] = start_link(&t2, L_PRIO - 2);
	tid[1] = start_link(&t1, L_PRIO - 3);
	tid[0] = start_link(&t0, L_PRIO - 4);
	zassert_equal(t0.ret, 1, "a chain of four mutexes was refused");
	zassert_equal(my_prio(), L_PRIO - 4, "hop 3 from t0's wait was not boosted");

	k_tid_t ht = start_locker(&h, H_PRIO);

	zassert_equal(h.ret, 1);
	for (int i = 0; i < 4; i++) {
		zassert_equal(k_thread_priority_get(tid[i]), H_PRIO, "hop %d not boosted", i);
	}
	zassert_equal(my_prio(), L_PRIO - 4, "hop 4 was boosted past the cap");

	/* H's priority falls back: the same walk, within the cap. */
	k_thread_priority_set(ht, L_PRIO - 5);
	for (int i = 0; i < 4; i++) {
		zassert_equal(k_thread_priority_get(tid[i]), L_PRIO - 5, "hop %d kept H's boost",
			      i);
	}

	zassert_equal(k_mutex_unlock(&m[4]), 0);
	zassert_events("3210H");
	zassert_equal(my_prio(), L_PRIO);
}

/*
 * A wait near the far end lends it what hops within the cap brought: t3,
 * boosted by H down the chain, then waits for m[4], which L holds. When H's
 * priority falls, the walk from t0 passes the cap before L: L must still
 * fall back (a far end may go unboosted, never stay boosted).
 */
ZTEST(prio_chain_cap, test_loan_ends_past_the_hop_cap) {
	struct link t3 = { .own = &m[3], .gate = &gate, .next = &m[4], .letter = '3' };
	struct link t2 = { .own = &m[2], .next = &m[3], .letter = '2' };
	struct link t1 = { .own = &m[1], .next = &m[2], .letter = '1' };
	struct link t0 = { .own = &m[0], .next = &m[1], .letter = '0' };
	struct locker h = { .mutex = &m[0], .timeout = K_FOREVER, .letter = 'H' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[4], K_NO_WAIT), 0);
	start_link(&t3, L_PRIO - 1); /* holds m[3], waits at the gate */
	start_link(&t2, L_PRIO - 2);
	start_link(&t1, L_PRIO - 3);
	start_link(&t0, L_PRIO - 4);

	k_tid_t ht = start_locker(&h, H_PRIO);

	k_sem_give(&gate); /* t3, at H's priority, waits for m[4]: hop 0 from L */
	zassert_equal(t3.ret, 1);
	zassert_equal(my_prio(), H_PRIO, "t3's wait did not lend L its priority");

	k_thread_priority_set(ht, L_PRIO - 5); /* the walk from t0 reaches L at hop 4 */
	zassert_equal(my_prio(), L_PRIO - 5, "L kept H's loan past the hop cap");

	zassert_equal(k_mutex_unlock(&m[4]), 0);
	zassert_events("3210H");
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_chain_cap, test_cycle_of_forever_waits_is_refused) {
	/* d holds m[1] and waits forever for m[0], which L holds. */
	struct link d = { .own = &m[1], .next = &m[0], .letter = 'd' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[0], K_NO_WAIT), 0);
	start_link(&d, H_PRIO);
	zassert_equal(k_mutex_lock(&m[1], K_FOREVER), -EDEADLK);
	zassert_equal(my_prio(), H_PRIO, "the refused wait changed the chain");
	zassert_equal(k_mutex_unlock(&m[0]), 0);
	zassert_events("d");
	zassert_equal(d.ret, 0);
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_chain_cap, test_cycle_with_a_finite_wait_waits) {
	/* d holds m[1] and waits 20 ms for m[0]: the cycle breaks when d gives up. */
	struct link d = { .own = &m[1], .next = &m[0], .wait_ms = 20, .letter = 'd' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[0], K_NO_WAIT), 0);
	start_link(&d, H_PRIO);
	zassert_equal(k_mutex_lock(&m[1], K_FOREVER), 0, "L did not get m[1] after d's timeout");
	zassert_equal(d.ret, -EAGAIN);
	zassert_events("d");
	zassert_equal(my_prio(), L_PRIO, "L kept d's boost after d left");
	zassert_equal(k_mutex_unlock(&m[1]), 0);
	zassert_equal(k_mutex_unlock(&m[0]), 0);
}

ZTEST(prio_chain_cap, test_own_finite_wait_closing_a_cycle_waits) {
	/* d waits forever for m[0]; L's own wait for m[1] is the finite one. */
	struct link d = { .own = &m[1], .next = &m[0], .letter = 'd' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[0], K_NO_WAIT), 0);
	start_link(&d, H_PRIO);
	zassert_equal(k_mutex_lock(&m[1], K_MSEC(10)), -EAGAIN);
	zassert_equal(my_prio(), H_PRIO);
	zassert_equal(k_mutex_unlock(&m[0]), 0);
	zassert_events("d");
	zassert_equal(d.ret, 0);
}

/*
 * A chain that runs into a cycle of other threads (a finite one) is no
 * deadlock of the caller's: the walk must end without finding the caller.
 */
ZTEST(prio_chain_cap, test_chain_into_a_cycle_of_others_waits) {
	/* a holds m[2] and, once through the gate, waits forever for m[3]. */
	struct link a = { .own = &m[2], .gate = &gate, .next = &m[3], .letter = 'a' };
	/* b holds m[3] and waits 30 ms for m[2]. */
	struct link b = { .own = &m[3], .next = &m[2], .wait_ms = 30, .letter = 'b' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	start_link(&a, L_PRIO - 1);
	start_link(&b, L_PRIO - 2);
	k_sem_give(&gate);
	zassert_equal(a.ret, 1, "a's wait closing a cycle with a finite wait was refused");
	zassert_equal(k_mutex_lock(&m[2], K_FOREVER), 0);
	zassert_equal(b.ret, -EAGAIN);
	zassert_equal(a.ret, 0);
	zassert_events("ba");
	zassert_equal(k_mutex_unlock(&m[2]), 0);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(m); i++) {
		zassert_equal(k_mutex_init(&m[i]), 0);
	}
	zassert_equal(k_sem_init(&gate, 0, 1), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

static bool zephyr_rules(const void *state)
{
	ARG_UNUSED(state);
	return IS_ENABLED(CONFIG_PRIORITY_INHERITANCE) &&
	       !IS_ENABLED(CONFIG_PRIORITY_INHERITANCE_STRICT);
}

ZTEST_SUITE(prio_chain_cap, zephyr_rules, NULL, before, after, NULL);
