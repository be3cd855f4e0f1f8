/*
 * printk() and the C library's printf family handle 64-bit integers (%lld,
 * %llu, %llx): picolibc's integer-only variant printed their low 32 bits
 * only. testspec.cmake checks the printed lines.
 */
#include <stdio.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define FORMAT   "%lld %llu %llx %lld"
#define VALUES   -1234567890123LL, 18446744073709551615ULL, 0x123456789abcdefULL, INT64_MIN
#define EXPECTED "-1234567890123 18446744073709551615 123456789abcdef -9223372036854775808"

ZTEST(printk_64, test_snprintf) {
	char buf[96];

	zassert_equal(snprintf(buf, sizeof(buf), FORMAT, VALUES), (int)strlen(EXPECTED));
	zassert_true(strcmp(buf, EXPECTED) == 0, "\"%s\"", buf);
}

ZTEST(printk_64, test_printk_and_printf) {
	printk("printk: " FORMAT "\n", VALUES);
	printf("printf: " FORMAT "\n", VALUES);
}

#ifdef CONFIG_USERSPACE
ZTEST_USER(printk_64, test_user_printk) {
	printk("user printk: " FORMAT "\n", VALUES);
}
#endif

ZTEST_SUITE(printk_64, NULL, NULL, NULL, NULL, NULL);
