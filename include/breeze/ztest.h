/*
 * ztest-compatible test harness: suites, tests and the calls a test makes.
 *
 * A suite is declared once with ZTEST_SUITE() and its tests with ZTEST() or
 * ZTEST_F(), in any file. Both are registered in read-only iterable sections
 * (no central list); the linker sorts them by name, so suites run in name
 * order and the tests of a suite in the order of their names, as in Zephyr.
 * The harness provides main(): it runs every suite whose predicate holds and
 * each test body in a fresh thread, prints one line per test and a summary,
 * and ends the run with sys_exit(0) when nothing failed, sys_exit(1) otherwise.
 *
 * Assertions are in <breeze/ztest_assert.h> (included here).
 */
#ifndef BREEZE_ZTEST_H
#define BREEZE_ZTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/sys/iterable_sections.h>

/* Outcome counts of one suite; mutable, so kept in RAM apart from the node. */
struct ztest_suite_stats {
	uint32_t pass_count;
	uint32_t fail_count;
	uint32_t skip_count;
};

struct ztest_suite_node {
	const char *name;
	/* Run the suite only if this returns true (NULL: always). */
	bool (*predicate)(const void *global_state);
	/* Once before the first test; returns the fixture handed to the others. */
	void *(*setup)(void);
	void (*before)(void *fixture); /* before each test, in the test's thread */
	void (*after)(void *fixture);  /* after each test */
	void (*teardown)(void *fixture);
	struct ztest_suite_stats *stats;
};

struct ztest_unit_test {
	const struct ztest_suite_node *suite;
	const char *name;
	void (*test)(void *fixture);
};

/*
 * ZTEST_SUITE(name, predicate, setup, before, after, teardown);
 * Any of the functions may be NULL. The suite's node is a global symbol so
 * that a test naming a suite that does not exist fails at link time.
 */
#define ZTEST_SUITE(suite_name, predicate_fn, setup_fn, before_fn, after_fn, teardown_fn)    \
	static struct ztest_suite_stats z_ztest_suite_stats_##suite_name;                    \
	const STRUCT_SECTION_ITERABLE(ztest_suite_node, z_ztest_suite_node_##suite_name) = { \
		.name = #suite_name,                                                         \
		.predicate = (predicate_fn),                                                 \
		.setup = (setup_fn),                                                         \
		.before = (before_fn),                                                       \
		.after = (after_fn),                                                         \
		.teardown = (teardown_fn),                                                   \
		.stats = &z_ztest_suite_stats_##suite_name,                                  \
	}

/*
 * Register a test. Its section name is the suite name then the test name,
 * which is what gives the by-name order. The body is the function
 * <suite>_<test>, as in Zephyr.
 */
#define Z_ZTEST_REGISTER(suite_name, test_name)                                                  \
	extern const struct ztest_suite_node z_ztest_suite_node_##suite_name;                    \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture);                       \
	static const STRUCT_SECTION_ITERABLE(ztest_unit_test,                                    \
					     z_ztest_unit_test__##suite_name##__##test_name) = { \
		.suite = &z_ztest_suite_node_##suite_name,                                       \
		.name = #test_name,                                                              \
		.test = z_ztest_run_##suite_name##_##test_name,                                  \
	}

/* ZTEST(suite, test) { body } */
#define ZTEST(suite_name, test_name)                                      \
	Z_ZTEST_REGISTER(suite_name, test_name);                          \
	static void suite_name##_##test_name(void);                       \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture) \
	{                                                                 \
		ARG_UNUSED(fixture);                                      \
		suite_name##_##test_name();                               \
	}                                                                 \
	static void suite_name##_##test_name(void)

/* ZTEST_F(suite, test) { body }: the body sees `struct <suite>_fixture *fixture`. */
#define ZTEST_F(suite_name, test_name)                                              \
	Z_ZTEST_REGISTER(suite_name, test_name);                                    \
	static void suite_name##_##test_name(struct suite_name##_fixture *fixture); \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture)           \
	{                                                                           \
		suite_name##_##test_name((struct suite_name##_fixture *)fixture);   \
	}                                                                           \
	static void suite_name##_##test_name(struct suite_name##_fixture *fixture)

/*
 * End the current test from any of its threads: failed, passed (unless a
 * failure was already recorded) or skipped. The test's thread and the calling
 * thread are aborted; called from an interrupt, only the test's thread is, and
 * the call returns.
 */
void ztest_test_fail(void);
void ztest_test_pass(void);
void ztest_test_skip(void);

/*
 * Expected fatal errors. After ztest_set_fault_valid(true) the next fatal
 * error, whatever its reason, is expected; after ztest_expect_fault(reason)
 * only one with that reason (a K_ERR_* value) is. An expected fatal error
 * ends only the faulting thread (the test passes if that was the test's own
 * thread and nothing failed). An unexpected one fails the test and ends the
 * run, as the system state can no longer be trusted. A test that still
 * expects a fault when it ends fails. ztest_set_fault_valid(false) withdraws
 * the expectation.
 */
void ztest_set_fault_valid(bool valid);
void ztest_expect_fault(unsigned int reason);

/* How many expected fatal errors have happened since boot. */
unsigned int ztest_fault_count(void);

#include <breeze/ztest_assert.h>

#endif /* BREEZE_ZTEST_H */
