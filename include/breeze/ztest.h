/*
 * ztest-compatible test harness: suites, tests and the calls a test makes.
 *
 * A suite is declared once with ZTEST_SUITE() and its tests with ZTEST(),
 * ZTEST_F(), ZTEST_USER() or ZTEST_USER_F(), in any file. Both are
 * registered in read-only iterable sections (no central list); the linker
 * sorts them by name, so suites run in name order and the tests of a suite in
 * the order of their names, as in Zephyr. The harness provides main(): it
 * runs every suite whose predicate holds and each test body in a fresh
 * thread (at CONFIG_ZTEST_THREAD_PRIORITY, -1 by default as in Zephyr:
 * cooperative), prints one line per test and a summary, and ends the run with
 * sys_exit(0) when nothing failed, sys_exit(1) otherwise. A test that defines
 * its own k_sys_fatal_error_handler() replaces ztest's (and so gives up
 * ztest_expect_fault()).
 *
 * Assertions are in <breeze/ztest_assert.h> (included here).
 *
 * User mode (CONFIG_USERSPACE): ZTEST_USER() and ZTEST_USER_F() bodies run
 * unprivileged; see "Tests in user mode" below for what they can reach.
 */
#ifndef BREEZE_ZTEST_H
#define BREEZE_ZTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/sys/iterable_sections.h>
#ifdef CONFIG_USERSPACE
#include <breeze/app_memory/app_memdomain.h>
#endif

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
	/* Once before the first test, in the main thread; returns the fixture. */
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
	uint32_t thread_options; /* K_USER for a user-mode body, else 0 */
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
#define Z_ZTEST_REGISTER(suite_name, test_name, options)                                         \
	extern const struct ztest_suite_node z_ztest_suite_node_##suite_name;                    \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture);                       \
	static const STRUCT_SECTION_ITERABLE(ztest_unit_test,                                    \
					     z_ztest_unit_test__##suite_name##__##test_name) = { \
		.suite = &z_ztest_suite_node_##suite_name,                                       \
		.name = #test_name,                                                              \
		.test = z_ztest_run_##suite_name##_##test_name,                                  \
		.thread_options = (options),                                                     \
	}

#define Z_ZTEST(suite_name, test_name, options)                           \
	Z_ZTEST_REGISTER(suite_name, test_name, options);                 \
	static void suite_name##_##test_name(void);                       \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture) \
	{                                                                 \
		ARG_UNUSED(fixture);                                      \
		suite_name##_##test_name();                               \
	}                                                                 \
	static void suite_name##_##test_name(void)

#define Z_ZTEST_F(suite_name, test_name, options)                                   \
	Z_ZTEST_REGISTER(suite_name, test_name, options);                           \
	static void suite_name##_##test_name(struct suite_name##_fixture *fixture); \
	static void z_ztest_run_##suite_name##_##test_name(void *fixture)           \
	{                                                                           \
		suite_name##_##test_name((struct suite_name##_fixture *)fixture);   \
	}                                                                           \
	static void suite_name##_##test_name(struct suite_name##_fixture *fixture)

/* ZTEST(suite, test) { body } */
#define ZTEST(suite_name, test_name) Z_ZTEST(suite_name, test_name, 0)

/* ZTEST_F(suite, test) { body }: the body sees `struct <suite>_fixture *fixture`. */
#define ZTEST_F(suite_name, test_name) Z_ZTEST_F(suite_name, test_name, 0)

/*
 * Tests in user mode.
 *
 * ZTEST_USER(suite, test) and ZTEST_USER_F(suite, test) are ZTEST() and
 * ZTEST_F() whose body runs in user mode: the suite's before() runs first, in
 * supervisor mode, in the test's thread, which then drops to user mode
 * (k_thread_user_mode_enter(): K_USER, keeping its grants) for the body.
 * Without CONFIG_USERSPACE they are plain ZTEST() and ZTEST_F(), as in Zephyr.
 * after() and teardown() always run in supervisor mode.
 *
 * Memory: the harness adds ztest_mem_partition to k_mem_domain_default before
 * the first suite, so every thread of the default domain (the test threads,
 * and the threads they create unless moved to another domain) can read and
 * write the variables declared ZTEST_BMEM (zeroed at boot) or ZTEST_DMEM
 * (initialised at boot). Everything else in RAM, such as a plain static
 * variable, is out of a user thread's reach: touching it is a fatal error.
 * The harness keeps the state a check needs (test result, fault expectation)
 * in that partition, so zassert_*(), ztest_test_fail() and the other calls
 * work from user threads of the default domain; a thread placed in another
 * domain that checks anything needs ztest_mem_partition in that domain too.
 * The fixture that setup() returns is handed to ZTEST_USER_F bodies as is:
 * it must be ZTEST_DMEM or ZTEST_BMEM memory for them to use it.
 *
 * Kernel objects: a user body needs grants for every kernel object it uses
 * (semaphores, mutexes, threads, stacks). The rule:
 *   - setup() runs in the main thread, as in Zephyr; each test's thread is
 *     created by that thread with K_INHERIT_PERMS, so what setup() grants to
 *     k_current_get() is held by every test of the suite (and of the suites
 *     after it);
 *   - before() runs in the test's own thread, before the drop to user mode,
 *     so what it grants to k_current_get() is held by that test's body;
 *   - the body itself may grant what it holds to the threads it creates, or
 *     create them with K_INHERIT_PERMS.
 * So k_thread_access_grant(k_current_get(), &sem) or
 * k_object_access_grant(&sem, k_current_get()) in setup() or before() is
 * what Zephyr code does, and it works here. after() and teardown() run in
 * threads of their own: grants made there reach no test.
 * k_current_get() in before() and in the body is the same thread, the one
 * ztest_test_thread() returns.
 */
#ifdef CONFIG_USERSPACE
#define ZTEST_USER(suite_name, test_name)   Z_ZTEST(suite_name, test_name, K_USER)
#define ZTEST_USER_F(suite_name, test_name) Z_ZTEST_F(suite_name, test_name, K_USER)

/* The partition of ZTEST_BMEM / ZTEST_DMEM variables, for tests building their own domains. */
extern struct k_mem_partition ztest_mem_partition;
#define ZTEST_BMEM    K_APP_BMEM(ztest_mem_partition)
#define ZTEST_DMEM    K_APP_DMEM(ztest_mem_partition)
#define ZTEST_SECTION ZTEST_DMEM
#else
#define ZTEST_USER(suite_name, test_name)   ZTEST(suite_name, test_name)
#define ZTEST_USER_F(suite_name, test_name) ZTEST_F(suite_name, test_name)
#define ZTEST_BMEM
#define ZTEST_DMEM
#define ZTEST_SECTION
#endif

/*
 * The thread running the current test's before() and body (NULL between
 * tests). Supervisor and user mode alike.
 */
k_tid_t ztest_test_thread(void);

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
 * expects a fault of ztest_expect_fault() when it ends fails (a negative
 * test whose fault never came tested nothing); one that only allowed any
 * fault with ztest_set_fault_valid(true) passes, as in Zephyr, whose own
 * suites rely on it. ztest_set_fault_valid(false) withdraws
 * the expectation. All of these may be called from user mode; the faulting
 * thread may be a user thread, the user test thread included (a PMP access
 * fault is K_ERR_CPU_EXCEPTION, a failed system call check K_ERR_KERNEL_OOPS).
 */
void ztest_set_fault_valid(bool valid);
void ztest_expect_fault(unsigned int reason);

/* How many expected fatal errors have happened since boot. */
unsigned int ztest_fault_count(void);

/*
 * before() and after() hooks of suites whose tests must run alone on one
 * CPU (as in Zephyr): with SMP, every other CPU is held by a thread that no
 * other thread preempts, from z_test_1cpu_start() to z_test_1cpu_stop().
 * On one CPU they have nothing to hold.
 */
void ztest_simple_1cpu_before(void *data);
void ztest_simple_1cpu_after(void *data);
void z_test_1cpu_start(void);
void z_test_1cpu_stop(void);

#include <breeze/ztest_assert.h>
#include <breeze/tc_util.h>
#include <breeze/ztest_param.h>

#endif /* BREEZE_ZTEST_H */
