/*
 * Host tests of the sorted timeout list (kernel/timeout_list.c): insertion
 * order with FIFO among equal expiries, popping only what is due, expiry
 * arithmetic with saturation and negative ticks, and a random walk of
 * inserts, pops and aborts against a sorted array model.
 */
#include <timeout_list.h> /* first: the header must be self-contained */

#include <stdbool.h>
#include <string.h>

#include "check.h"

#define POOL_SIZE    64
#define RANDOM_STEPS 6000
#define RANDOM_SEED  0x71E0071ULL

static struct _timeout pool[POOL_SIZE];

static int to_index(const struct _timeout *t)
{
	return (int)(t - pool);
}

static void reset_pool(void)
{
	memset(pool, 0, sizeof(pool));
	for (int i = 0; i < POOL_SIZE; i++) {
		sys_dnode_init(&pool[i].node);
	}
}

/* The list holds exactly pool[expected[0..count-1]] in that order, both ways. */
static void check_list(const sys_dlist_t *list, const int *expected, int count)
{
	const sys_dnode_t *n = list->next;
	int i;

	for (i = 0; i < count; i++) {
		CHECK(n != list);
		CHECK_EQ(to_index(CONTAINER_OF_TIMEOUT(n)), expected[i]);
		CHECK_PTR_EQ(n->next->prev, n);
		if (i > 0) {
			CHECK(CONTAINER_OF_TIMEOUT(n->prev)->expiry <=
			      CONTAINER_OF_TIMEOUT(n)->expiry);
		}
		n = n->next;
	}
	CHECK_PTR_EQ(n, list);
	CHECK_EQ(sys_dlist_is_empty(list), count == 0);
}

static void arm(sys_dlist_t *list, int i, uint64_t expiry)
{
	pool[i].expiry = expiry;
	z_timeout_list_insert(list, &pool[i]);
	CHECK(sys_dnode_is_linked(&pool[i].node));
}

static void test_container_of(void)
{
	struct _timeout t = { 0 };

	CHECK_PTR_EQ(CONTAINER_OF_TIMEOUT(&t.node), &t);
}

static void test_insert_order(void)
{
	sys_dlist_t list;

	reset_pool();
	sys_dlist_init(&list);

	arm(&list, 0, 500);
	check_list(&list, (int[]){ 0 }, 1);
	arm(&list, 1, 700); /* after all: tail */
	check_list(&list, (int[]){ 0, 1 }, 2);
	arm(&list, 2, 100); /* before all: head */
	check_list(&list, (int[]){ 2, 0, 1 }, 3);
	arm(&list, 3, 600); /* middle */
	check_list(&list, (int[]){ 2, 0, 3, 1 }, 4);
	arm(&list, 4, 501); /* just after an entry */
	check_list(&list, (int[]){ 2, 0, 4, 3, 1 }, 5);
	arm(&list, 5, 499); /* just before an entry */
	check_list(&list, (int[]){ 2, 5, 0, 4, 3, 1 }, 6);
	arm(&list, 6, 0);
	arm(&list, 7, UINT64_MAX);
	check_list(&list, (int[]){ 6, 2, 5, 0, 4, 3, 1, 7 }, 8);
}

/* Equal expiries keep insertion order, wherever the group sits in the list. */
static void test_insert_fifo(void)
{
	sys_dlist_t list;

	reset_pool();
	sys_dlist_init(&list);

	arm(&list, 0, 200);
	arm(&list, 1, 200);
	arm(&list, 2, 200);
	check_list(&list, (int[]){ 0, 1, 2 }, 3);
	arm(&list, 3, 100);
	arm(&list, 4, 300);
	arm(&list, 5, 200); /* joins the middle group, at its end */
	check_list(&list, (int[]){ 3, 0, 1, 2, 5, 4 }, 6);
	arm(&list, 6, 100); /* joins the head group, at its end */
	arm(&list, 7, 300); /* joins the tail group, at its end */
	check_list(&list, (int[]){ 3, 6, 0, 1, 2, 5, 4, 7 }, 8);

	/* Saturated expiries (UINT64_MAX) are FIFO too. */
	arm(&list, 8, UINT64_MAX);
	arm(&list, 9, UINT64_MAX);
	check_list(&list, (int[]){ 3, 6, 0, 1, 2, 5, 4, 7, 8, 9 }, 10);
}

static void test_pop_due(void)
{
	sys_dlist_t list;

	reset_pool();
	sys_dlist_init(&list);

	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 0), NULL);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, UINT64_MAX), NULL);

	arm(&list, 0, 1000);
	arm(&list, 1, 1000);
	arm(&list, 2, 2000);

	/* Not yet due: nothing popped, list untouched. */
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 0), NULL);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 999), NULL);
	check_list(&list, (int[]){ 0, 1, 2 }, 3);

	/* Due exactly at the expiry: popped one at a time, FIFO, and unlinked. */
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 1000), &pool[0]);
	CHECK(!sys_dnode_is_linked(&pool[0].node));
	CHECK_EQ(pool[0].expiry, 1000U);
	check_list(&list, (int[]){ 1, 2 }, 2);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 1000), &pool[1]);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 1000), NULL);
	check_list(&list, (int[]){ 2 }, 1);

	/* Late: popped all the same. */
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 5000), &pool[2]);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, 5000), NULL);
	check_list(&list, NULL, 0);

	/* A popped timeout can be re-armed. */
	arm(&list, 0, 10);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, UINT64_MAX), &pool[0]);

	/* UINT64_MAX is due only at UINT64_MAX. */
	arm(&list, 3, UINT64_MAX);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, UINT64_MAX - 1U), NULL);
	CHECK_PTR_EQ(z_timeout_list_pop_due(&list, UINT64_MAX), &pool[3]);
	check_list(&list, NULL, 0);
}

/* Reference: the exact sum in 128 bits, clamped. */
static uint64_t ref_expiry(uint64_t now, int64_t ticks, uint32_t cyc)
{
	unsigned __int128 t = ticks < 0 ? 0U : (unsigned __int128)ticks;
	unsigned __int128 sum = (unsigned __int128)now + t * cyc;

	return sum > UINT64_MAX ? UINT64_MAX : (uint64_t)sum;
}

static void test_expiry(void)
{
	const uint64_t max = UINT64_MAX;

	CHECK_EQ(z_timeout_expiry(0, 0, 1000), 0U);
	CHECK_EQ(z_timeout_expiry(0, 1, 1000), 1000U);
	CHECK_EQ(z_timeout_expiry(12345, 3, 1000), 15345U);
	CHECK_EQ(z_timeout_expiry(7, 5, 1), 12U);
	CHECK_EQ(z_timeout_expiry(max, 0, 1000), max);

	/* Negative ticks count as zero: expiry is now. */
	CHECK_EQ(z_timeout_expiry(777, -1, 1000), 777U);
	CHECK_EQ(z_timeout_expiry(777, -1000000, 1000), 777U);
	CHECK_EQ(z_timeout_expiry(777, INT64_MIN, 1000), 777U);
	CHECK_EQ(z_timeout_expiry(max, INT64_MIN, 1000), max);

	/* Largest tick counts: exact when it fits, saturated otherwise. */
	CHECK_EQ(z_timeout_expiry(0, INT64_MAX, 1), (uint64_t)INT64_MAX);
	CHECK_EQ(z_timeout_expiry(1, INT64_MAX, 2), max); /* 2^64 - 2 + 1 */
	CHECK_EQ(z_timeout_expiry(2, INT64_MAX, 2), max); /* would be 2^64: saturate */
	CHECK_EQ(z_timeout_expiry(0, INT64_MAX, 1000), max);
	CHECK_EQ(z_timeout_expiry(max - 1U, 1, 1), max);
	CHECK_EQ(z_timeout_expiry(max, 1, 1), max);
	CHECK_EQ(z_timeout_expiry(max, 1, 1000), max);

	/* Right at the boundary: the last tick count that fits, and one more. */
	{
		const uint64_t now = max - 5U * 1000U - 3U;

		CHECK_EQ(z_timeout_expiry(now, 5, 1000), max - 3U);
		CHECK_EQ(z_timeout_expiry(now, 6, 1000), max);
		CHECK_EQ(z_timeout_expiry(max - 5000U, 5, 1000), max); /* exact, no saturation */
		CHECK_EQ(z_timeout_expiry(max - 4999U, 5, 1000), max);
	}

	/* Random arguments against the 128-bit reference. */
	check_rng_seed(0xE7E7ULL);
	for (uint64_t i = 0; i < 20000; i++) {
		uint64_t now = check_rng_next() >> check_rng_below(64);
		int64_t ticks = (int64_t)check_rng_next() >> check_rng_below(64);
		uint32_t cyc = (uint32_t)(check_rng_next() >> check_rng_below(64));

		if (cyc == 0U) {
			cyc = 1U;
		}
		check_set_context("expiry iteration", i);
		CHECK_EQ(z_timeout_expiry(now, ticks, cyc), ref_expiry(now, ticks, cyc));
	}
	check_set_context(NULL, 0);
}

/* Absolute tick counts (-2 - tick): tick * cycles, whatever now is; relative as before. */
static void test_deadline(void)
{
	const uint64_t max = UINT64_MAX;

	CHECK_EQ(z_timeout_deadline(5000, -2, 1000), 0U); /* tick 0: long past */
	CHECK_EQ(z_timeout_deadline(5000, -3, 1000), 1000U);
	CHECK_EQ(z_timeout_deadline(5000, -12, 1000), 10000U);
	CHECK_EQ(z_timeout_deadline(0, -12, 1000), 10000U);
	CHECK_EQ(z_timeout_deadline(max, -12, 1000), 10000U); /* now does not matter */
	CHECK_EQ(z_timeout_deadline(0, INT64_MIN, 1), (uint64_t)INT64_MAX - 1U);
	CHECK_EQ(z_timeout_deadline(0, INT64_MIN, 1000), max);   /* saturated */
	CHECK_EQ(z_timeout_deadline(0, INT64_MIN, 2), max - 3U); /* 2^64 - 4 */

	/* -1 (K_FOREVER, never armed) and up: relative. */
	CHECK_EQ(z_timeout_deadline(777, -1, 1000), 777U);
	CHECK_EQ(z_timeout_deadline(777, 0, 1000), 777U);
	CHECK_EQ(z_timeout_deadline(777, 3, 1000), 3777U);
	CHECK_EQ(z_timeout_deadline(max, INT64_MAX, 1000), max);
}

/* Sorted array model: pool indices in expected list order. */
static int model[POOL_SIZE];
static int model_count;

static void model_insert(int idx)
{
	/* After every entry with an expiry <= the new one: FIFO among equals. */
	int pos = model_count;

	while (pos > 0 && pool[model[pos - 1]].expiry > pool[idx].expiry) {
		pos--;
	}
	memmove(&model[pos + 1], &model[pos], (size_t)(model_count - pos) * sizeof(int));
	model[pos] = idx;
	model_count++;
}

static void model_remove_at(int pos)
{
	memmove(&model[pos], &model[pos + 1], (size_t)(model_count - pos - 1) * sizeof(int));
	model_count--;
}

/*
 * Random inserts (expiries drawn from a narrow window so ties are frequent),
 * pops with an advancing clock, and aborts (plain removal, as a cancelled
 * timeout is removed). Each inserted entry carries a sequence number; among
 * equal expiries the list must keep them in increasing sequence order.
 */
static void test_random_model(void)
{
	sys_dlist_t list;
	uint64_t seq[POOL_SIZE] = { 0 };
	uint64_t next_seq = 1;
	uint64_t now = 1000;
	unsigned long inserts = 0;
	unsigned long pops = 0;
	unsigned long empty_pops = 0;
	unsigned long aborts = 0;
	unsigned long ties = 0;

	reset_pool();
	sys_dlist_init(&list);
	model_count = 0;
	check_rng_seed(RANDOM_SEED);

	for (uint64_t step = 0; step < RANDOM_STEPS; step++) {
		uint32_t op = check_rng_below(10);
		int idx = (int)check_rng_below(POOL_SIZE);

		check_set_context("random step", step);
		if (op < 5 && !sys_dnode_is_linked(&pool[idx].node)) {
			/* Sometimes already due, mostly a little in the future. */
			uint64_t expiry = now - 3U + check_rng_below(24);

			for (int i = 0; i < model_count; i++) {
				if (pool[model[i]].expiry == expiry) {
					ties++;
					break;
				}
			}
			seq[idx] = next_seq++;
			arm(&list, idx, expiry);
			model_insert(idx);
			inserts++;
		} else if (op < 8) {
			/* Advance the clock a little, then pop everything due. */
			struct _timeout *t;

			now += check_rng_below(4);
			while ((t = z_timeout_list_pop_due(&list, now)) != NULL) {
				CHECK(model_count > 0);
				CHECK_EQ(to_index(t), model[0]);
				CHECK(t->expiry <= now);
				CHECK(!sys_dnode_is_linked(&t->node));
				model_remove_at(0);
				pops++;
			}
			/* What remains is not due yet. */
			CHECK(model_count == 0 || pool[model[0]].expiry > now);
			empty_pops += model_count == 0;
		} else if (model_count > 0) {
			/* Abort a random armed timeout. */
			int pos = (int)check_rng_below((uint32_t)model_count);

			sys_dlist_remove(&pool[model[pos]].node);
			model_remove_at(pos);
			aborts++;
		}

		check_list(&list, model, model_count);
		for (int i = 1; i < model_count; i++) {
			if (pool[model[i - 1]].expiry == pool[model[i]].expiry) {
				CHECK(seq[model[i - 1]] < seq[model[i]]);
			}
		}
	}
	check_set_context(NULL, 0);

	/* Make sure the walk exercised what it claims to. */
	CHECK(inserts > RANDOM_STEPS / 5);
	CHECK(pops > RANDOM_STEPS / 5);
	CHECK(aborts > RANDOM_STEPS / 50);
	CHECK(ties > RANDOM_STEPS / 20);
	CHECK(empty_pops > 0U);
}

int main(void)
{
	test_container_of();
	test_insert_order();
	test_insert_fifo();
	test_pop_due();
	test_expiry();
	test_deadline();
	test_random_model();
	return check_done("host.timeout_list");
}
