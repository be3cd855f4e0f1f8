/*
 * Value-parameterized tests (Zephyr's ZTEST_P family).
 *
 *   ZTEST_USER_P(suite, test_init)
 *   {
 *           const struct init_case *c = ZTEST_GET_PARAM_PTR(struct init_case);
 *           ...
 *   }
 *   static const struct init_case cases[] = { {...}, {...} };
 *   ZTEST_DEFINE_PARAM_VALUES_ARRAY(case_values, cases);
 *   ZTEST_INSTANTIATE_TEST_SUITE_P(cases, suite, test_init, case_values);
 *
 * A test declared with ZTEST_P() or ZTEST_USER_P() runs once per value of
 * each instantiation, each run reported as a test of its own named
 * "<test>[<instantiation>/<index>]", with the suite's before() and after()
 * around it as for any test. The body receives the suite's fixture as `data`
 * and reads its value with ZTEST_GET_PARAM_PTR() (or ztest_get_current_param()
 * and friends), from user mode too: the values are read-only data, which user
 * threads may read. A parameterized test without an instantiation is reported
 * as skipped. Values come from arrays (ZTEST_DEFINE_PARAM_VALUES(),
 * ZTEST_DEFINE_PARAM_VALUES_ARRAY()); Zephyr's generated ranges and
 * generators are not there yet.
 */
#ifndef BREEZE_ZTEST_PARAM_H
#define BREEZE_ZTEST_PARAM_H

#include <stdbool.h>
#include <stddef.h>

struct ztest_param_values {
	const void *values; /* count elements of elem_size bytes each */
	size_t count;
	size_t elem_size;
};

struct ztest_param_inst {
	const struct ztest_suite_node *suite;
	const char *test_name;
	const char *instance_name;
	const struct ztest_param_values *values;
};

#define ZTEST_DEFINE_PARAM_VALUES(name_, type_, ...)                      \
	static const type_ z_ztest_param_arr_##name_[] = { __VA_ARGS__ }; \
	static const struct ztest_param_values name_ = {                  \
		.values = z_ztest_param_arr_##name_,                      \
		.count = ARRAY_SIZE(z_ztest_param_arr_##name_),           \
		.elem_size = sizeof(type_),                               \
	}

#define ZTEST_DEFINE_PARAM_VALUES_ARRAY(name_, array_)   \
	static const struct ztest_param_values name_ = { \
		.values = (array_),                      \
		.count = ARRAY_SIZE(array_),             \
		.elem_size = sizeof((array_)[0]),        \
	}

#define ZTEST_INSTANTIATE_TEST_SUITE_P(inst_, suite_, fn_, param_values_name_)                    \
	extern const struct ztest_suite_node z_ztest_suite_node_##suite_;                         \
	static const STRUCT_SECTION_ITERABLE(ztest_param_inst,                                    \
					     z_ztest_param_inst_##suite_##__##fn_##__##inst_) = { \
		.suite = &z_ztest_suite_node_##suite_,                                            \
		.test_name = #fn_,                                                                \
		.instance_name = #inst_,                                                          \
		.values = &(param_values_name_),                                                  \
	}

/* In a test's thread_options: a parameterized test (never a thread option). */
#define Z_ZTEST_PARAM_TEST BIT(31)

#define Z_ZTEST_P(suite_name, test_name, options)                                \
	Z_ZTEST_REGISTER(suite_name, test_name, (options) | Z_ZTEST_PARAM_TEST); \
	static void suite_name##_##test_name(void *data);                        \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture)        \
	{                                                                        \
		suite_name##_##test_name(fixture);                               \
	}                                                                        \
	static void suite_name##_##test_name(void *data)

#define ZTEST_P(suite_name, test_name) Z_ZTEST_P(suite_name, test_name, 0)
#ifdef CONFIG_USERSPACE
#define ZTEST_USER_P(suite_name, test_name) Z_ZTEST_P(suite_name, test_name, K_USER)
#else
#define ZTEST_USER_P(suite_name, test_name) ZTEST_P(suite_name, test_name)
#endif

/* The value of the run in progress: NULL, 0 and 0 outside a parameterized test. */
const void *ztest_get_current_param(void);
size_t ztest_get_current_param_index(void);
size_t ztest_get_current_param_size(void);
bool ztest_has_current_param(void);

#define ZTEST_GET_PARAM_PTR(type) ((const type *)ztest_get_current_param())
#define ZTEST_GET_PARAM(type)     (*ZTEST_GET_PARAM_PTR(type))

#endif /* BREEZE_ZTEST_PARAM_H */
