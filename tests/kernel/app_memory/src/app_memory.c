/*
 * K_APPMEM_PARTITION_DEFINE(), K_APP_DMEM() and K_APP_BMEM() build with and
 * without CONFIG_USERSPACE, so that an application may describe its
 * partitions once: with user mode the partition holds its variables (initial
 * values and zeroes alike), without it the variables are ordinary data and
 * bss, with their values, and the partition is empty (as in Zephyr, the
 * placement macros place nothing).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

K_APPMEM_PARTITION_DEFINE(app_part);
K_APP_DMEM(app_part) static volatile int initialised = 5;
K_APP_BMEM(app_part) static volatile int zeroed;

ZTEST_SUITE(app_memory, NULL, NULL, NULL, NULL, NULL);

ZTEST(app_memory, test_values) {
	zassert_equal(initialised, 5);
	zassert_equal(zeroed, 0);
	initialised = 6;
	zeroed = 7;
	zassert_equal(initialised + zeroed, 13);
}

static bool in_partition(const volatile void *p)
{
	uintptr_t a = (uintptr_t)p;

	return a >= app_part.start && a - app_part.start < app_part.size;
}

ZTEST(app_memory, test_placement) {
#ifdef CONFIG_USERSPACE
	zassert_true(in_partition(&initialised), "initialised data outside its partition");
	zassert_true(in_partition(&zeroed), "zeroed data outside its partition");
	zassert_true(K_MEM_PARTITION_IS_WRITABLE(app_part.attr));
#else
	zassert_equal(app_part.size, 0U, "a partition without user mode holds %u bytes",
		      (unsigned int)app_part.size);
	zassert_false(in_partition(&initialised));
	zassert_false(in_partition(&zeroed));
#endif
}
