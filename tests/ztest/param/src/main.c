/*
 * Value-parameterized tests: every value of every instantiation runs once, as
 * a test of its own, with the value, its index and its size readable from the
 * body (in user mode too), and the suite's fixture passed as `data`.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define INT_RUNS    (4 + 2)
#define STRUCT_RUNS 3

/* Which runs happened, by instantiation and index (user tests write them too). */
static ZTEST_BMEM uint32_t int_runs_seen;
static ZTEST_BMEM uint32_t struct_runs_seen;
static ZTEST_DMEM int fixture_word = 0x5eed;

ZTEST_P(param, test_int_values)
{
	const int *value = ZTEST_GET_PARAM_PTR(int);
	size_t index = ztest_get_current_param_index();

	zassert_equal_ptr(data, &fixture_word, "the fixture is the suite's");
	zassert_true(ztest_has_current_param());
	zassert_equal(ztest_get_current_param_size(), sizeof(int));
	zassert_not_null(value);
	/* ints hold 10 * index, more_ints 100 + index: which one is running shows. */
	if (*value >= 100) {
		zassert_equal(*value, 100 + (int)index);
		int_runs_seen |= BIT(4 + index);
	} else {
		zassert_equal(*value, 10 * (int)index);
		zassert_equal(ZTEST_GET_PARAM(int), *value);
		int_runs_seen |= BIT(index);
	}
}

ZTEST_DEFINE_PARAM_VALUES(ints, int, 0, 10, 20, 30);
ZTEST_INSTANTIATE_TEST_SUITE_P(ints, param, test_int_values, ints);
ZTEST_DEFINE_PARAM_VALUES(more_ints, int, 100, 101);
ZTEST_INSTANTIATE_TEST_SUITE_P(more_ints, param, test_int_values, more_ints);

struct init_case {
	uint32_t initial;
	uint32_t limit;
	int expected;
};

/* The semaphore case of Zephyr's own suite: k_sem_init() (from user mode), per value. */
static struct k_sem param_sem;

ZTEST_USER_P(param, test_struct_values)
{
	const struct init_case *c = ZTEST_GET_PARAM_PTR(struct init_case);

	zassert_equal(ztest_get_current_param_size(), sizeof(struct init_case));
	zassert_equal(k_sem_init(&param_sem, c->initial, c->limit), c->expected);
	if (c->expected == 0) {
		zassert_equal(k_sem_count_get(&param_sem), c->initial);
	}
	struct_runs_seen |= BIT(ztest_get_current_param_index());
}

static const struct init_case cases[] = {
	{ 0U, 1U, 0 },
	{ 2U, 1U, -EINVAL },
	{ 0U, 0U, -EINVAL },
};
ZTEST_DEFINE_PARAM_VALUES_ARRAY(case_values, cases);
ZTEST_INSTANTIATE_TEST_SUITE_P(cases, param, test_struct_values, case_values);

ZTEST_P(param, test_never_instantiated)
{
	ztest_test_fail();
}

/* Outside a parameterized run there is no value. Runs first (name order). */
ZTEST(param, test_a_plain_test_has_no_value) {
	zassert_false(ztest_has_current_param());
	zassert_is_null(ztest_get_current_param());
	zassert_equal(ztest_get_current_param_size(), 0U);
}

/* Runs last (name order): every value ran exactly where expected. */
ZTEST(param, test_zz_every_value_ran) {
	zassert_equal(int_runs_seen, BIT_MASK(INT_RUNS), "int runs: %x", int_runs_seen);
	zassert_equal(struct_runs_seen, BIT_MASK(STRUCT_RUNS), "struct runs: %x", struct_runs_seen);
}

#ifdef FAILING_RUN
ZTEST_P(param, test_fails_on_two)
{
	zassert_not_equal(ZTEST_GET_PARAM(int), 2);
}
ZTEST_DEFINE_PARAM_VALUES(vals, int, 0, 1, 2, 3);
ZTEST_INSTANTIATE_TEST_SUITE_P(vals, param, test_fails_on_two, vals);
#endif

static void *param_setup(void)
{
	k_thread_access_grant(k_current_get(), &param_sem);
	return &fixture_word;
}

ZTEST_SUITE(param, NULL, param_setup, NULL, NULL, NULL);
