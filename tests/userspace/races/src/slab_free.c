/*
 * Two user threads free one block at once (review of the slab's allocation
 * map, kernel/mem_slab.c).
 *
 * Window: z_vrfy_k_mem_slab_free() checks that the block is allocated, then
 * gives it back. Were the check and the give-back in two holds of the lock,
 * both threads could pass the check and the block would go on the free list
 * twice (and be handed out twice). Exactly one free may succeed; the other is
 * an oops. The victim's call sweeps both the cold path (the buffer checked
 * and its domain stamp cached, with the lock dropped and taken again) and,
 * warmed up by a first alloc and free, the cached one.
 */
#include "race.h"

#define BLOCK  32
#define BLOCKS 4

static struct k_mem_slab slab;
RACE_DATA static char __aligned(4) buf[BLOCKS * BLOCK];
RACE_DATA static void *volatile block;
RACE_DATA static volatile int victim_freed;
RACE_DATA static volatile int intruder_freed;

static void victim_warm_up(void)
{
	void *b;

	if (k_mem_slab_alloc(&slab, &b, K_NO_WAIT) == 0) {
		k_mem_slab_free(&slab, b);
	}
}

static void victim(void)
{
	k_mem_slab_free(&slab, block);
	victim_freed = 1;
}

static void intruder(void)
{
	k_mem_slab_free(&slab, block);
	intruder_freed = 1;
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	void *b;

	ARG_UNUSED(attempt);
	zassert_equal(k_mem_slab_init(&slab, buf, BLOCK, BLOCKS), 0);
	zassert_equal(k_mem_slab_alloc(&slab, &b, K_NO_WAIT), 0);
	block = b;
	victim_freed = 0;
	intruder_freed = 0;
	k_thread_access_grant(v, &slab);
	k_thread_access_grant(i, &slab);
}

/* One free went through, and the list holds every block once. */
static bool judge(unsigned int attempt)
{
	void *got[BLOCKS + 1];
	bool ok = !(victim_freed && intruder_freed) && k_mem_slab_num_used_get(&slab) == 0U;

	ARG_UNUSED(attempt);
	for (unsigned int i = 0; i < BLOCKS && ok; i++) {
		ok = k_mem_slab_alloc(&slab, &got[i], K_NO_WAIT) == 0;
		for (unsigned int k = 0; k < i && ok; k++) {
			ok = got[i] != got[k];
		}
	}
	return ok && k_mem_slab_alloc(&slab, &got[BLOCKS], K_NO_WAIT) == -ENOMEM;
}

static const struct race cold_race = {
	.name = "slab double free (cold)",
	.attempts = 400,
	.lead_cycles = 5,
	.step = 1,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

static const struct race warm_race = {
	.name = "slab double free (cached)",
	.attempts = 300,
	.lead_cycles = 2, /* the cached call is short */
	.step = 1,
	.prepare = prepare,
	.victim_warm_up = victim_warm_up,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

ZTEST_SUITE(race_slab_free, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_slab_free, test_one_free_of_a_block_cold) {
	race_check(&cold_race, 10);
}

ZTEST(race_slab_free, test_one_free_of_a_block_cached) {
	race_check(&warm_race, 10);
}
