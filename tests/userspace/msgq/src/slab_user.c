/*
 * Memory slabs from user mode: a slab whose buffer lies in a partition of the
 * thread's domain is usable (alloc, free, counters, waiting for a block a
 * supervisor frees); a slab the caller could not write in full (kernel
 * buffer, or another domain's partition) is refused; a free of anything but
 * an allocated block of the slab (double free, misaligned, outside, never
 * allocated) is an oops that changes nothing; and links the user scribbles
 * into free blocks never make the kernel hand out memory outside the buffer.
 */
#include "user_util.h"

#define BLOCK_SIZE 32
#define NUM_BLOCKS 4

K_APPMEM_PARTITION_DEFINE(slab_part);
K_APP_BMEM(slab_part) static uint32_t slab_buf[NUM_BLOCKS * BLOCK_SIZE / sizeof(uint32_t)];
K_APP_BMEM(slab_part) static void *got[NUM_BLOCKS + 1];
K_APP_BMEM(slab_part) static int res[NUM_BLOCKS + 4];
K_APP_BMEM(slab_part) static uint8_t unaligned_out[2 * sizeof(void *)];

static struct k_mem_slab uslab;
K_MEM_SLAB_DEFINE(kernel_slab, 16, 2, 4);

static struct k_mem_domain dom_slab;
static struct k_mem_domain dom_empty;
K_APPMEM_PARTITION_DEFINE(empty_part);
K_APP_BMEM(empty_part) static uint32_t empty_word;
K_APP_BMEM(empty_part) static void *empty_ptr;

static void *kernel_ptr;

static char *block(unsigned int i)
{
	return (char *)slab_buf + i * BLOCK_SIZE;
}

/* User: take every block, one more (refused), fill them, free them all. */
static void user_alloc_free(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (unsigned int i = 0; i <= NUM_BLOCKS; i++) {
		res[i] = k_mem_slab_alloc(&uslab, &got[i], K_NO_WAIT);
	}
	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		memset(got[i], 0xc0 + (int)i, BLOCK_SIZE);
	}
	res[NUM_BLOCKS + 1] = (int)k_mem_slab_num_used_get(&uslab);
	res[NUM_BLOCKS + 2] = (int)k_mem_slab_num_free_get(&uslab);
	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&uslab, got[i]);
	}
	res[NUM_BLOCKS + 3] = (int)k_mem_slab_num_used_get(&uslab);
}

static k_tid_t create(k_thread_entry_t entry, void *p1, struct k_mem_domain *domain)
{
	k_tid_t t = user_create(0, entry, p1, TEST_PRIO - 1, domain);

	k_object_access_grant(&uslab, t);
	k_object_access_grant(&kernel_slab, t);
	return t;
}

ZTEST(slab_user, test_alloc_fill_free) {
	run_to_end(create(user_alloc_free, NULL, &dom_slab));

	uint32_t seen = 0;

	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		zassert_equal(res[i], 0, "alloc %u", i);
		size_t offset = (size_t)((char *)got[i] - block(0));

		zassert_true(offset < sizeof(slab_buf) && offset % BLOCK_SIZE == 0U,
			     "block %p is not a block of the buffer", got[i]);
		zassert_false(seen & BIT(offset / BLOCK_SIZE), "block %p handed out twice", got[i]);
		seen |= BIT(offset / BLOCK_SIZE);
	}
	zassert_equal(res[NUM_BLOCKS], -ENOMEM);
	zassert_is_null(got[NUM_BLOCKS]);
	zassert_equal(res[NUM_BLOCKS + 1], NUM_BLOCKS);
	zassert_equal(res[NUM_BLOCKS + 2], 0);
	zassert_equal(res[NUM_BLOCKS + 3], 0);
	/* What the user wrote is in the buffer: the blocks were its own memory. */
	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		zassert_equal(((uint8_t *)got[i])[BLOCK_SIZE - 1], 0xc0 + i);
	}
	zassert_equal(k_mem_slab_num_free_get(&uslab), NUM_BLOCKS);
}

/* User: wait for a block, record it, give it back. */
static void user_wait_for_block(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	res[0] = k_mem_slab_alloc(&uslab, &got[0], K_FOREVER);
	if (res[0] == 0) {
		k_mem_slab_free(&uslab, got[0]);
	}
}

ZTEST(slab_user, test_user_waits_for_freed_block) {
	void *mine[NUM_BLOCKS];

	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		zassert_equal(k_mem_slab_alloc(&uslab, &mine[i], K_NO_WAIT), 0);
	}
	k_tid_t t = create(user_wait_for_block, NULL, &dom_slab);

	k_thread_start(t); /* more urgent: waits at once */
	zassert_equal(res[0], NOT_REACHED);
	k_mem_slab_free(&uslab, mine[2]);
	/* It ran at once with that very block and gave it back. */
	zassert_equal(res[0], 0);
	zassert_equal_ptr(got[0], mine[2]);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(k_mem_slab_num_used_get(&uslab), NUM_BLOCKS - 1);
}

enum misuse {
	DOUBLE_FREE,
	FREE_MISALIGNED,
	FREE_PAST_END,
	FREE_NEVER_ALLOCATED,
	ALLOC_KERNEL_SLAB,
	ALLOC_RESULT_INTO_KERNEL,
	ALLOC_RESULT_INTO_OTHER_DOMAIN,
	ALLOC_FROM_OTHER_DOMAIN,
};

/* User: one allocation (recorded in got[0]), then one bad call; res[1] is set only if it returns.
 */
static void misuser(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	enum misuse m = (enum misuse)(uintptr_t)p1;

	if (m == ALLOC_FROM_OTHER_DOMAIN) {
		/* This domain does not hold the slab's buffer: refused outright. */
		empty_word = (uint32_t)k_mem_slab_alloc(&uslab, &empty_ptr, K_NO_WAIT);
		return;
	}
	res[0] = k_mem_slab_alloc(&uslab, &got[0], K_NO_WAIT);

	char *p = got[0];

	switch (m) {
	case DOUBLE_FREE:
		/* A second block stays out, so that the slab is not simply empty. */
		res[2] = k_mem_slab_alloc(&uslab, &got[1], K_NO_WAIT);
		k_mem_slab_free(&uslab, p);
		res[3] = (int)k_mem_slab_num_used_get(&uslab);
		k_mem_slab_free(&uslab, p);
		break;
	case FREE_MISALIGNED:
		k_mem_slab_free(&uslab, p + sizeof(void *));
		break;
	case FREE_PAST_END:
		k_mem_slab_free(&uslab, block(NUM_BLOCKS));
		break;
	case FREE_NEVER_ALLOCATED:
		k_mem_slab_free(&uslab, p == block(0) ? block(1) : block(0));
		break;
	case ALLOC_KERNEL_SLAB:
		(void)k_mem_slab_alloc(&kernel_slab, &got[1], K_NO_WAIT);
		break;
	case ALLOC_RESULT_INTO_KERNEL:
		(void)k_mem_slab_alloc(&uslab, &kernel_ptr, K_NO_WAIT);
		break;
	case ALLOC_RESULT_INTO_OTHER_DOMAIN:
		(void)k_mem_slab_alloc(&uslab, &empty_ptr, K_NO_WAIT);
		break;
	case ALLOC_FROM_OTHER_DOMAIN:
		break;
	}
	res[1] = 0;
}

/* The misuse is an oops; the slab still holds @used blocks and works. */
static void expect_oops(enum misuse m, uint32_t used)
{
	run_expect_fault(create(misuser, (void *)(uintptr_t)m, &dom_slab), K_ERR_KERNEL_OOPS);
	zassert_equal(res[1], NOT_REACHED, "the call returned");
	zassert_equal(k_mem_slab_num_used_get(&uslab), used);

	/* The free list is intact: the free blocks come out, each once. */
	void *b[NUM_BLOCKS];

	for (uint32_t i = 0; i < NUM_BLOCKS - used; i++) {
		zassert_equal(k_mem_slab_alloc(&uslab, &b[i], K_NO_WAIT), 0);
		for (uint32_t k = 0; k < i; k++) {
			zassert_not_equal(b[i], b[k], "block %p handed out twice", b[i]);
		}
	}
	void *none;

	zassert_equal(k_mem_slab_alloc(&uslab, &none, K_NO_WAIT), -ENOMEM);
}

ZTEST(slab_user, test_double_free_oops) {
	expect_oops(DOUBLE_FREE, 1);
	zassert_equal(res[0], 0);
	zassert_equal(res[2], 0);
	zassert_equal(res[3], 1);
}

ZTEST(slab_user, test_free_misaligned_oops) {
	expect_oops(FREE_MISALIGNED, 1);
}

ZTEST(slab_user, test_free_past_end_oops) {
	expect_oops(FREE_PAST_END, 1);
}

ZTEST(slab_user, test_free_never_allocated_oops) {
	expect_oops(FREE_NEVER_ALLOCATED, 1);
}

ZTEST(slab_user, test_kernel_buffer_slab_oops) {
	expect_oops(ALLOC_KERNEL_SLAB, 1);
	zassert_equal(k_mem_slab_num_used_get(&kernel_slab), 0);
}

ZTEST(slab_user, test_alloc_result_into_kernel_oops) {
	kernel_ptr = NULL;
	/* Checked as the block is copied out: the block goes back, only the first stays out. */
	expect_oops(ALLOC_RESULT_INTO_KERNEL, 1);
	zassert_is_null(kernel_ptr);
}

ZTEST(slab_user, test_alloc_result_into_other_domain_oops) {
	empty_ptr = NULL;
	expect_oops(ALLOC_RESULT_INTO_OTHER_DOMAIN, 1);
	zassert_is_null(empty_ptr);
}

/* User: one allocation whose result goes to a misaligned word of its own partition. */
static void unaligned_result(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	res[0] = k_mem_slab_alloc(&uslab, (void **)&unaligned_out[1], K_NO_WAIT);
}

/* Not the fast path's word store: the block's address arrives a byte at a time. */
ZTEST(slab_user, test_alloc_result_misaligned) {
	void *b;

	memset(unaligned_out, 0, sizeof(unaligned_out));
	res[0] = NOT_REACHED;
	run_to_end(create(unaligned_result, NULL, &dom_slab));
	zassert_equal(res[0], 0);
	memcpy(&b, &unaligned_out[1], sizeof(b));
	zassert_true(b == block(0) || b == block(1) || b == block(2) || b == block(3),
		     "%p is no block", b);
	zassert_equal(k_mem_slab_num_used_get(&uslab), 1);
	k_mem_slab_free(&uslab, b);
}

ZTEST(slab_user, test_slab_of_other_domain_oops) {
	empty_word = NOT_REACHED;
	run_expect_fault(create(misuser, (void *)ALLOC_FROM_OTHER_DOMAIN, &dom_empty),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(empty_word, NOT_REACHED);
	zassert_equal(k_mem_slab_num_used_get(&uslab), 0);
}

/* User: take one block, point every free block's link at kernel memory, take two more. */
static void scribbler(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	res[0] = k_mem_slab_alloc(&uslab, &got[0], K_NO_WAIT);
	for (unsigned int i = 0; i < NUM_BLOCKS; i++) {
		if (block(i) != got[0]) {
			*(void **)block(i) = &kernel_ptr;
		}
	}
	res[1] = k_mem_slab_alloc(&uslab, &got[1], K_NO_WAIT);
	res[2] = k_mem_slab_alloc(&uslab, &got[2], K_NO_WAIT);
}

ZTEST(slab_user, test_scribbled_links_stay_in_buffer) {
	run_to_end(create(scribbler, NULL, &dom_slab));
	zassert_equal(res[0], 0);
	zassert_equal(res[1], 0);
	zassert_true((char *)got[1] >= block(0) && (char *)got[1] < block(NUM_BLOCKS));
	/* The next link pointed outside the buffer: the list ended there. */
	zassert_equal(res[2], -ENOMEM);
	zassert_is_null(got[2]);
	zassert_equal(k_mem_slab_num_used_get(&uslab), 2);
}

static void *setup(void)
{
	struct k_mem_partition *slab_parts[] = { &slab_part };
	struct k_mem_partition *empty_parts[] = { &empty_part };

	zassert_equal(k_mem_domain_init(&dom_slab, ARRAY_SIZE(slab_parts), slab_parts), 0);
	zassert_equal(k_mem_domain_init(&dom_empty, ARRAY_SIZE(empty_parts), empty_parts), 0);
	return NULL;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mem_slab_init(&uslab, slab_buf, BLOCK_SIZE, NUM_BLOCKS), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(got); i++) {
		got[i] = (void *)NOT_REACHED;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(res); i++) {
		res[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(slab_user, NULL, setup, before, NULL, NULL);
