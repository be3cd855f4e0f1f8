/*
 * ZTEST_DMEM and ZTEST_BMEM: the variables lie in ztest_mem_partition, which
 * the harness put in the default domain; they are initialised (DMEM) or
 * zeroed (BMEM) at boot; user bodies read and write them, and what one test
 * writes, in either mode, the next one sees.
 */
#include <string.h>
#include <zephyr/ztest.h>

#define DMEM_VALUE 0x5a17c0de

static ZTEST_DMEM int dmem_value = DMEM_VALUE;
static ZTEST_DMEM char dmem_text[16] = "ztest dmem";
static ZTEST_BMEM int bmem_words[16];

ZTEST_SUITE(user_memory, NULL, NULL, NULL, NULL, NULL);

static bool in_partition(const void *p, size_t size)
{
	uintptr_t a = (uintptr_t)p;

	return a >= ztest_mem_partition.start &&
	       a + size <= ztest_mem_partition.start + ztest_mem_partition.size;
}

ZTEST(user_memory, test_1_in_the_partition) {
	bool in_default_domain = false;

	zassert_true(in_partition(&dmem_value, sizeof(dmem_value)));
	zassert_true(in_partition(dmem_text, sizeof(dmem_text)));
	zassert_true(in_partition(bmem_words, sizeof(bmem_words)));
	zassert_true(K_MEM_PARTITION_IS_WRITABLE(ztest_mem_partition.attr));
	for (unsigned int i = 0; i < k_mem_domain_default.num_partitions; i++) {
		const struct k_mem_partition *p = &k_mem_domain_default.partitions[i];

		if (p->start == ztest_mem_partition.start && p->size == ztest_mem_partition.size) {
			in_default_domain = true;
		}
	}
	zassert_true(in_default_domain, "ztest_mem_partition is not in the default domain");
}

ZTEST_USER(user_memory, test_2_initialised_at_boot) {
	zassert_true(k_is_user_context());
	zassert_equal(dmem_value, DMEM_VALUE, "dmem_value is %x", dmem_value);
	zassert_str_equal(dmem_text, "ztest dmem");
	for (unsigned int i = 0; i < ARRAY_SIZE(bmem_words); i++) {
		zassert_equal(bmem_words[i], 0, "bmem_words[%u] is %d", i, bmem_words[i]);
	}
}

ZTEST_USER(user_memory, test_3_user_writes) {
	dmem_value = -7;
	strcpy(dmem_text, "user wrote");
	for (unsigned int i = 0; i < ARRAY_SIZE(bmem_words); i++) {
		bmem_words[i] = (int)(i * i);
	}
}

ZTEST(user_memory, test_4_supervisor_sees_user_writes) {
	zassert_equal(dmem_value, -7);
	zassert_str_equal(dmem_text, "user wrote");
	for (unsigned int i = 0; i < ARRAY_SIZE(bmem_words); i++) {
		zassert_equal(bmem_words[i], (int)(i * i));
	}
	bmem_words[0] = 1000;
}

ZTEST_USER(user_memory, test_5_user_sees_supervisor_writes) {
	zassert_equal(bmem_words[0], 1000);
	zassert_equal(bmem_words[15], 225);
}
