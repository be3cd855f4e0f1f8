/*
 * sys_mem_blocks from user mode: a pool in a partition (descriptor, bitmap
 * and buffer, K_APP_SYS_MEM_BLOCKS_DEFINE), used by user threads of the
 * domains that have the partition with no system call, racing one another
 * (on several CPUs in the SMP runs); a thread without the partition faults
 * on the pool; and a sharer that scribbles on the bitmap only misleads the
 * threads sharing it.
 */
#include <string.h>
#include <zephyr/sys/mem_blocks.h>
#include "user_util.h"

#define UBLK   32
#define UNUM   8 /* fewer than the racers may hold at once: allocations fail too */
#define RACERS 4
#define ROUNDS 300

K_APPMEM_PARTITION_DEFINE(blocks_part);
K_APP_SYS_MEM_BLOCKS_DEFINE(blocks_part, upool, UBLK, UNUM, 4);

static struct k_mem_domain pool_domain;

RESULT static volatile int corrupted[RACERS], refused[RACERS], done[RACERS];
RESULT static volatile int r[4];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	static bool init;

	if (!init) {
		struct k_mem_partition *parts[] = { &blocks_part, &results_part };

		zassert_ok(k_mem_domain_init(&pool_domain, ARRAY_SIZE(parts), parts));
		init = true;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(mem_blocks_user, NULL, NULL, before, NULL, NULL);

static k_tid_t pool_user(unsigned int slot, k_thread_entry_t entry, void *p1, int prio)
{
	k_tid_t t = user_create(slot, entry, p1, NULL, NULL, prio, 0);

	zassert_ok(k_mem_domain_add_thread(&pool_domain, t));
	return t;
}

/* Each round takes one to three blocks, fills them with its tag, yields now and then, checks them,
 * frees them. */
static void racer(void *tag_arg, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	int tag = ARG_INT(tag_arg);
	void *held[3];

	for (int round = 0; round < ROUNDS; round++) {
		size_t n = 1U + (size_t)(round % 3);

		if (sys_mem_blocks_alloc(&upool, n, held) != 0) {
			k_yield(); /* the others hold them: let them go on */
			continue;
		}
		for (size_t k = 0; k < n; k++) {
			memset(held[k], 0x40 + tag, UBLK);
		}
		if (round % 4 == tag) {
			k_yield();
		}
		for (size_t k = 0; k < n; k++) {
			for (unsigned int b = 0; b < UBLK; b++) {
				if (((volatile uint8_t *)held[k])[b] != 0x40 + tag) {
					corrupted[tag]++; /* another thread had the block too */
				}
			}
		}
		if (sys_mem_blocks_free(&upool, n, held) != 0) {
			refused[tag]++;
		}
	}
	done[tag] = 1;
}

ZTEST(mem_blocks_user, test_user_threads_race_for_blocks) {
	k_tid_t t[RACERS];

	for (int i = 0; i < RACERS; i++) {
		corrupted[i] = refused[i] = done[i] = 0;
		t[i] = pool_user(i, racer, INT_ARG(i), TEST_PRIO + 1);
	}
	for (int i = 0; i < RACERS; i++) {
		k_thread_start(t[i]);
	}
	for (int i = 0; i < RACERS; i++) {
		zassert_equal(k_thread_join(t[i], K_FOREVER), 0);
		zassert_equal(done[i], 1, "racer %d did not finish", i);
		zassert_equal(corrupted[i], 0, "racer %d: a block it held was written by another",
			      i);
		zassert_equal(refused[i], 0, "racer %d: a free of its own blocks was refused", i);
	}
	zassert_equal(sys_mem_blocks_is_region_free(&upool, upool.buffer, UNUM), 1,
		      "every block given back");
}

static void take_all_then_free(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	void *b[UNUM];

	r[0] = sys_mem_blocks_alloc(&upool, UNUM, b);
	r[1] = sys_mem_blocks_alloc(&upool, 1, &b[0]) == -ENOMEM;
	r[2] = sys_mem_blocks_free(&upool, UNUM, b);
	r[3] = sys_mem_blocks_free(&upool, 1, b);
}

ZTEST(mem_blocks_user, test_user_thread_takes_every_block) {
	run_to_end(pool_user(0, take_all_then_free, NULL, USER_PRIO));
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 1, "none left");
	zassert_equal(r[2], 0);
	zassert_equal(r[3], -EFAULT, "freed twice");
}

static void outsider(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	void *b;

	r[0] = sys_mem_blocks_alloc(&upool, 1, &b); /* faults: the pool is not its memory */
}

ZTEST(mem_blocks_user, test_thread_without_the_partition_faults) {
	/* The default domain: results, not the pool's partition. */
	run_expect_fault(user_create(0, outsider, NULL, NULL, NULL, USER_PRIO, 0),
			 K_ERR_CPU_EXCEPTION);
	zassert_equal(r[0], NOT_REACHED);
	zassert_equal(sys_mem_blocks_is_region_free(&upool, upool.buffer, UNUM), 1);
}

static void scribbler(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	void *b;

	upool.bitmap[0] = -1; /* every block looks taken */
	r[0] = sys_mem_blocks_alloc(&upool, 1, &b);
	upool.bitmap[0] = 0; /* and now every block looks free */
	r[1] = sys_mem_blocks_free_contiguous(&upool, upool.buffer, 1);
	upool.buffer = (uint8_t *)0x10; /* a descriptor pointing anywhere */
	r[2] = sys_mem_blocks_alloc(&upool, 1, &b);
	r[3] = (int)(uintptr_t)b;
}

ZTEST(mem_blocks_user, test_scribbled_pool_misleads_only_its_sharers) {
	uint8_t *buffer = upool.buffer;

	run_to_end(pool_user(0, scribbler, NULL, USER_PRIO));
	zassert_equal(r[0], -ENOMEM);
	zassert_equal(r[1], -EFAULT);
	/* The allocator hands out an address in the bogus buffer: the thread's own fault to use. */
	zassert_equal(r[2], 0);
	zassert_equal(r[3], 0x10);
	upool.buffer = buffer;
	zassert_ok(sys_mem_blocks_free_contiguous(&upool, buffer, 1));
}
