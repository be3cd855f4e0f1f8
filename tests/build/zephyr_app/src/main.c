/*
 * What the build gave this application: its Kconfig symbols, the libraries
 * and include paths it declared, its compile options, and Zephyr's integer
 * types (this file builds with -Werror: "%u" with a uint32_t must not warn).
 */
#include <stdio.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <helpers.h>
#include <app_private.h>

ZTEST_SUITE(zephyr_app, NULL, NULL, NULL, NULL, NULL);

ZTEST(zephyr_app, test_kconfig) {
	zassert_equal(CONFIG_APP_ANSWER, 42);
	zassert_true(IS_ENABLED(CONFIG_APP_EXTRA));
	zassert_equal(CONFIG_TEST_EXTRA_STACK_SIZE, 256);
	zassert_true(IS_ENABLED(CONFIG_MULTITHREADING));
	zassert_equal(strcmp(CONFIG_BOARD, "qemu_riscv32"), 0);
}

ZTEST(zephyr_app, test_libraries_and_includes) {
	zassert_equal(helper_value(), 105);
	zassert_equal(extra_value(), 9);
	zassert_equal(APP_PRIVATE, 7);
	zassert_equal(EVERYWHERE, 5);
}

ZTEST(zephyr_app, test_compile_options) {
	zassert_equal(APP_OPTION, 3);
#ifdef __OPTIMIZE__
	zassert_unreachable("-O0 from target_compile_options(app) did not take effect");
#endif
}

/* An unused parameter: a warning under -Wextra, none under Zephyr's warnings. */
static int ignore_second(int a, int b)
{
	return a;
}

ZTEST(zephyr_app, test_zephyr_warnings) {
	uint32_t u = 4000000000U;
	int32_t i = -5;
	char buf[32];

	snprintf(buf, sizeof(buf), "%u %d", u, i);
	zassert_equal(strcmp(buf, "4000000000 -5"), 0);
	zassert_equal(ignore_second(1, 2), 1);
}
