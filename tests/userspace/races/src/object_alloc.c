/*
 * Permission on another domain's object.
 *
 * Window: k_object_alloc() entered the new object in the registry, dropped
 * the lock, and only then gave the caller its permission. In between, the
 * object is held by nobody: an allocated thread object held by nobody and
 * never started looks exactly like the object of a dead thread, which the
 * next allocation reaps. The intruder, in another memory domain, allocates
 * in the window: it reaps the victim's new block and gets it back (same
 * block, same registry slot); the victim's late permission then lands on the
 * intruder's object. Each allocation must return an object held by its
 * caller from the moment it exists.
 */
#include "race.h"

static struct k_mem_domain dom_victim;
static struct k_mem_domain dom_intruder;

RACE_DATA static void *volatile victim_obj;
RACE_DATA static void *volatile intruder_obj;
RACE_DATA static volatile bool victim_done;

static void victim(void)
{
	victim_obj = k_object_alloc(K_OBJ_THREAD);
	victim_done = true;
}

/*
 * The intruder lives on until the victim's call is over: an intruder that
 * allocated before the victim and died at once would hand its block back,
 * and the victim could then get the same block, rightly.
 */
static void intruder(void)
{
	intruder_obj = k_object_alloc(K_OBJ_SEM);
	while (!victim_done) {
		k_sleep(K_TICKS(1));
	}
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(v);
	ARG_UNUSED(i);
	victim_obj = NULL;
	intruder_obj = NULL;
	victim_done = false;
}

/* Both callers ended: what they alone held was freed with them. */
static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	return victim_obj == NULL || victim_obj != intruder_obj;
}

static const struct race alloc_race = {
	.name = "object alloc",
	.attempts = 300,
	.lead_cycles = 25,
	.step = 8,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
	.victim_domain = &dom_victim,
	.intruder_domain = &dom_intruder,
};

static void *setup(void)
{
	struct k_mem_partition *parts[] = { &race_part };

	zassert_equal(k_mem_domain_init(&dom_victim, ARRAY_SIZE(parts), parts), 0);
	zassert_equal(k_mem_domain_init(&dom_intruder, ARRAY_SIZE(parts), parts), 0);
	return NULL;
}

ZTEST_SUITE(race_object_alloc, NULL, setup, NULL, NULL, NULL);

ZTEST(race_object_alloc, test_alloc_held_from_birth) {
	race_check(&alloc_race, 10);
}
