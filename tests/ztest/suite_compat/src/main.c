/*
 * What Zephyr suites use besides ztest proper, checked against the values
 * Zephyr gives them.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/tc_util.h>

/* A result a helper thread reports through a variable, as Zephyr suites do. */
static ZTEST_DMEM volatile int helper_result = TC_FAIL;
static K_THREAD_STACK_DEFINE(helper_stack, 1024);
static struct k_thread helper;

static void helper_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helper_result = TC_PASS;
}

ZTEST(suite_compat, test_tc_result_codes) {
	zassert_equal(TC_PASS, 0);
	zassert_equal(TC_FAIL, 1);
	zassert_equal(TC_SKIP, 2);
	zassert_equal(TC_FLAKY, 3);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), helper_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&helper, K_FOREVER), 0);
	zassert_equal(helper_result, TC_PASS);
}

ZTEST(suite_compat, test_tc_print) {
	TC_PRINT("tc_print: %d %s\n", 42, "ok");
}

ZTEST(suite_compat, test_tc_error) {
	TC_ERROR("tc_error: %d\n", 7);
}

ZTEST(suite_compat, test_one_cpu) {
	/* One CPU, or with SMP the CPUs that started, at most the configured number. */
	zassert_true(arch_num_cpus() >= 1U && arch_num_cpus() <= CONFIG_MP_MAX_NUM_CPUS);
	zassert_equal(arch_num_cpus() > 1U, IS_ENABLED(CONFIG_SMP) && arch_num_cpus() > 1U);
	/* Zephyr's former name of the option, set in prj.conf */
	zassert_equal(CONFIG_MP_NUM_CPUS, 1);
}

ZTEST(suite_compat, test_bit64_mask) {
	zassert_equal(BIT64_MASK(0), 0ULL);
	zassert_equal(BIT64_MASK(1), 1ULL);
	zassert_equal(BIT64_MASK(32), 0xffffffffULL);
	zassert_equal(BIT64_MASK(40), 0xffffffffffULL);
	zassert_equal(BIT64_MASK(63), 0x7fffffffffffffffULL);
	/* Usable where the upper half of a 64-bit tick count is split off. */
	uint64_t ticks = 0x123456789abcULL;

	zassert_equal(ticks & BIT64_MASK(32), 0x56789abcULL);
}

/* configdefault: the application's default (read first) wins over the symbol's own. */
ZTEST(suite_compat, test_configdefault) {
	zassert_equal(CONFIG_MAX_THREAD_BYTES, 3);
	zassert_equal(CONFIG_SUITE_COMPAT_TICKS, 7, "a configdefault read later must not win");
	zassert_true(IS_ENABLED(CONFIG_EVENTS));
}

/* The one-CPU hooks: a suite that names them runs each test between them. */
static ZTEST_DMEM volatile bool hooked;

static void one_cpu_before(void *data)
{
	ztest_simple_1cpu_before(data);
	hooked = true;
}

static void one_cpu_after(void *data)
{
	ztest_simple_1cpu_after(data);
	hooked = false;
}

ZTEST(suite_compat_1cpu, test_between_the_hooks) {
	zassert_true(hooked);
}

ZTEST_USER(suite_compat_1cpu, test_between_the_hooks_in_user_mode) {
	zassert_true(hooked);
}

ZTEST_SUITE(suite_compat, NULL, NULL, NULL, NULL, NULL);
ZTEST_SUITE(suite_compat_1cpu, NULL, NULL, one_cpu_before, one_cpu_after, NULL);
