/*
 * The MPU budget of a domain on Cortex-M: Z_ARM_MPU_DOMAIN_REGIONS regions
 * (on ARMv7-M, 8 minus the code, the user TLS pointer's block, the thread's
 * stack and the null-pointer guard). A partition takes one region; on
 * ARMv7-M it must be one naturally aligned power of two, or one trimmed by
 * its subregions (eighths of a region of 256 bytes or more), else it is
 * refused with -EINVAL. A partition past the budget is refused with -ENOSPC.
 * Either way the domain is left exactly as it was, still working. The
 * partition slots (CONFIG_MAX_DOMAIN_PARTITIONS = 16 here) are a separate
 * limit, reached with partitions that give user mode no access (no region).
 */
#include "agent.h"

#define REGIONS   Z_ARM_MPU_DOMAIN_REGIONS
#define BLOCK     256
#define SUB_SIZE  192 /* six of the eight subregions of a 256-byte region */
#define MAX_PARTS (CONFIG_MAX_DOMAIN_PARTITIONS + 2)

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

ZTEST_SUITE(mpu_budget, NULL, NULL, before, NULL, NULL);

static void set_parts(unsigned int n, uintptr_t stride, size_t size, k_mem_partition_attr_t attr)
{
	for (unsigned int i = 0; i < n; i++) {
		parts[i] = (struct k_mem_partition){ .start = (uintptr_t)arena + i * stride,
						     .size = size,
						     .attr = attr };
	}
}

/* Add @p expecting @err, which must leave the domain untouched. */
static void add_refused(struct k_mem_partition *p, int err)
{
	memcpy(&snapshot, &dom, sizeof(dom));
	zassert_equal(k_mem_domain_add_partition(&dom, p), err);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom), "changed by a failed add");
}

/* Add parts[0..n) until one is refused, which must be -ENOSPC. Returns how many were added. */
static unsigned int add_until_full(unsigned int n)
{
	unsigned int added = 0;

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
	zassert_equal(dom.num_partitions, added);
	return added;
}

ZTEST(mpu_budget, test_aligned_partitions_take_one_region) {
	set_parts(MAX_PARTS, BLOCK, BLOCK, K_MEM_PARTITION_P_RW_U_RW);
	zassert_equal(add_until_full(MAX_PARTS), REGIONS);
}

ZTEST(mpu_budget, test_subregion_partitions_take_one_region) {
	set_parts(MAX_PARTS, BLOCK, SUB_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	zassert_equal(add_until_full(MAX_PARTS), REGIONS);
}

#ifdef CONFIG_ARMV7_M_MPU
/*
 * 64 bytes across a 256-byte boundary: no region holds exactly that (a
 * region around it has subregions of 64 bytes or more, and the partition
 * starts in the middle of one). Refused, not widened.
 */
ZTEST(mpu_budget, test_inexpressible_partition_refused) {
	struct k_mem_partition odd = { .start = (uintptr_t)arena + BLOCK - 32,
				       .size = 64,
				       .attr = K_MEM_PARTITION_P_RW_U_RW };

	add_refused(&odd, -EINVAL);
	/* Refused at domain creation too. */
	struct k_mem_partition *list[] = { &odd };
	static struct k_mem_domain other;

	zassert_equal(k_mem_domain_init(&other, 1, list), -EINVAL);
}
#endif

ZTEST(mpu_budget, test_no_access_partitions_limited_by_slots) {
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

ZTEST(mpu_budget, test_domain_works_after_enospc) {
	static struct agent agent;
	const unsigned int n = REGIONS - 1U; /* part_ctl takes one */

	zassert_equal(k_mem_domain_add_partition(&dom, &part_ctl), 0);
	set_parts(MAX_PARTS, BLOCK, SUB_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	for (unsigned int i = 0; i < n; i++) {
		zassert_equal(k_mem_domain_add_partition(&dom, &parts[i]), 0);
	}
	add_refused(&parts[n], -ENOSPC);

	agent_start(&agent, 0, &ctl, &dom);
	for (unsigned int i = 0; i < n; i++) {
		uint32_t *first = (uint32_t *)parts[i].start;
		uint32_t *end = (uint32_t *)(parts[i].start + parts[i].size);

		agent_write(&agent, first, 0x100U + i);
		agent_write(&agent, end - 1, 0x200U + i);
		zassert_equal(*first, 0x100U + i);
		zassert_equal(*(end - 1), 0x200U + i);
		zassert_equal(agent_read(&agent, first), 0x100U + i);
	}
	/* Just past a partition's end, in the subregions left out, is outside. */
	agent_write_faults(&agent, (uint8_t *)parts[0].start + SUB_SIZE);
	/* And the partition that was refused was never mapped. */
	agent_start(&agent, 0, &ctl, &dom);
	agent_write_faults(&agent, (uint32_t *)parts[n].start);
	zassert_equal(*(uint32_t *)parts[n].start, 0);
}

/* Zephyr's bound: that many partitions fit a domain (here: apart, trimmed by subregions). */
ZTEST(mpu_budget, test_max_partitions_get_always_fits) {
	int max = arch_mem_domain_max_partitions_get();
	struct k_mem_partition *list[MAX_PARTS];

	zassert_true(max >= 1 && max <= CONFIG_MAX_DOMAIN_PARTITIONS, "max %d", max);
	set_parts((unsigned int)max, BLOCK, SUB_SIZE, K_MEM_PARTITION_P_RW_U_RW);
	for (int i = 0; i < max; i++) {
		list[i] = &parts[i];
	}
	zassert_equal(k_mem_domain_init(&dom, (uint8_t)max, list), 0);
}
