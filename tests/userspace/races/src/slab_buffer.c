/*
 * A block from a buffer the caller may not write.
 *
 * Window: z_vrfy_k_mem_slab_alloc() checks that the caller may write the
 * slab's whole buffer, then the allocation took a block under the lock from
 * whatever buffer the slab had by then. A supervisor that re-initialises the
 * slab in between on a kernel buffer made the user thread receive a block of
 * kernel memory (a kernel address, and a block it may free back later). The
 * block handed out must come from the buffer that was checked; otherwise the
 * call is refused (an oops, as its check no longer holds).
 */
#include "race.h"

#define BLOCK  32
#define BLOCKS 4

static struct k_mem_slab slab;
static char __aligned(4) kernel_buf[BLOCKS * BLOCK];
RACE_DATA static char __aligned(4) user_buf[BLOCKS * BLOCK];
RACE_DATA static void *volatile block;

static void victim(void)
{
	void *b;

	if (k_mem_slab_alloc(&slab, &b, K_NO_WAIT) == 0) {
		block = b;
	}
}

/* Supervisor: the slab is re-initialised on kernel memory. */
static void intruder(void)
{
	k_mem_slab_init(&slab, kernel_buf, BLOCK, BLOCKS);
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(i);
	block = NULL;
	zassert_equal(k_mem_slab_init(&slab, user_buf, BLOCK, BLOCKS), 0);
	k_thread_access_grant(v, &slab);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	const char *b = block;

	return b == NULL || (b >= user_buf && b < user_buf + sizeof(user_buf));
}

static const struct race slab_race = {
	.name = "slab buffer",
	.attempts = 400,
	.lead_cycles = 5,
	.step = 1,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
	.supervisor_intruder = true,
};

ZTEST_SUITE(race_slab_buffer, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_slab_buffer, test_block_from_the_buffer_checked) {
	race_check(&slab_race, 10);
}
