/*
 * The PMP budget of a domain: Z_PMP_DOMAIN_ENTRIES (16 minus the kernel's code
 * and read-only data, the thread's stack and the two stack guards). A naturally aligned
 * power-of-two partition takes one entry (NAPOT), any other two (TOR), or one when it starts where
 * the previous TOR partition ended. A partition that does not fit is refused with -ENOSPC and the
 * domain is left exactly as it was, still working. The partition slots
 * (CONFIG_MAX_DOMAIN_PARTITIONS = 16 here) are a separate limit, reached with partitions that give
 * user mode no access (no entry).
 */
#include "agent.h"

#define PMP_ENTRIES Z_PMP_DOMAIN_ENTRIES
#define BLOCK       256
#define ODD_SIZE    192 /* not a power of two: TOR */
#define MAX_PARTS   (CONFIG_MAX_DOMAIN_PARTITIONS + 2)

static uint8_t arena[MAX_PARTS * BLOCK] __aligned(4096);
static struct k_mem_partition parts[MAX_PARTS];
static struct k_mem_domain dom;
static struct k_mem_domain snapshot;

K_APP_BMEM(part_ctl) static struct agent_ctl ctl;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	memset(arena, 0, sizeof(arena));
	zassert_equal(k_mem_domain_init(&dom, 0, NULL), 0);
}

ZTEST_SUITE(pmp_budget, NULL, NULL, before, NULL, NULL);

static void set_parts(unsigned int n, uintptr_t stride, size_t size, k_mem_partition_attr_t attr)
{
	for (unsigned int i = 0; i < n; i++) {
		parts[i] = (struct k_mem_partition){ .start = (uintptr_t)arena + i * stride,
						     .size = size,
						     .attr = attr };
	}
}

/*
 * Add parts[0..n) in that order until one is refused; that refusal must be
 * -ENOSPC and leave the domain untouched. Returns how many were added.
 */
static unsigned int add_until_full(unsigned int n)
{
	unsigned int added = 0;
	unsigned int before_count = dom.num_partitions;

	while (added < n) {
		memcpy(&snapshot, &dom, sizeof(dom));
		int ret = k_mem_domain_add_partition(&dom, &parts[added]);

		if (ret != 0) {
			zassert_equal(ret, -ENOSPC, "partition %u: %d", added, ret);
			zassert_mem_equal(&dom, &snapshot, sizeof(dom), "changed by a failed add");
			break;
		}
		added++;
	}
	zassert_equal(dom.num_partitions, before_count + added);
	return added;
}

ZTEST(pmp_budget, test_tor_partitions_take_two_entries) {
	set_parts(MAX_PARTS, BLOCK, ODD_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	unsigned int n = add_until_full(MAX_PARTS);

	printk("    non-adjacent TOR partitions that fit: %u\n", n);
	zassert_equal(n, PMP_ENTRIES / 2);
}

ZTEST(pmp_budget, test_napot_partitions_take_one_entry) {
	set_parts(MAX_PARTS, BLOCK, BLOCK, K_MEM_PARTITION_P_RW_U_RW);
	unsigned int n = add_until_full(MAX_PARTS);

	printk("    NAPOT partitions that fit: %u\n", n);
	zassert_equal(n, PMP_ENTRIES);
}

ZTEST(pmp_budget, test_adjacent_tor_partitions_share_boundaries) {
	set_parts(MAX_PARTS, ODD_SIZE, ODD_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	unsigned int n = add_until_full(MAX_PARTS);

	printk("    adjacent TOR partitions that fit: %u\n", n);
	zassert_equal(n, PMP_ENTRIES - 1);
}

ZTEST(pmp_budget, test_adjacent_tor_added_in_reverse_order) {
	/* Neighbours share a boundary whatever the order they were added in. */
	for (unsigned int i = 0; i < MAX_PARTS; i++) {
		parts[i] = (struct k_mem_partition){ .start = (uintptr_t)arena +
							      (MAX_PARTS - 1U - i) * ODD_SIZE,
						     .size = ODD_SIZE,
						     .attr = K_MEM_PARTITION_P_RW_U_RW };
	}
	zassert_equal(add_until_full(MAX_PARTS), PMP_ENTRIES - 1);
}

ZTEST(pmp_budget, test_no_access_partitions_limited_by_slots) {
	set_parts(MAX_PARTS, 64, 64, K_MEM_PARTITION_P_RW_U_NA);
	zassert_equal(add_until_full(MAX_PARTS), CONFIG_MAX_DOMAIN_PARTITIONS);

	/* The same bound for k_mem_domain_init. */
	struct k_mem_partition *list[CONFIG_MAX_DOMAIN_PARTITIONS + 1];
	static struct k_mem_domain other;

	for (unsigned int i = 0; i < ARRAY_SIZE(list); i++) {
		list[i] = &parts[i];
	}
	zassert_equal(k_mem_domain_init(&other, CONFIG_MAX_DOMAIN_PARTITIONS, list), 0);
	zassert_equal(k_mem_domain_init(&other, CONFIG_MAX_DOMAIN_PARTITIONS + 1, list), -ENOSPC);
}

ZTEST(pmp_budget, test_domain_works_after_enospc) {
	static struct agent agent;
	/* part_ctl takes one entry laid out as a power of two (NAPOT), two otherwise (TOR). */
	const unsigned int ctl_entries =
	    IS_POWER_OF_TWO(part_ctl.size) && part_ctl.start % part_ctl.size == 0U ? 1U : 2U;
	const unsigned int tor = (PMP_ENTRIES - ctl_entries) / 2U;
	/* An entry no TOR pair can use. */
	const bool spare = (PMP_ENTRIES - ctl_entries) % 2U != 0U;

	zassert_equal(k_mem_domain_add_partition(&dom, &part_ctl), 0);
	set_parts(MAX_PARTS, BLOCK, ODD_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	zassert_equal(add_until_full(tor + 1), tor);
	/* An entry left over still takes a NAPOT partition, then nothing more. */
	struct k_mem_partition last = { .start = (uintptr_t)arena + (MAX_PARTS - 1) * BLOCK,
					.size = BLOCK,
					.attr = K_MEM_PARTITION_P_RW_U_RW };

	memcpy(&snapshot, &dom, sizeof(dom));
	zassert_equal(k_mem_domain_add_partition(&dom, &last), spare ? 0 : -ENOSPC);
	memcpy(&snapshot, &dom, sizeof(dom));
	zassert_equal(k_mem_domain_add_partition(&dom, &parts[tor + 1]), -ENOSPC);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));

	agent_start(&agent, 0, &ctl, &dom);
	for (unsigned int i = 0; i < tor; i++) {
		uint32_t *first = (uint32_t *)parts[i].start;
		uint32_t *end = (uint32_t *)(parts[i].start + parts[i].size);

		agent_write(&agent, first, 0x100U + i);
		agent_write(&agent, end - 1, 0x200U + i);
		zassert_equal(*first, 0x100U + i);
		zassert_equal(*(end - 1), 0x200U + i);
		zassert_equal(agent_read(&agent, first), 0x100U + i);
	}
	if (spare) {
		agent_write(&agent, (uint32_t *)last.start, 0x300);
		zassert_equal(*(uint32_t *)last.start, 0x300);
	}
	/* Just past a TOR partition's end is outside. */
	agent_write_faults(&agent, (uint8_t *)parts[0].start + ODD_SIZE);
	/* And the partition that was refused was never mapped. */
	agent_start(&agent, 0, &ctl, &dom);
	agent_write_faults(&agent, (uint32_t *)parts[tor].start);
	zassert_equal(*(uint32_t *)parts[tor].start, 0);
}

/* Zephyr's bound: that many partitions fit a domain wherever they lie (here: apart, not NAPOT). */
ZTEST(pmp_budget, test_max_partitions_get_always_fits) {
	int max = arch_mem_domain_max_partitions_get();
	struct k_mem_partition *list[MAX_PARTS];

	zassert_true(max >= 1 && max <= CONFIG_MAX_DOMAIN_PARTITIONS, "max %d", max);
	set_parts((unsigned int)max, BLOCK, ODD_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	for (int i = 0; i < max; i++) {
		list[i] = &parts[i];
	}
	zassert_equal(k_mem_domain_init(&dom, (uint8_t)max, list), 0);
}
