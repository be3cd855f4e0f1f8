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
	/* The board the image was configured for (CMakeLists.txt passes its name). */
	zassert_equal(strcmp(CONFIG_BOARD, TEST_BOARD), 0, "CONFIG_BOARD is \"%s\"", CONFIG_BOARD);
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

K_THREAD_STACK_DECLARE(helper_stack, 1024);
K_THREAD_STACK_DEFINE(helper_stack, 1024);
static struct k_thread helper_thread;
static int helper_arg;

static void helper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helper_arg = POINTER_TO_INT(p1);
}

/* sys/util.h helpers and declared stacks, as Zephyr code uses them. */
ZTEST(zephyr_app, test_util_helpers) {
	k_thread_create(&helper_thread, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), helper,
			INT_TO_POINTER(-17), NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&helper_thread, K_FOREVER), 0);
	zassert_equal(helper_arg, -17);
	zassert_equal(POINTER_TO_UINT(UINT_TO_POINTER(0x8000u)), 0x8000u);
	zassert_equal(BIT_MASK(4), 0xfu);
	zassert_true(IN_RANGE(5, 1, 5));
	zassert_equal(MB(1), 1024 * 1024);
	zassert_equal(strcmp(STRINGIFY(CONFIG_APP_ANSWER), "42"), 0);
}
