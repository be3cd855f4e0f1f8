/*
 * The allocation map of memory slabs (kernel/mem_slab.c) from user mode, on
 * slabs of 100 blocks, one set up at run time (its map inside the slab:
 * CONFIG_MEM_SLAB_MAP_WORDS=4 in prj.conf) and one K_MEM_SLAB_DEFINE'd into a
 * partition (its map beside the buffer): every block can be taken and given
 * back; a free of anything but an allocated block of that very slab (double
 * free, a block never allocated, a pointer inside a block, just outside the
 * buffer, another slab's block) is an oops that changes nothing; links
 * forged in free blocks never hand a block out twice; a run-time slab too big
 * for the map inside it is the supervisor's alone. And the cached check of
 * the buffer (a domain stamp) follows the domain: gone with the partition,
 * never good for another domain.
 */
#include "user_util.h"

#define BLOCK       16
#define BLOCKS      100
/* One more block than the map inside a slab covers. */
#define HUGE_BLOCKS (32 * CONFIG_MEM_SLAB_MAP_WORDS + 1)

K_APPMEM_PARTITION_DEFINE(map_part);
K_APP_BMEM(map_part) static uint32_t rt_buf[BLOCKS * BLOCK / sizeof(uint32_t)];
K_APP_BMEM(map_part) static uint32_t huge_buf[HUGE_BLOCKS * BLOCK / sizeof(uint32_t)];
K_MEM_SLAB_DEFINE_IN_SECT_STATIC(st_slab, K_APP_BMEM(map_part), BLOCK, BLOCKS, 4);
K_APP_BMEM(map_part) static void *taken[BLOCKS + 1];
K_APP_BMEM(map_part) static int rc[BLOCKS + 4];

K_APPMEM_PARTITION_DEFINE(other_part);
K_APP_BMEM(other_part) static uint32_t other_word;

static struct k_mem_slab rt_slab;
static struct k_mem_slab huge_slab;
static struct k_mem_domain dom_map;
static struct k_mem_domain dom_other;

/* Slab @s of the test: 0 the run-time one, 1 the defined one. */
static struct k_mem_slab *slab_of(unsigned int s)
{
	return s == 0U ? &rt_slab : &st_slab;
}

static char *buf_of(unsigned int s)
{
	return s == 0U ? (char *)rt_buf : _k_mem_slab_buf_st_slab;
}

/* User: take every block and one more (refused), then give them all back. */
static void user_take_all(void *p1, void *p2, void *p3)
{
	struct k_mem_slab *slab = p1;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (unsigned int i = 0; i <= BLOCKS; i++) {
		rc[i] = k_mem_slab_alloc(slab, &taken[i], K_NO_WAIT);
	}
	rc[BLOCKS + 1] = (int)k_mem_slab_num_used_get(slab);
	for (unsigned int i = 0; i < BLOCKS; i++) {
		k_mem_slab_free(slab, taken[i]);
	}
	rc[BLOCKS + 2] = (int)k_mem_slab_num_used_get(slab);
}

static k_tid_t create(k_thread_entry_t entry, void *p1, struct k_mem_domain *domain)
{
	k_tid_t t = user_create(0, entry, p1, TEST_PRIO - 1, domain);

	k_thread_access_grant(t, &rt_slab, &st_slab, &huge_slab);
	return t;
}

/* The slab hands out each of its blocks once, then -ENOMEM; all of them come back. */
static void check_take_all(unsigned int s)
{
	static uint32_t seen[DIV_ROUND_UP(BLOCKS, 32)];

	memset(seen, 0, sizeof(seen));
	run_to_end(create(user_take_all, slab_of(s), &dom_map));
	for (unsigned int i = 0; i < BLOCKS; i++) {
		zassert_equal(rc[i], 0, "alloc %u", i);

		size_t offset = (size_t)((char *)taken[i] - buf_of(s));

		zassert_true(offset < BLOCKS * BLOCK && offset % BLOCK == 0U, "%p is no block",
			     taken[i]);
		zassert_false(seen[offset / BLOCK / 32] & BIT(offset / BLOCK % 32),
			      "%p handed out twice", taken[i]);
		seen[offset / BLOCK / 32] |= BIT(offset / BLOCK % 32);
	}
	zassert_equal(rc[BLOCKS], -ENOMEM);
	zassert_equal(rc[BLOCKS + 1], BLOCKS);
	zassert_equal(rc[BLOCKS + 2], 0);
}

ZTEST(slab_map, test_run_time_slab_of_100) {
	check_take_all(0);
}

ZTEST(slab_map, test_defined_slab_of_100) {
	check_take_all(1);
}

enum attack {
	DOUBLE_FREE,
	NEVER_ALLOCATED,
	INSIDE_BLOCK,
	JUST_PAST_END,
	JUST_BEFORE_START,
	BYTE_BEFORE_START,
	OTHER_SLABS_BLOCK,
	ATTACKS
};

/* A block of @buf that is not among the BLOCKS - 3 taken (the highest). */
static char *free_block(char *buf)
{
	for (unsigned int b = BLOCKS; b-- > 0;) {
		bool out = false;

		for (unsigned int i = 0; i < BLOCKS - 3 && !out; i++) {
			out = taken[i] == buf + b * BLOCK;
		}
		if (!out) {
			return buf + b * BLOCK;
		}
	}
	return NULL;
}

/*
 * User: take every block but the last three (the map's last word then holds
 * both set and clear bits), then one bad free. rc[BLOCKS] is set only if the
 * bad free returns.
 */
static void attacker(void *p1, void *p2, void *p3)
{
	unsigned int s = (unsigned int)(uintptr_t)p1 / ATTACKS;
	enum attack a = (enum attack)((uintptr_t)p1 % ATTACKS);
	struct k_mem_slab *slab = slab_of(s);
	char *buf = buf_of(s);

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (unsigned int i = 0; i < BLOCKS - 3; i++) {
		rc[i] = k_mem_slab_alloc(slab, &taken[i], K_NO_WAIT);
	}
	switch (a) {
	case DOUBLE_FREE:
		k_mem_slab_free(slab, taken[BLOCKS - 4]);
		k_mem_slab_free(slab, taken[BLOCKS - 4]);
		break;
	case NEVER_ALLOCATED:
		k_mem_slab_free(slab, free_block(buf));
		break;
	case INSIDE_BLOCK:
		k_mem_slab_free(slab, (char *)taken[64] + sizeof(void *));
		break;
	case JUST_PAST_END:
		k_mem_slab_free(slab, buf + BLOCKS * BLOCK);
		break;
	case JUST_BEFORE_START:
		k_mem_slab_free(slab, buf - BLOCK);
		break;
	case BYTE_BEFORE_START:
		k_mem_slab_free(slab, buf - 1);
		break;
	case OTHER_SLABS_BLOCK:
		(void)k_mem_slab_alloc(slab_of(1U - s), &taken[BLOCKS], K_NO_WAIT);
		k_mem_slab_free(slab, taken[BLOCKS]);
		break;
	case ATTACKS:
		break;
	}
	rc[BLOCKS] = 0;
}

/*
 * Attack @a on slab @s is an oops; the slab then has the attacker's blocks
 * out and hands out each of the others once. Everything goes back after.
 */
static void check_attack(unsigned int s, enum attack a)
{
	static void *rest[BLOCKS];
	struct k_mem_slab *slab = slab_of(s);
	unsigned int freed = a == DOUBLE_FREE ? BLOCKS - 4 : BLOCKS; /* freed by the attacker */
	uint32_t used = BLOCKS - 3 - (a == DOUBLE_FREE ? 1 : 0);

	rc[BLOCKS] = NOT_REACHED;
	run_expect_fault(create(attacker, (void *)(uintptr_t)(s * ATTACKS + a), &dom_map),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(rc[BLOCKS], NOT_REACHED, "attack %d: the bad free returned", a);
	zassert_equal(k_mem_slab_num_used_get(slab), used, "attack %d", a);
	for (uint32_t i = 0; i < BLOCKS - used; i++) {
		zassert_equal(k_mem_slab_alloc(slab, &rest[i], K_NO_WAIT), 0, "attack %d", a);
		for (uint32_t k = 0; k < BLOCKS - 3; k++) {
			zassert_true(k == freed || rest[i] != taken[k],
				     "attack %d: block %p handed out twice", a, rest[i]);
		}
		for (uint32_t k = 0; k < i; k++) {
			zassert_not_equal(rest[i], rest[k], "attack %d: block %p handed out twice",
					  a, rest[i]);
		}
	}
	void *none;

	zassert_equal(k_mem_slab_alloc(slab, &none, K_NO_WAIT), -ENOMEM);
	for (uint32_t i = 0; i < BLOCKS - used; i++) {
		k_mem_slab_free(slab, rest[i]);
	}
	for (uint32_t k = 0; k < BLOCKS - 3; k++) {
		if (k != freed) {
			k_mem_slab_free(slab, taken[k]);
		}
	}
	if (a == OTHER_SLABS_BLOCK) {
		k_mem_slab_free(slab_of(1U - s), taken[BLOCKS]);
	}
	zassert_equal(k_mem_slab_num_used_get(&rt_slab), 0);
	zassert_equal(k_mem_slab_num_used_get(&st_slab), 0);
}

ZTEST(slab_map, test_attacks_on_run_time_slab) {
	for (unsigned int a = 0; a < ATTACKS; a++) {
		check_attack(0, a);
	}
}

ZTEST(slab_map, test_attacks_on_defined_slab) {
	for (unsigned int a = 0; a < ATTACKS; a++) {
		check_attack(1, a);
	}
}

/*
 * User: forge links in free blocks. rc[0..2]: take A and B; free A and point
 * its link at B (allocated); take twice (A, then the list ends at B). Then
 * free A again with a link to itself; take twice (A, then the list ends).
 */
static void forger(void *p1, void *p2, void *p3)
{
	struct k_mem_slab *slab = p1;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	rc[0] = k_mem_slab_alloc(slab, &taken[0], K_NO_WAIT);
	rc[1] = k_mem_slab_alloc(slab, &taken[1], K_NO_WAIT);
	k_mem_slab_free(slab, taken[0]);
	*(void **)taken[0] = taken[1];
	rc[2] = k_mem_slab_alloc(slab, &taken[2], K_NO_WAIT);
	rc[3] = k_mem_slab_alloc(slab, &taken[3], K_NO_WAIT);
	k_mem_slab_free(slab, taken[2]);
	*(void **)taken[2] = taken[2];
	rc[4] = k_mem_slab_alloc(slab, &taken[4], K_NO_WAIT);
	rc[5] = k_mem_slab_alloc(slab, &taken[5], K_NO_WAIT);
	rc[6] = (int)k_mem_slab_num_used_get(slab);
}

ZTEST(slab_map, test_forged_links_hand_out_nothing_twice) {
	for (unsigned int s = 0; s < 2; s++) {
		struct k_mem_slab *slab = slab_of(s);

		run_to_end(create(forger, slab, &dom_map));
		zassert_equal(rc[0], 0);
		zassert_equal(rc[1], 0);
		zassert_equal(rc[2], 0);
		zassert_equal_ptr(taken[2], taken[0]);
		/* The link led to B, which is allocated: the list ended there. */
		zassert_equal(rc[3], -ENOMEM);
		zassert_equal(rc[4], 0);
		zassert_equal_ptr(taken[4], taken[0]);
		zassert_equal(rc[5], -ENOMEM);
		zassert_equal(rc[6], 2);
		/* The lost blocks stay lost until the slab is set up again (run time) ... */
		k_mem_slab_free(slab, taken[0]);
		k_mem_slab_free(slab, taken[1]);
		zassert_equal(k_mem_slab_num_used_get(slab), 0);
	}
	zassert_equal(k_mem_slab_init(&rt_slab, rt_buf, BLOCK, BLOCKS), 0);
}

/* User: one alloc; rc[0] is set only if it returns. */
static void user_alloc_one(void *p1, void *p2, void *p3)
{
	struct k_mem_slab *slab = p1;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	rc[0] = k_mem_slab_alloc(slab, &taken[0], K_NO_WAIT);
	if (rc[0] == 0) {
		k_mem_slab_free(slab, taken[0]);
	}
}

ZTEST(slab_map, test_run_time_slab_too_big_for_its_map) {
	void *b;

	/* Supervisor threads use it as any slab. */
	zassert_equal(k_mem_slab_alloc(&huge_slab, &b, K_NO_WAIT), 0);
	k_mem_slab_free(&huge_slab, b);
	rc[0] = NOT_REACHED;
	run_expect_fault(create(user_alloc_one, &huge_slab, &dom_map), K_ERR_KERNEL_OOPS);
	zassert_equal(rc[0], NOT_REACHED);
	zassert_equal(k_mem_slab_num_used_get(&huge_slab), 0);
}

/* User, in the other domain: writes what it gets into other_word. */
static void outsider(void *p1, void *p2, void *p3)
{
	void *b;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	other_word = (uint32_t)k_mem_slab_alloc(p1, &b, K_NO_WAIT);
}

ZTEST(slab_map, test_cached_check_follows_the_domain) {
	for (unsigned int s = 0; s < 2; s++) {
		struct k_mem_slab *slab = slab_of(s);

		/* Checked and cached for dom_map ... */
		rc[0] = NOT_REACHED;
		run_to_end(create(user_alloc_one, slab, &dom_map));
		zassert_equal(rc[0], 0);
		/* ... which is no use to another domain. */
		other_word = NOT_REACHED;
		run_expect_fault(create(outsider, slab, &dom_other), K_ERR_KERNEL_OOPS);
		zassert_equal(other_word, NOT_REACHED);

		/* Without the partition, dom_map's threads lose the slab, cached or not. */
		zassert_equal(k_mem_domain_remove_partition(&dom_map, &map_part), 0);
		zassert_equal(k_mem_domain_add_partition(&dom_map, &other_part), 0);
		other_word = NOT_REACHED;
		run_expect_fault(create(outsider, slab, &dom_map), K_ERR_KERNEL_OOPS);
		zassert_equal(other_word, NOT_REACHED);
		zassert_equal(k_mem_domain_remove_partition(&dom_map, &other_part), 0);
		zassert_equal(k_mem_domain_add_partition(&dom_map, &map_part), 0);

		/* And get it back with it. */
		rc[0] = NOT_REACHED;
		run_to_end(create(user_alloc_one, slab, &dom_map));
		zassert_equal(rc[0], 0);
		zassert_equal(k_mem_slab_num_used_get(slab), 0);
	}
}

static void *setup(void)
{
	struct k_mem_partition *map_parts[] = { &map_part };
	struct k_mem_partition *other_parts[] = { &other_part };

	zassert_equal(k_mem_domain_init(&dom_map, ARRAY_SIZE(map_parts), map_parts), 0);
	zassert_equal(k_mem_domain_init(&dom_other, ARRAY_SIZE(other_parts), other_parts), 0);
	zassert_equal(k_mem_slab_init(&rt_slab, rt_buf, BLOCK, BLOCKS), 0);
	zassert_equal(k_mem_slab_init(&huge_slab, huge_buf, BLOCK, HUGE_BLOCKS), 0);
	return NULL;
}

ZTEST_SUITE(slab_map, NULL, setup, NULL, NULL, NULL);
