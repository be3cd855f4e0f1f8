/*
 * The ztest runner: main(), the thread each test runs in, results and output.
 *
 * Every piece of test code (suite setup, before + body, after, teardown) runs
 * in a fresh thread at CONFIG_ZTEST_THREAD_PRIORITY that main() joins. So a
 * failed check can always end the thread it happens in, and main() itself,
 * which keeps the counts and prints the results, is never the one aborted.
 *
 * While a piece runs, "the phase" is active: failures from any thread (the
 * test's own, helpers it created, interrupts) are recorded in phase_result.
 * A failure with no phase active (a stray thread between tests) still fails
 * the run.
 */
#include <stdarg.h>
#include <breeze/ztest.h>
#include "ztest_internal.h"

enum ztest_result {
	ZTEST_PASS, /* ordered by precedence: a failure outranks a skip */
	ZTEST_SKIP,
	ZTEST_FAIL,
};

static struct k_thread ztest_thread;
static K_THREAD_STACK_DEFINE(ztest_stack, CONFIG_ZTEST_STACK_SIZE);

static struct k_spinlock lock;
static bool phase_active;
static enum ztest_result phase_result;
static unsigned int stray_failures;

/* The test being run (its before, body and after), for the fatal-error path. */
static const struct ztest_unit_test *current_test;
static int64_t current_start_ms;

/* main(): suite predicates run in it, and it must never be aborted. */
static k_tid_t runner_thread;

static unsigned int tests_run, tests_passed, tests_failed, tests_skipped;

static const char *const result_names[] = { "PASS", "SKIP", "FAIL" };

static void record(enum ztest_result result)
{
	k_spinlock_key_t key = k_spin_lock(&lock);

	if (!phase_active) {
		stray_failures += (result == ZTEST_FAIL) ? 1U : 0U;
	} else if (result > phase_result) {
		phase_result = result;
	}
	k_spin_unlock(&lock, key);
}

/*
 * End the current test from whichever thread failed: the test's thread first
 * (it may be waiting for the caller), then the caller. The scheduler stays
 * locked in between: once the test's thread is gone, main() would otherwise
 * preempt the caller and start the next test while the caller still lives.
 */
static void end_test(void)
{
	if (k_is_in_isr()) {
		if (phase_active) {
			k_thread_abort(&ztest_thread);
		}
		return;
	}
	if (k_current_get() == runner_thread) {
		return; /* a check in a predicate: counted, and the predicate goes on */
	}
	k_sched_lock();
	if (phase_active && k_current_get() != &ztest_thread) {
		k_thread_abort(&ztest_thread);
	}
	k_thread_abort(k_current_get());
}

void ztest_test_fail(void)
{
	record(ZTEST_FAIL);
	end_test();
}

void ztest_test_pass(void)
{
	end_test();
}

void ztest_test_skip(void)
{
	record(ZTEST_SKIP);
	end_test();
}

static const char *const check_names[] = {
	[Z_ZTEST_ASSERT] = "Assertion",
	[Z_ZTEST_ASSUME] = "Assumption",
	[Z_ZTEST_EXPECT] = "Expectation",
};

void z_ztest_check_failed(enum z_ztest_check_kind kind, const char *file, int line,
			  const char *func, const char *what)
{
	printk("\n    %s failed at %s:%d: %s: %s\n", check_names[kind], file, line, func, what);
}

void z_ztest_check_message(const char *fmt, ...)
{
	va_list ap;

	printk("    ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
}

void z_ztest_check_done(enum z_ztest_check_kind kind)
{
	switch (kind) {
	case Z_ZTEST_ASSERT:
		ztest_test_fail();
		break;
	case Z_ZTEST_ASSUME:
		ztest_test_skip();
		break;
	case Z_ZTEST_EXPECT:
		record(ZTEST_FAIL);
		break;
	}
}

/* Run entry(p1, p2, p3) in the test thread, wait for its end, return the outcome. */
static enum ztest_result run_phase(const char *name, k_thread_entry_t entry, void *p1, void *p2,
				   void *p3)
{
	phase_result = ZTEST_PASS;
	phase_active = true;
	k_thread_create(&ztest_thread, ztest_stack, K_THREAD_STACK_SIZEOF(ztest_stack), entry, p1,
			p2, p3, CONFIG_ZTEST_THREAD_PRIORITY, K_INHERIT_PERMS, K_FOREVER);
	k_thread_name_set(&ztest_thread, name);
	k_thread_start(&ztest_thread);
	(void)k_thread_join(&ztest_thread, K_FOREVER);

	k_spinlock_key_t key = k_spin_lock(&lock);

	phase_active = false;
	k_spin_unlock(&lock, key);

	/* A skipped test never reached the fault it was waiting for: no failure. */
	if (z_ztest_withdraw_fault_expectation(phase_result != ZTEST_SKIP) &&
	    phase_result != ZTEST_SKIP) {
		phase_result = ZTEST_FAIL;
	}
	return phase_result;
}

static void setup_entry(void *suite_node, void *fixture_out, void *unused)
{
	const struct ztest_suite_node *suite = suite_node;

	ARG_UNUSED(unused);
	*(void **)fixture_out = suite->setup();
}

static void test_entry(void *suite_node, void *unit_test, void *fixture)
{
	const struct ztest_suite_node *suite = suite_node;
	const struct ztest_unit_test *test = unit_test;

	if (suite->before != NULL) {
		suite->before(fixture);
	}
	test->test(fixture);
}

/* after() or teardown(), whichever @hook points to. */
static void hook_entry(void *hook, void *fixture, void *unused)
{
	ARG_UNUSED(unused);
	((void (*)(void *))hook)(fixture);
}

static void report(const struct ztest_unit_test *test, enum ztest_result result, int64_t ms)
{
	struct ztest_suite_stats *stats = test->suite->stats;

	tests_run++;
	switch (result) {
	case ZTEST_PASS:
		tests_passed++;
		stats->pass_count++;
		break;
	case ZTEST_SKIP:
		tests_skipped++;
		stats->skip_count++;
		break;
	case ZTEST_FAIL:
		tests_failed++;
		stats->fail_count++;
		break;
	}
	printk(" %s - %s in %u.%03u seconds\n", result_names[result], test->name,
	       (unsigned int)(ms / 1000), (unsigned int)(ms % 1000));
}

static void run_test(const struct ztest_suite_node *suite, const struct ztest_unit_test *test,
		     void *fixture)
{
	printk("START - %s\n", test->name);
	current_test = test;
	current_start_ms = k_uptime_get();
	enum ztest_result result =
	    run_phase(test->name, test_entry, (void *)suite, (void *)test, fixture);
	int64_t ms = k_uptime_get() - current_start_ms;

	if (suite->after != NULL) {
		enum ztest_result after =
		    run_phase(test->name, hook_entry, (void *)suite->after, fixture, NULL);

		result = MAX(result, after);
	}
	current_test = NULL;
	report(test, result, ms);
}

/* A suite failed if one test did, was skipped if all were, else succeeded. */
static const char *verdict(const struct ztest_suite_stats *s, const char *failed,
			   const char *skipped, const char *succeeded)
{
	if (s->fail_count > 0U) {
		return failed;
	}
	return (s->skip_count > 0U && s->pass_count == 0U) ? skipped : succeeded;
}

static void run_suite(const struct ztest_suite_node *suite)
{
	enum ztest_result setup_result = ZTEST_PASS;
	void *fixture = NULL;

	printk("Running TESTSUITE %s\n", suite->name);
	printk("===================================================================\n");
	if (suite->predicate != NULL && !suite->predicate(NULL)) {
		printk("TESTSUITE %s skipped: its predicate is false\n", suite->name);
		setup_result = ZTEST_SKIP;
	} else if (suite->setup != NULL) {
		setup_result = run_phase(suite->name, setup_entry, (void *)suite, &fixture, NULL);
		if (setup_result != ZTEST_PASS) {
			printk("TESTSUITE %s setup %s: its tests do not run\n", suite->name,
			       setup_result == ZTEST_FAIL ? "failed" : "skipped");
		}
	}

	STRUCT_SECTION_FOREACH(ztest_unit_test, test) {
		if (test->suite != suite) {
			continue;
		}
		if (setup_result == ZTEST_PASS) {
			run_test(suite, test, fixture);
		} else {
			report(test, setup_result, 0);
		}
	}

	bool teardown_failed = setup_result == ZTEST_PASS && suite->teardown != NULL &&
			       run_phase(suite->name, hook_entry, (void *)suite->teardown, fixture,
					 NULL) == ZTEST_FAIL;

	if (teardown_failed) {
		/* No test to blame, but the run must not pass. */
		printk("TESTSUITE %s teardown failed\n", suite->name);
		stray_failures++;
	}
	printk("===================================================================\n");
	printk("TESTSUITE %s %s\n", suite->name,
	       teardown_failed ? "failed"
			       : verdict(suite->stats, "failed", "skipped", "succeeded"));
}

static bool print_summary(void)
{
	unsigned int registered;

	STRUCT_SECTION_COUNT(ztest_unit_test, &registered);
	printk("\n------ TESTSUITE SUMMARY ------\n");
	STRUCT_SECTION_FOREACH(ztest_suite_node, suite) {
		const struct ztest_suite_stats *s = suite->stats;

		printk("SUITE %s - [%s]: pass = %u, fail = %u, skip = %u\n",
		       s->pass_count + s->fail_count + s->skip_count == 0U
			   ? "NONE"
			   : verdict(s, "FAIL", "SKIP", "PASS"),
		       suite->name, (unsigned int)s->pass_count, (unsigned int)s->fail_count,
		       (unsigned int)s->skip_count);
	}
	if (registered == 0U) {
		printk("No tests in this image: nothing was tested\n");
	}
	if (stray_failures > 0U) {
		printk("%u failure(s) outside any test\n", stray_failures);
	}
	printk("TESTS: %u run, %u passed, %u failed, %u skipped\n", tests_run, tests_passed,
	       tests_failed, tests_skipped);

	bool ok = registered > 0U && tests_failed == 0U && stray_failures == 0U;

	printk("===================================================================\n");
	printk("PROJECT EXECUTION %s\n", ok ? "SUCCESSFUL" : "FAILED");
	return ok;
}

FUNC_NORETURN void z_ztest_abort_run(void)
{
	phase_active = false;
	if (current_test != NULL) {
		report(current_test, ZTEST_FAIL, k_uptime_get() - current_start_ms);
	} else {
		stray_failures++;
	}
	(void)print_summary();
	sys_exit(1);
}

int main(void)
{
	runner_thread = k_current_get();
	STRUCT_SECTION_FOREACH(ztest_suite_node, suite) {
		run_suite(suite);
	}
	sys_exit(print_summary() ? 0 : 1);
}
