/*
 * The ARMv8-M MPU back end (arch/arm/core/mpu_v8m.c) through the memory
 * domain API:
 * - a domain holds 8 regions' worth of partitions of any 32-byte multiple;
 *   the next one is refused with -ENOSPC and changes nothing; a partition
 *   without user access takes no region;
 * - regions must not overlap, so a partition over the code and read-only
 *   data, the user TLS pointer's block, any user-capable stack or the
 *   null-pointer guard is refused with -EINVAL;
 * - a partition's bounds are exact to the 32-byte grain, not a power of two;
 * - a read-only partition is read-only for its user threads, and a
 *   supervisor thread can still write it once it runs (the region is
 *   read-only for privileged code too, and is turned off for it).
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

#define STACK_SIZE 1056 /* 33 grains: no power of two */
#define USER_PRIO  (CONFIG_ZTEST_THREAD_PRIORITY - 1)
#define RO_VALUE   0x0dd0c0deU

extern char __user_tp_start[];

static K_THREAD_STACK_DEFINE(user_stack, STACK_SIZE);
static struct k_thread user_thread;

/* What the user threads report, in a partition each of their domains holds. */
K_APPMEM_PARTITION_DEFINE(part_res);
K_APP_BMEM(part_res) static volatile uint32_t progress;
K_APP_BMEM(part_res) static volatile uint32_t seen;

static uint8_t arena[10 * 128] __aligned(128);
static struct k_mem_partition parts[10];
static struct k_mem_domain dom;
static struct k_mem_domain snapshot;

static volatile uint32_t window[32] __aligned(32);
static K_MEM_PARTITION_DEFINE(part_96, window, 96, K_MEM_PARTITION_P_RW_U_RW);

static volatile uint32_t ro_words[8] __aligned(32) = { RO_VALUE, RO_VALUE, RO_VALUE, RO_VALUE,
						       RO_VALUE, RO_VALUE, RO_VALUE, RO_VALUE };
static K_MEM_PARTITION_DEFINE(part_ro, ro_words, sizeof(ro_words), K_MEM_PARTITION_P_RO_U_RO);

static const uint32_t rodata_words[8] __aligned(32) = { 1, 2, 3, 4, 5, 6, 7, 8 };

ZTEST_SUITE(mpu_v8m, NULL, NULL, NULL, NULL, NULL);

ZTEST(mpu_v8m, test_region_budget) {
	zassert_equal(arch_mem_domain_max_partitions_get(), 8);
	for (unsigned int i = 0; i < ARRAY_SIZE(parts); i++) {
		parts[i] = (struct k_mem_partition){ .start = (uintptr_t)arena + i * 128U,
						     .size = 96,
						     .attr = K_MEM_PARTITION_P_RW_U_RW };
	}
	zassert_ok(k_mem_domain_init(&dom, 0, NULL));
	for (unsigned int i = 0; i < 8; i++) {
		zassert_ok(k_mem_domain_add_partition(&dom, &parts[i]), "partition %u", i);
	}
	memcpy(&snapshot, &dom, sizeof(dom));
	zassert_equal(k_mem_domain_add_partition(&dom, &parts[8]), -ENOSPC);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom), "changed by a refused add");

	/* No user access: no region, so it still fits. */
	parts[9].attr = K_MEM_PARTITION_P_RW_U_NA;
	zassert_ok(k_mem_domain_add_partition(&dom, &parts[9]));
	/* A region given back can be taken again. */
	zassert_ok(k_mem_domain_remove_partition(&dom, &parts[0]));
	zassert_ok(k_mem_domain_add_partition(&dom, &parts[8]));
}

static void expect_refused(uintptr_t start, size_t size, k_mem_partition_attr_t attr)
{
	struct k_mem_partition p = { .start = start, .size = size, .attr = attr };

	memcpy(&snapshot, &dom, sizeof(dom));
	zassert_equal(k_mem_domain_add_partition(&dom, &p), -EINVAL, "%#lx+%u",
		      (unsigned long)start, (unsigned int)size);
	zassert_mem_equal(&dom, &snapshot, sizeof(dom), "changed by a refused add");
}

ZTEST(mpu_v8m, test_no_overlap_with_fixed_regions) {
	uintptr_t tp = (uintptr_t)__user_tp_start;
	uintptr_t stack = (uintptr_t)K_THREAD_STACK_BUFFER(user_stack);

	zassert_ok(k_mem_domain_init(&dom, 0, NULL));
	/* Read-only data is in the code region: even a read-only partition would overlap it. */
	expect_refused((uintptr_t)rodata_words, sizeof(rodata_words), K_MEM_PARTITION_P_RO_U_RO);
	expect_refused(tp, 32, K_MEM_PARTITION_P_RW_U_RW);
	expect_refused(tp - 32U, 64, K_MEM_PARTITION_P_RW_U_RW);
	expect_refused(stack, 64, K_MEM_PARTITION_P_RW_U_RW);
	expect_refused((uintptr_t)user_stack, 32, K_MEM_PARTITION_P_RO_U_RO);
	/* The null-pointer guard at 0 (the code's non-secure alias on this board). */
	expect_refused(0, 64, K_MEM_PARTITION_P_RO_U_RO);
	/* Without user access there is no region, hence no overlap. */
	struct k_mem_partition none = { .start = stack,
					.size = 64,
					.attr = K_MEM_PARTITION_P_RW_U_NA };

	zassert_ok(k_mem_domain_add_partition(&dom, &none));
	zassert_ok(k_mem_domain_add_partition(&dom, &part_96));
}

/* Write the last word inside the 96 bytes, then the first one past them. */
static void write_edges(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	window[23] = 0xa5a5a5a5U;
	progress = 1;
	window[24] = 0xa5a5a5a5U;
	progress = 2;
}

/* Read the read-only partition, then try to write it. */
static void touch_read_only(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	seen = ro_words[1];
	progress = 1;
	ro_words[1] = 0;
	progress = 2;
}

static void run_user(k_thread_entry_t entry, struct k_mem_domain *domain)
{
	progress = 0;
	seen = 0;
	k_thread_create(&user_thread, user_stack, K_THREAD_STACK_SIZEOF(user_stack), entry, NULL,
			NULL, NULL, USER_PRIO, K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(domain, &user_thread));
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	k_thread_start(&user_thread);
	zassert_ok(k_thread_join(&user_thread, K_SECONDS(1)));
}

ZTEST(mpu_v8m, test_exact_bounds) {
	struct k_mem_partition *list[] = { &part_res, &part_96 };

	zassert_equal(K_THREAD_STACK_SIZEOF(user_stack), STACK_SIZE, "user stack rounded up");
	memset((void *)window, 0, sizeof(window));
	zassert_ok(k_mem_domain_init(&dom, ARRAY_SIZE(list), list));
	run_user(write_edges, &dom);
	zassert_equal(progress, 1, "the write past the partition did not fault");
	zassert_equal(window[23], 0xa5a5a5a5U);
	zassert_equal(window[24], 0U);
}

ZTEST(mpu_v8m, test_read_only_partition) {
	struct k_mem_partition *list[] = { &part_res, &part_ro };

	zassert_ok(k_mem_domain_init(&dom, ARRAY_SIZE(list), list));
	run_user(touch_read_only, &dom);
	zassert_equal(progress, 1, "the user write did not fault");
	zassert_equal(seen, RO_VALUE);
	zassert_equal(ro_words[1], RO_VALUE);
	/* The user thread's image was the last loaded: this supervisor thread writes anyway. */
	ro_words[1] = 7U;
	zassert_equal(ro_words[1], 7U);
	ro_words[1] = RO_VALUE;
}
