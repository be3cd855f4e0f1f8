/*
 * Memory slabs with blocked threads: a freed block goes straight to the most
 * urgent waiter (priority, then arrival), from a thread or an ISR; a waiter
 * that timed out or was aborted gets nothing and the block returns to the
 * slab.
 */
#include "test_util.h"

#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY
#define BLOCK_SIZE 8
#define NUM_BLOCKS 8

static struct k_mem_slab slab;
static uint32_t slab_buf[NUM_BLOCKS * BLOCK_SIZE / sizeof(uint32_t)];
static void *blocks[NUM_BLOCKS];

/* What each helper thread (by letter) got: return code and block. */
static volatile int ret_of[26];
static void *volatile block_of[26];

#define IDX(letter) ((letter) - 'A')

/* p1: letter, p2: timeout in ms (0 = forever), p3: ms to sleep first. */
static void waiter(void *p1, void *p2, void *p3)
{
	char c = ARG_LETTER(p1);
	int ms = (int)(uintptr_t)p2;
	void *mem = (void *)1;

	k_msleep((int32_t)(uintptr_t)p3);
	ret_of[IDX(c)] = k_mem_slab_alloc(&slab, &mem, ms == 0 ? K_FOREVER : K_MSEC(ms));
	block_of[IDX(c)] = mem;
	event(c);
}

static void exhaust(void)
{
	for (int i = 0; i < NUM_BLOCKS; i++) {
		zassert_equal(k_mem_slab_alloc(&slab, &blocks[i], K_NO_WAIT), 0);
	}
	zassert_equal(k_mem_slab_num_free_get(&slab), 0);
}

ZTEST(slab_waiters, test_free_wakes_urgent_waiter_at_once) {
	exhaust();
	spawn(waiter, LETTER_ARG('W'), NULL, TEST_PRIO - 1);
	event('a');
	k_mem_slab_free(&slab, blocks[5]);
	event('b');
	zassert_events("aWb");
	zassert_equal(ret_of[IDX('W')], 0);
	zassert_equal_ptr(block_of[IDX('W')], blocks[5]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
}

ZTEST(slab_waiters, test_free_hands_block_to_waiter) {
	exhaust();
	spawn(waiter, LETTER_ARG('W'), NULL, TEST_PRIO + 1);
	k_msleep(1);
	k_mem_slab_free(&slab, blocks[2]);
	/* The block went to the waiter, though it has not run yet. */
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);

	void *mem;

	zassert_equal(k_mem_slab_alloc(&slab, &mem, K_NO_WAIT), -ENOMEM);
	zassert_events("");
	k_msleep(1);
	zassert_events("W");
	zassert_equal_ptr(block_of[IDX('W')], blocks[2]);
}

ZTEST(slab_waiters, test_waiters_served_by_priority_then_arrival) {
	static const int prios[NUM_BLOCKS] = { 5, 3, 7, 3, 5, 2, 7, 3 };
	static const char served[] = "FHDBEAGC";

	exhaust();
	/* Waiter i (letter 'A' + i) starts waiting after NUM_BLOCKS - i ms. */
	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		spawn3(waiter, LETTER_ARG('A' + i), NULL, (void *)(uintptr_t)(NUM_BLOCKS - i),
		       TEST_PRIO + prios[i]);
	}
	k_msleep(NUM_BLOCKS + 1);
	zassert_events("");

	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&slab, blocks[i]);
		zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
		k_msleep(1);
		zassert_equal(strlen(events_get()), i + 1U, "after free %u: \"%s\"", i,
			      events_get());
	}
	zassert_events(served);
	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		zassert_equal(ret_of[IDX(served[i])], 0);
		zassert_equal_ptr(block_of[IDX(served[i])], blocks[i], "waiter %c", served[i]);
	}
}

ZTEST(slab_waiters, test_timed_out_waiter_gets_nothing) {
	exhaust();
	spawn(waiter, LETTER_ARG('W'), (void *)2, TEST_PRIO + 1);
	k_msleep(3);
	zassert_events("W");
	zassert_equal(ret_of[IDX('W')], -EAGAIN);
	zassert_is_null(block_of[IDX('W')]);
	k_mem_slab_free(&slab, blocks[0]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1);
}

ZTEST(slab_waiters, test_aborted_waiter_gets_nothing) {
	exhaust();
	k_tid_t w = spawn(waiter, LETTER_ARG('W'), NULL, TEST_PRIO + 1);

	k_msleep(1);
	k_thread_abort(w);
	k_mem_slab_free(&slab, blocks[0]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1, "block given to the dead");

	void *mem;

	zassert_equal(k_mem_slab_alloc(&slab, &mem, K_NO_WAIT), 0);
	zassert_equal_ptr(mem, blocks[0]);
}

static void free_in_isr(void)
{
	event('i');
	k_mem_slab_free(&slab, blocks[3]);
}

ZTEST(slab_waiters, test_isr_free_wakes_waiter) {
	exhaust();
	spawn(waiter, LETTER_ARG('W'), NULL, TEST_PRIO - 1);
	event('a');
	run_in_isr(free_in_isr);
	event('b');
	zassert_events("aiWb");
	zassert_equal_ptr(block_of[IDX('W')], blocks[3]);
	zassert_equal(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
}

/* Threads passing blocks around: each allocates, holds, frees, many times. */
#define ROUNDS 40

static volatile uint32_t churn_errors;

static void churner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint8_t tag = (uint8_t)(uintptr_t)p1;

	for (int r = 0; r < ROUNDS; r++) {
		void *mem = NULL;

		if (k_mem_slab_alloc(&slab, &mem, K_FOREVER) != 0) {
			churn_errors++;
			continue;
		}
		memset(mem, tag, BLOCK_SIZE);
		k_yield();
		/* Nobody else wrote into the block while this thread held it. */
		for (int k = 0; k < BLOCK_SIZE; k++) {
			if (((uint8_t *)mem)[k] != tag) {
				churn_errors++;
			}
		}
		k_mem_slab_free(&slab, mem);
	}
}

ZTEST(slab_waiters, test_more_threads_than_blocks) {
	/* Keep 6 of 8 blocks: 2 left for 4 threads. */
	for (int i = 0; i < 6; i++) {
		zassert_equal(k_mem_slab_alloc(&slab, &blocks[i], K_NO_WAIT), 0);
	}
	churn_errors = 0;
	for (int t = 0; t < 4; t++) {
		spawn(churner, (void *)(uintptr_t)(0xa0 + t), NULL, TEST_PRIO + 1);
	}
	join_all();
	zassert_equal(churn_errors, 0);
	zassert_equal(k_mem_slab_num_used_get(&slab), 6);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mem_slab_init(&slab, slab_buf, BLOCK_SIZE, NUM_BLOCKS), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(ret_of); i++) {
		ret_of[i] = 1;
		block_of[i] = (void *)1;
	}
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(slab_waiters, NULL, NULL, before, after, NULL);
