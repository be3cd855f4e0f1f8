/*
 * Transitive inheritance and its bound. A thread waiting for a mutex whose
 * owner waits for another mutex lends its priority down the whole chain; a
 * lock that would make a chain longer than CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH
 * (3 in this image) mutexes, or close a cycle, fails at once with -EDEADLK: the
 * caller keeps what it holds and lends nobody anything. These are the rules
 * of CONFIG_PRIORITY_INHERITANCE_STRICT; chain_cap.c has Zephyr's.
 */
#include "prio_util.h"

BUILD_ASSERT(CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH == 3, "the chains below are built for 3");

static struct k_mutex m[5];
static struct k_sem release, gate;

ZTEST(prio_chain, test_boost_passes_down_the_chain) {
	/* H waits for m[0], held by B, which waits for m[1], held by C. */
	struct link c = { .own = &m[1], .release = &release, .letter = 'C' };
	struct link b = { .own = &m[0], .next = &m[1], .letter = 'B' };
	struct locker h = { .mutex = &m[0], .timeout = K_FOREVER, .letter = 'H' };
	k_tid_t ct = start_link(&c, L_PRIO);

	k_msleep(1);
	k_tid_t bt = start_link(&b, L_PRIO - 2);

	k_msleep(1);
	zassert_equal(k_thread_priority_get(ct), L_PRIO - 2);
	k_tid_t ht = start_locker(&h, H_PRIO);

	k_msleep(1);
	zassert_equal(k_thread_priority_get(bt), H_PRIO);
	zassert_equal(k_thread_priority_get(ct), H_PRIO, "C does not run at H's priority");

	/* H's priority changes reach the end of the chain too. */
	k_thread_priority_set(ht, L_PRIO - 1);
	zassert_equal(k_thread_priority_get(bt), L_PRIO - 2);
	zassert_equal(k_thread_priority_get(ct), L_PRIO - 2);
	k_thread_priority_set(ht, H_PRIO);
	zassert_equal(k_thread_priority_get(ct), H_PRIO);

	/* C runs at 2: M, at 5, waits until H has its mutex. */
	spawn(log_letter, LETTER_ARG('M'), NULL, M_PRIO);
	k_sem_give(&release);
	k_msleep(1);
	zassert_events("CBHM");
	zassert_equal(b.ret, 0);
	zassert_equal(h.ret, 0);
}

ZTEST(prio_chain, test_waiter_timeout_unboosts_the_whole_chain) {
	struct link c = { .own = &m[1], .release = &release, .letter = 'C' };
	struct link b = { .own = &m[0], .next = &m[1], .letter = 'B' };
	struct locker h = { .mutex = &m[0], .timeout = K_MSEC(5), .letter = 'H' };
	k_tid_t ct = start_link(&c, L_PRIO);

	k_msleep(1);
	k_tid_t bt = start_link(&b, L_PRIO - 2);

	k_msleep(1);
	start_locker(&h, H_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(ct), H_PRIO);
	k_msleep(10);
	zassert_equal(h.ret, -EAGAIN);
	zassert_equal(k_thread_priority_get(bt), L_PRIO - 2);
	zassert_equal(k_thread_priority_get(ct), L_PRIO - 2);
	k_sem_give(&release);
	k_msleep(1);
	zassert_events("CB");
}

/*
 * The test thread (L) holds m[4]; t3 waits for it holding m[3], t2 for m[3]
 * holding m[2], t1 for m[2] holding m[1]: three mutexes, the bound. t0, more
 * urgent than all, would wait for m[1] and make it four: refused.
 */
ZTEST(prio_chain, test_chain_at_the_bound_and_one_past_it) {
	struct link t3 = { .own = &m[3], .next = &m[4], .letter = '3' };
	struct link t2 = { .own = &m[2], .next = &m[3], .letter = '2' };
	struct link t1 = { .own = &m[1], .next = &m[2], .letter = '1' };
	struct link t0 = { .own = &m[0], .next = &m[1], .letter = '0' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[4], K_NO_WAIT), 0);
	start_link(&t3, L_PRIO - 1);
	start_link(&t2, L_PRIO - 2);
	start_link(&t1, H_PRIO + 1);
	zassert_equal(my_prio(), H_PRIO + 1, "the boost did not travel three mutexes");

	start_link(&t0, H_PRIO);
	zassert_equal(t0.ret, -EDEADLK, "a fourth mutex in the chain was not refused");
	zassert_events("0");
	zassert_equal(my_prio(), H_PRIO + 1, "a refused waiter lent its priority");

	zassert_equal(k_mutex_unlock(&m[4]), 0);
	zassert_events("0321");
	zassert_equal(my_prio(), L_PRIO);
}

/*
 * Two chains joined by a new link: w waits for m[0] held by u (one mutex);
 * t3 waits for m[4] held by L (one more). u then waits for m[3], held by t3:
 * w, u, t3, L is three mutexes, allowed. With v waiting behind w it would be
 * four: refused, counting the waiters behind the new link too.
 */
ZTEST(prio_chain, test_joining_two_chains_counts_both) {
	struct link t3 = { .own = &m[3], .next = &m[4], .letter = '3' };
	struct link u = { .own = &m[0], .gate = &gate, .next = &m[3], .letter = 'u' };
	struct link w = { .own = &m[1], .next = &m[0], .letter = 'w' };
	struct locker v = { .mutex = &m[1], .timeout = K_FOREVER, .letter = 'v' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[4], K_NO_WAIT), 0);
	start_link(&t3, L_PRIO - 1);
	start_link(&u, L_PRIO - 2); /* holds m[0], waits at the gate */
	start_link(&w, L_PRIO - 3); /* holds m[1], waits for m[0] */
	start_locker(&v, L_PRIO - 4);
	zassert_equal(v.ret, 1);
	k_sem_give(&gate); /* u: locking m[3] would make v, w, u, t3, L four */
	k_msleep(1);
	zassert_equal(u.ret, -EDEADLK);
	zassert_equal(my_prio(), L_PRIO - 1, "the refused link was made anyway");
	/* u gave up and unlocked m[0]: w, then v, got through. */
	zassert_events("uwv");
	zassert_equal(k_mutex_unlock(&m[4]), 0);
	zassert_events("uwv3");
}

ZTEST(prio_chain, test_deadlock_is_refused) {
	/* d holds m[1] and waits for m[0], which L holds; L locking m[1] closes the cycle. */
	struct link d = { .own = &m[1], .next = &m[0], .letter = 'd' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m[0], K_NO_WAIT), 0);
	start_link(&d, H_PRIO);
	zassert_equal(my_prio(), H_PRIO);
	/* A timeout, not K_FOREVER: a kernel without the check must not hang the run. */
	zassert_equal(k_mutex_lock(&m[1], K_MSEC(10)), -EDEADLK);
	zassert_equal(my_prio(), H_PRIO);
	zassert_equal(k_mutex_unlock(&m[0]), 0);
	zassert_events("d");
	zassert_equal(d.ret, 0);
	zassert_equal(my_prio(), L_PRIO);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(m); i++) {
		zassert_equal(k_mutex_init(&m[i]), 0);
	}
	zassert_equal(k_sem_init(&release, 0, 1), 0);
	zassert_equal(k_sem_init(&gate, 0, 1), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

static bool strict(const void *state)
{
	ARG_UNUSED(state);
	return IS_ENABLED(CONFIG_PRIORITY_INHERITANCE_STRICT);
}

ZTEST_SUITE(prio_chain, strict, NULL, before, after, NULL);
