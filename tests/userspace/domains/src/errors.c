/*
 * Error codes of the memory domain calls, and that a refused call changes
 * nothing: -EINVAL for NULL, empty, misaligned, wrapping, overlapping and
 * writable+executable partitions; -ENOENT for removing a partition the domain
 * does not have; k_mem_domain_init with a bad list leaves the domain as it
 * was.
 */
#include "agent.h"

static uint8_t arena[4096] __aligned(4096);
static struct k_mem_domain dom;
static struct k_mem_domain snapshot;

static struct k_mem_partition good;
static struct k_mem_partition good2;

K_APP_BMEM(part_ctl) static struct agent_ctl ctl;

#define PART(offset, size_, attr_) \
	((struct k_mem_partition){ \
	    .start = (uintptr_t)arena + (offset), .size = (size_), .attr = (attr_) })
#define RW K_MEM_PARTITION_P_RW_U_RW

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	good = PART(0, 256, RW);
	good2 = PART(1024, 512, RW);
	struct k_mem_partition *list[] = { &part_ctl, &good };

	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(list), list), 0);
	memcpy(&snapshot, &dom, sizeof(dom));
}

ZTEST_SUITE(domain_errors, NULL, NULL, before, NULL, NULL);

static void expect_add(struct k_mem_partition part, int expected)
{
	zassert_equal(k_mem_domain_add_partition(&dom, &part), expected,
		      "partition %#lx+%u attr %#x", (unsigned long)part.start,
		      (unsigned int)part.size, part.attr.perm);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom), "domain changed by a refused add");
}

ZTEST(domain_errors, test_add_invalid_partitions) {
	expect_add(PART(0, 256, RW), -EINVAL);   /* the same again */
	expect_add(PART(128, 256, RW), -EINVAL); /* overlaps good's end */
	expect_add(PART(252, 8, RW), -EINVAL);   /* one word of overlap */
	expect_add(PART(2048, 256, K_MEM_PARTITION_P_RWX_U_RWX), -EINVAL);
	expect_add(PART(2048, 0, RW), -EINVAL);   /* empty */
	expect_add(PART(2050, 256, RW), -EINVAL); /* misaligned start */
	expect_add(PART(2048, 6, RW), -EINVAL);   /* misaligned size */
	expect_add((struct k_mem_partition){ .start = 0xffffff00U, .size = 0x200, .attr = RW },
		   -EINVAL); /* wraps around */
	zassert_equal(k_mem_domain_add_partition(&dom, NULL), -EINVAL);
	zassert_equal(k_mem_domain_add_partition(NULL, &good2), -EINVAL);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));

	/* Touching but not overlapping is fine, as are read-only and read-execute. */
	struct k_mem_partition touching = PART(256, 256, RW);

	zassert_equal(k_mem_domain_add_partition(&dom, &touching), 0);
	zassert_equal(k_mem_domain_add_partition(&dom, &PART(512, 256, K_MEM_PARTITION_P_RO_U_RO)),
		      0);
	if (arch_mem_domain_max_partitions_get() < 5) {
		/* Four partitions fill the domain here (ARMv7-M: four MPU regions): make room. */
		zassert_equal(k_mem_domain_remove_partition(&dom, &touching), 0);
	}
	zassert_equal(k_mem_domain_add_partition(&dom, &PART(768, 256, K_MEM_PARTITION_P_RX_U_RX)),
		      0);
	zassert_equal(dom.num_partitions, MIN(5, arch_mem_domain_max_partitions_get()));
}

ZTEST(domain_errors, test_remove_absent_partition) {
	struct k_mem_partition same_start = PART(0, 128, RW);

	zassert_equal(k_mem_domain_remove_partition(&dom, &good2), -ENOENT);
	zassert_equal(k_mem_domain_remove_partition(&dom, &same_start), -ENOENT);
	zassert_equal(k_mem_domain_remove_partition(&dom, NULL), -EINVAL);
	zassert_equal(k_mem_domain_remove_partition(NULL, &good), -EINVAL);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));

	/* Removing needs only the same start and size, not the same struct. */
	struct k_mem_partition copy = good;

	zassert_equal(k_mem_domain_remove_partition(&dom, &copy), 0);
	zassert_equal(dom.num_partitions, 1);
	zassert_equal(k_mem_domain_remove_partition(&dom, &copy), -ENOENT);
}

ZTEST(domain_errors, test_init_with_bad_list_changes_nothing) {
	struct k_mem_partition overlapping = PART(1024 + 256, 512, RW);
	struct k_mem_partition rwx = PART(3072, 256, K_MEM_PARTITION_P_RWX_U_RWX);
	struct k_mem_partition *bad_overlap[] = { &part_ctl, &good2, &overlapping };
	struct k_mem_partition *bad_rwx[] = { &good2, &rwx };
	struct k_mem_partition *bad_null[] = { &good2, NULL };
	static struct k_mem_domain fresh;

	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(bad_overlap), bad_overlap), -EINVAL);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));
	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(bad_rwx), bad_rwx), -EINVAL);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));
	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(bad_null), bad_null), -EINVAL);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));
	zassert_equal(k_mem_domain_init(&dom, 2, NULL), -EINVAL);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom));
	zassert_equal(k_mem_domain_init(NULL, 0, NULL), -EINVAL);

	/* A domain never initialised stays empty. */
	zassert_equal(k_mem_domain_init(&fresh, ARRAY_SIZE(bad_overlap), bad_overlap), -EINVAL);
	zassert_equal(fresh.num_partitions, 0);

	/* The old domain still works as before: good mapped, good2 not. */
	static struct agent agent;

	agent_start(&agent, 0, &ctl, &dom);
	agent_write(&agent, (uint32_t *)good.start, 0x600d);
	zassert_equal(*(uint32_t *)good.start, 0x600d);
	agent_write_faults(&agent, (uint32_t *)good2.start);
	zassert_equal(*(uint32_t *)good2.start, 0);
}
