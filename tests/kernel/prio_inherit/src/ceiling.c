/*
 * CONFIG_PRIORITY_CEILING, as in Zephyr: inheritance never lifts an owner
 * above the ceiling, though its own base priority may be more urgent. The
 * "ceiling" image sets it to 1; elsewhere there is none and the same checks
 * expect the waiter's priority.
 */
#include "prio_util.h"

/* What an owner inherits from a waiter at @prio. */
#define INHERITED(prio) MAX((prio), CONFIG_PRIORITY_CEILING)

#define URGENT_PRIO K_PRIO_COOP(CONFIG_NUM_COOP_PRIORITIES - 1)

static struct k_mutex m1, m2;
static struct k_sem release;

ZTEST(prio_ceiling, test_owner_stops_at_the_ceiling) {
	struct locker u = { .mutex = &m1, .timeout = K_FOREVER, .letter = 'U' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m1, K_NO_WAIT), 0);
	start_locker(&u, URGENT_PRIO);
	zassert_equal(my_prio(), INHERITED(URGENT_PRIO));
	/* A base beyond the ceiling is the owner's own: it counts in full. */
	k_thread_priority_set(k_current_get(), URGENT_PRIO);
	zassert_equal(my_prio(), URGENT_PRIO);
	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(my_prio(), INHERITED(URGENT_PRIO));
	zassert_equal(k_mutex_unlock(&m1), 0);
	zassert_events("U");
	zassert_equal(my_prio(), L_PRIO);
}

ZTEST(prio_ceiling, test_chain_stops_at_the_ceiling) {
	/* u waits for m1, held by b, which waits for m2, held by the test thread. */
	struct link b = { .own = &m1, .next = &m2, .letter = 'B' };
	struct locker u = { .mutex = &m1, .timeout = K_FOREVER, .letter = 'U' };

	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&m2, K_NO_WAIT), 0);
	k_tid_t bt = start_link(&b, M_PRIO);

	start_locker(&u, URGENT_PRIO);
	zassert_equal(k_thread_priority_get(bt), INHERITED(URGENT_PRIO));
	zassert_equal(my_prio(), INHERITED(URGENT_PRIO));
	zassert_equal(k_mutex_unlock(&m2), 0);
	zassert_events("BU");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mutex_init(&m1), 0);
	zassert_equal(k_mutex_init(&m2), 0);
	zassert_equal(k_sem_init(&release, 0, 1), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(prio_ceiling, NULL, NULL, before, after, NULL);
