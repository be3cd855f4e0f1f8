/*
 * App memory partitions (K_APPMEM_PARTITION_DEFINE, K_APP_DMEM, K_APP_BMEM):
 * laid out without padding (4-byte granules, the PMP's TOR mode), or with
 * CONFIG_PMP_POWER_OF_TWO_ALIGNMENT as one naturally aligned power-of-two
 * block each; initialised at boot (data as written, bss zero), and reachable
 * from a user thread exactly when its domain contains the partition.
 */
#include "agent.h"

K_APPMEM_PARTITION_DEFINE(part_boot);

K_APP_DMEM(part_boot) uint32_t boot_words[4] = { 0x11111111, 0x22222222, 0xcafef00d, 7 };
K_APP_DMEM(part_boot) char boot_text[8] = "breeze";
K_APP_BMEM(part_boot) uint32_t boot_zeros[16];

/* What the user thread saw, in the same partition. */
K_APP_BMEM(part_boot) uint32_t user_sum;
K_APP_BMEM(part_boot) uint32_t user_zero_or;
K_APP_BMEM(part_boot) char user_text[8];
K_APP_BMEM(part_boot) uint32_t user_done;

static struct k_mem_domain dom_boot;
static struct k_mem_domain dom_without;

static bool in_partition(const struct k_mem_partition *p, const void *addr, size_t size)
{
	uintptr_t a = (uintptr_t)addr;

	return a >= p->start && a + size <= p->start + p->size;
}

ZTEST_SUITE(app_memory, NULL, NULL, NULL, NULL, NULL);

/* What part_boot holds: its size once laid out without padding. */
#define BOOT_CONTENT                                                                      \
	(sizeof(boot_words) + sizeof(boot_text) + sizeof(boot_zeros) + sizeof(user_sum) + \
	 sizeof(user_zero_or) + sizeof(user_text) + sizeof(user_done))

ZTEST(app_memory, test_layout_and_boot_values) {
#if defined(CONFIG_PMP_POWER_OF_TWO_ALIGNMENT) || \
    defined(CONFIG_MPU_REQUIRES_POWER_OF_TWO_ALIGNMENT)
	/* One NAPOT entry (one ARMv7-M region) covers it: a power of two, aligned to its size. */
	zassert_true(part_boot.size >= 32U && IS_POWER_OF_TWO(part_boot.size), "size %u",
		     (unsigned int)part_boot.size);
	zassert_equal(part_boot.start & (part_boot.size - 1U), 0, "start %#lx",
		      (unsigned long)part_boot.start);
#else
	/*
	 * Two TOR entries (one ARMv8-M region) cover it: no padding beyond the
	 * partition grain (4 bytes on the PMP, 32 on the MPU).
	 */
	zassert_equal(part_boot.start % ARCH_MEM_PARTITION_ALIGN, 0, "start %#lx",
		      (unsigned long)part_boot.start);
	zassert_equal(part_boot.size, ROUND_UP(BOOT_CONTENT, ARCH_MEM_PARTITION_ALIGN), "size %u",
		      (unsigned int)part_boot.size);
#endif
	zassert_true(K_MEM_PARTITION_IS_WRITABLE(part_boot.attr));
	zassert_false(K_MEM_PARTITION_IS_EXECUTABLE(part_boot.attr));
	zassert_true(in_partition(&part_boot, boot_words, sizeof(boot_words)));
	zassert_true(in_partition(&part_boot, boot_text, sizeof(boot_text)));
	zassert_true(in_partition(&part_boot, boot_zeros, sizeof(boot_zeros)));
	zassert_true(in_partition(&part_boot, &user_done, sizeof(user_done)));
	zassert_false(in_partition(&part_ctl, boot_words, sizeof(boot_words)));

	zassert_equal(boot_words[0], 0x11111111);
	zassert_equal(boot_words[1], 0x22222222);
	zassert_equal(boot_words[2], 0xcafef00d);
	zassert_equal(boot_words[3], 7);
	zassert_str_equal(boot_text, "breeze");
	for (unsigned int i = 0; i < ARRAY_SIZE(boot_zeros); i++) {
		zassert_equal(boot_zeros[i], 0, "boot_zeros[%u]", i);
	}
	zassert_equal(user_done, 0);
}

static void read_boot_partition(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	uint32_t sum = 0;
	uint32_t zero_or = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(boot_words); i++) {
		sum += boot_words[i];
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(boot_zeros); i++) {
		zero_or |= boot_zeros[i];
	}
	memcpy(user_text, boot_text, sizeof(user_text));
	user_sum = sum;
	user_zero_or = zero_or;
	boot_words[3] = 8;
	user_done = 1;
}

ZTEST(app_memory, test_user_thread_in_domain_reads_and_writes) {
	struct k_mem_partition *parts[] = { &part_boot };

	zassert_equal(k_mem_domain_init(&dom_boot, ARRAY_SIZE(parts), parts), 0);
	run_to_end(user_create(0, read_boot_partition, NULL, NULL, NULL, &dom_boot));
	zassert_equal(user_done, 1);
	zassert_equal(user_sum, 0x11111111U + 0x22222222U + 0xcafef00dU + 7U);
	zassert_equal(user_zero_or, 0);
	zassert_str_equal(user_text, "breeze");
	zassert_equal(boot_words[3], 8);
	boot_words[3] = 7;
}

K_APP_BMEM(part_ctl) static struct agent_ctl ctl;

ZTEST(app_memory, test_user_thread_outside_domain_faults) {
	static struct agent a;
	struct k_mem_partition *parts[] = { &part_ctl };

	zassert_equal(k_mem_domain_init(&dom_without, ARRAY_SIZE(parts), parts), 0);
	agent_start(&a, 0, &ctl, &dom_without);
	agent_read_faults(&a, &boot_words[0]);
	agent_start(&a, 0, &ctl, &dom_without);
	agent_write_faults(&a, &boot_zeros[0]);
	zassert_equal(boot_zeros[0], 0);
}
