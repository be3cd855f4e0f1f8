/*
 * A domain as large as the protection unit holds, loaded again at every
 * switch: a user thread of it reaches each of its partitions, one of another
 * domain runs between every two of its accesses (so that each access follows
 * a fresh load of the whole image), and the other cannot reach the last of
 * them. Every slot of the image is used, so a load that skips or misplaces
 * some (the Cortex-M MPU takes four regions per store multiple, ARMv8-M
 * naming the first of each four in MPU_RNR) shows as a fault or a wrong word.
 */
#include "agent.h"

#define FULL_PARTS 8

K_APPMEM_PARTITION_DEFINE(part_f0);
K_APPMEM_PARTITION_DEFINE(part_f1);
K_APPMEM_PARTITION_DEFINE(part_f2);
K_APPMEM_PARTITION_DEFINE(part_f3);
K_APPMEM_PARTITION_DEFINE(part_f4);
K_APPMEM_PARTITION_DEFINE(part_f5);
K_APPMEM_PARTITION_DEFINE(part_f6);
K_APPMEM_PARTITION_DEFINE(part_f7);
K_APPMEM_PARTITION_DEFINE(part_other);

K_APP_BMEM(part_f0) static uint32_t word_f0;
K_APP_BMEM(part_f1) static uint32_t word_f1;
K_APP_BMEM(part_f2) static uint32_t word_f2;
K_APP_BMEM(part_f3) static uint32_t word_f3;
K_APP_BMEM(part_f4) static uint32_t word_f4;
K_APP_BMEM(part_f5) static uint32_t word_f5;
K_APP_BMEM(part_f6) static uint32_t word_f6;
K_APP_BMEM(part_f7) static uint32_t word_f7;
K_APP_BMEM(part_other) static uint32_t word_other;

K_APP_BMEM(part_ctl) static struct agent_ctl ctl_full;
K_APP_BMEM(part_ctl) static struct agent_ctl ctl_other;

static struct k_mem_partition *const parts[FULL_PARTS] = {
	&part_f0, &part_f1, &part_f2, &part_f3, &part_f4, &part_f5, &part_f6, &part_f7,
};
static uint32_t *const words[FULL_PARTS] = {
	&word_f0, &word_f1, &word_f2, &word_f3, &word_f4, &word_f5, &word_f6, &word_f7,
};

static struct k_mem_domain dom_full;
static struct k_mem_domain dom_other;
static struct agent agent_full;
static struct agent agent_other;
static unsigned int full_parts; /* partitions in dom_full besides part_ctl */

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	struct k_mem_partition *ctl_only[] = { &part_ctl };
	struct k_mem_partition *other[] = { &part_ctl, &part_other };

	zassert_equal(k_mem_domain_init(&dom_full, ARRAY_SIZE(ctl_only), ctl_only), 0);
	zassert_equal(k_mem_domain_init(&dom_other, ARRAY_SIZE(other), other), 0);
	/* As many as the hardware holds: the first refusal is the budget's. */
	full_parts = 0;
	while (full_parts < FULL_PARTS) {
		int ret = k_mem_domain_add_partition(&dom_full, parts[full_parts]);

		if (ret != 0) {
			zassert_equal(ret, -ENOSPC, "partition f%u: %d", full_parts, ret);
			break;
		}
		full_parts++;
	}
	/* Every port holds four partitions at least, part_ctl's among them (ARMv7-M: four). */
	zassert_true(full_parts >= 3U, "only %u partitions fit", full_parts);
	for (unsigned int i = 0; i < FULL_PARTS; i++) {
		*words[i] = 0;
	}
	word_other = 0x07e40000;
}

ZTEST_SUITE(full_image, NULL, NULL, before, NULL, NULL);

ZTEST(full_image, test_every_partition_after_a_reload) {
	TC_PRINT("a domain of %u partitions\n", full_parts + 1U);
	agent_start(&agent_full, 0, &ctl_full, &dom_full);
	agent_start(&agent_other, 1, &ctl_other, &dom_other);

	for (uint32_t round = 1; round <= 3U; round++) {
		for (unsigned int i = 0; i < full_parts; i++) {
			uint32_t value = 0xf0000000U | round << 8 | i;

			/* The other domain's thread runs first: its image is the one loaded. */
			zassert_equal(agent_read(&agent_other, &word_other),
				      0x07e40000 + round - 1U);
			agent_write(&agent_full, words[i], value);
			zassert_equal(*words[i], value);
			zassert_equal(agent_read(&agent_other, &word_other),
				      0x07e40000 + round - 1U);
			zassert_equal(agent_read(&agent_full, words[i]), value);
		}
		agent_write(&agent_other, &word_other, 0x07e40000 + round);
	}
	agent_stop(&agent_full);
	/* The last slot's partition is the full domain's only. */
	agent_read_faults(&agent_other, words[full_parts - 1U]);
}
