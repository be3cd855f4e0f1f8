/*
 * The ztest runner: main(), the threads tests run in, results and output.
 *
 * As in Zephyr, main() runs everything the suite itself declares: the
 * predicates, setup() and, for each piece of test code (before + body,
 * after, teardown), a fresh thread at CONFIG_ZTEST_THREAD_PRIORITY created
 * with K_INHERIT_PERMS, which it joins. So setup() sees the main thread and
 * its priority, and what it grants to k_current_get() reaches every test (see
 * ztest.h on user mode). A failed check can always end the thread it happens
 * in, except main(), which prints the summary: a failed check in setup()
 * returns to the runner through a long jump instead.
 *
 * While a piece runs, "the phase" is active: failures from any thread (the
 * test's own, helpers it created, interrupts) are recorded in phase_result.
 * A failure with no phase active (a stray thread between tests) still fails
 * the run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <string.h>
#include <breeze/ztest.h>
#include "ztest_internal.h"

enum ztest_result {
	ZTEST_PASS, /* ordered by precedence: a failure outranks a skip */
	ZTEST_SKIP,
	ZTEST_FAIL,
};

/* The test's thread: user-capable stack, for ZTEST_USER bodies. */
static struct k_thread ztest_thread;
static K_THREAD_STACK_DEFINE(ztest_stack, CONFIG_ZTEST_STACK_SIZE);

/*
 * Phase state. The lock orders supervisor updates against the end of a
 * phase; user threads cannot take it, so the fields user code touches are
 * atomics in the ztest partition. phase_thread stays out of user reach: it is
 * what the harness aborts.
 */
static struct k_spinlock lock;
static struct k_thread *phase_thread;
static Z_ZTEST_STATE atomic_t phase_active;
static Z_ZTEST_STATE atomic_t phase_result;
static Z_ZTEST_STATE atomic_t stray_failures;
static Z_ZTEST_STATE struct k_thread *volatile test_thread;

/* The test being run (its before, body and after), for the fatal-error path. */
static const struct ztest_unit_test *current_test;
static const char *current_name; /* as reported: a parameterized run names its value */
static int64_t current_start_ms;

/* main(): suite predicates and setup() run in it, and it must never be aborted. */
static k_tid_t runner_thread;

/* Where a failed check in setup() goes on (main() cannot be aborted). */
static jmp_buf setup_exit;
static bool in_setup;

static unsigned int tests_run, tests_passed, tests_failed, tests_skipped;

static const char *const result_names[] = { "PASS", "SKIP", "FAIL" };

static void record_in_phase(enum ztest_result result)
{
	if (atomic_get(&phase_active) == 0) {
		if (result == ZTEST_FAIL) {
			(void)atomic_inc(&stray_failures);
		}
		return;
	}
	atomic_val_t old = atomic_get(&phase_result);

	while ((atomic_val_t)result > old && !atomic_cas(&phase_result, old, result)) {
		old = atomic_get(&phase_result);
	}
}

static void record(enum ztest_result result)
{
	if (k_is_user_context()) {
		record_in_phase(result);
		return;
	}
	k_spinlock_key_t key = k_spin_lock(&lock);

	record_in_phase(result);
	k_spin_unlock(&lock, key);
}

void z_ztest_end_threads(struct k_thread *requester)
{
	if (atomic_get(&phase_active) != 0 && requester != phase_thread &&
	    phase_thread != runner_thread) {
		k_thread_abort(phase_thread);
	}
	k_thread_abort(requester);
}

/*
 * End the current test from whichever thread failed: the phase's thread
 * first (it may be waiting for the caller), then the caller. The scheduler
 * stays locked in between: once the phase's thread is gone, the suite's
 * thread would otherwise preempt the caller and start the next test while the
 * caller still lives.
 */
static void end_test(void)
{
#ifdef CONFIG_USERSPACE
	if (k_is_user_context()) {
		z_ztest_user_end_test();
	}
#endif
	if (k_is_in_isr()) {
		if (atomic_get(&phase_active) != 0) {
			k_thread_abort(phase_thread);
		}
		return;
	}
	if (k_current_get() == runner_thread) {
		if (in_setup) {
			longjmp(setup_exit, 1);
		}
		return; /* a check in a predicate: counted, and the predicate goes on */
	}
	k_sched_lock();
	z_ztest_end_threads(k_current_get());
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

k_tid_t ztest_test_thread(void)
{
	return test_thread;
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

	if (fmt == NULL) {
		return; /* zassert_true(cond, NULL): no message, as in Zephyr */
	}
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

static void phase_begin(struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&lock);

	phase_thread = thread;
	(void)atomic_set(&phase_result, ZTEST_PASS);
	(void)atomic_set(&phase_active, 1);
	k_spin_unlock(&lock, key);
}

/* End the phase (its thread is gone, or returned from the code it ran): its outcome. */
static enum ztest_result phase_finish(void)
{
	k_spinlock_key_t key = k_spin_lock(&lock);

	(void)atomic_set(&phase_active, 0);
	k_spin_unlock(&lock, key);

	enum ztest_result result = (enum ztest_result)atomic_get(&phase_result);

	/* A skipped test never reached the fault it was waiting for: no failure. */
	if (z_ztest_withdraw_fault_expectation(result != ZTEST_SKIP) && result != ZTEST_SKIP) {
		result = ZTEST_FAIL;
	}
	return result;
}

/* Run entry(p1, p2, p3) in the test thread, wait for its end, return the outcome. */
static enum ztest_result run_phase(const char *name, k_thread_entry_t entry, void *p1, void *p2,
				   void *p3)
{
	k_thread_create(&ztest_thread, ztest_stack, K_THREAD_STACK_SIZEOF(ztest_stack), entry, p1,
			p2, p3, CONFIG_ZTEST_THREAD_PRIORITY, K_INHERIT_PERMS, K_FOREVER);
	k_thread_name_set(&ztest_thread, name);
	phase_begin(&ztest_thread);
	k_thread_start(&ztest_thread);
	(void)k_thread_join(&ztest_thread, K_FOREVER);
	return phase_finish();
}

#ifdef CONFIG_USERSPACE
/* The first frame of a ZTEST_USER body, in user mode. */
static void user_body_entry(void *body, void *fixture, void *unused)
{
	ARG_UNUSED(unused);
	((void (*)(void *))body)(fixture);
}
#endif

static void test_entry(void *suite_node, void *unit_test, void *fixture)
{
	const struct ztest_suite_node *suite = suite_node;
	const struct ztest_unit_test *test = unit_test;

	if (suite->before != NULL) {
		suite->before(fixture);
	}
#ifdef CONFIG_USERSPACE
	if ((test->thread_options & K_USER) != 0U) {
		/* Same thread, same grants (before()'s included), now unprivileged. */
		k_thread_user_mode_enter(user_body_entry, (void *)test->test, fixture, NULL);
	}
#endif
	test->test(fixture);
}

/* after() or teardown(), whichever @hook points to. */
static void hook_entry(void *hook, void *fixture, void *unused)
{
	ARG_UNUSED(unused);
	((void (*)(void *))hook)(fixture);
}

static void report(const struct ztest_unit_test *test, const char *name, enum ztest_result result,
		   int64_t ms)
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
	printk(" %s - %s in %u.%03u seconds\n", result_names[result], name,
	       (unsigned int)(ms / 1000), (unsigned int)(ms % 1000));
}

/* Run @test (reported as @name) between the suite's before() and after(). */
static void run_test(const struct ztest_suite_node *suite, const struct ztest_unit_test *test,
		     void *fixture, const char *name)
{
	printk("START - %s\n", name);
	if (IS_ENABLED(CONFIG_ZTEST_1CPU)) {
		z_test_1cpu_start();
	}
	current_test = test;
	current_name = name;
	current_start_ms = k_uptime_get();
	test_thread = &ztest_thread;
	enum ztest_result result =
	    run_phase(name, test_entry, (void *)suite, (void *)test, fixture);
	int64_t ms = k_uptime_get() - current_start_ms;

	test_thread = NULL;
	if (suite->after != NULL) {
		enum ztest_result after =
		    run_phase(name, hook_entry, (void *)suite->after, fixture, NULL);

		result = MAX(result, after);
	}
	if (IS_ENABLED(CONFIG_ZTEST_1CPU)) {
		z_test_1cpu_stop();
	}
	current_test = NULL;
	report(test, name, result, ms);
}

/* A parameterized test: one run per value of each of its instantiations. */
static void run_param_test(const struct ztest_suite_node *suite, const struct ztest_unit_test *test,
			   void *fixture)
{
	static char label[64];
	bool instantiated = false;

	STRUCT_SECTION_FOREACH(ztest_param_inst, inst) {
		if (inst->suite != suite || strcmp(inst->test_name, test->name) != 0) {
			continue;
		}
		instantiated = true;
		for (size_t i = 0; i < inst->values->count; i++) {
			z_ztest_param_begin(inst, i, label, sizeof(label));
			run_test(suite, test, fixture, label);
			z_ztest_param_end();
		}
	}
	if (!instantiated) {
		printk("%s: parameterized, and never instantiated\n", test->name);
		report(test, test->name, ZTEST_SKIP, 0);
	}
}

/* Report every test of @suite with @result, without running it. */
static void report_unrun(const struct ztest_suite_node *suite, enum ztest_result result)
{
	STRUCT_SECTION_FOREACH(ztest_unit_test, test) {
		if (test->suite == suite) {
			report(test, test->name, result, 0);
		}
	}
}

static void report_setup_failure(const struct ztest_suite_node *suite, enum ztest_result result)
{
	printk("TESTSUITE %s setup %s: its tests do not run\n", suite->name,
	       result == ZTEST_FAIL ? "failed" : "skipped");
	report_unrun(suite, result);
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

/* setup() in main(): the fixture, or the outcome that keeps the suite's tests from running. */
static enum ztest_result run_setup(const struct ztest_suite_node *suite, void **fixture)
{
	*fixture = NULL;
	if (suite->setup == NULL) {
		return ZTEST_PASS;
	}
	phase_begin(runner_thread);
	in_setup = true;
	if (setjmp(setup_exit) == 0) {
		*fixture = suite->setup();
	}
	in_setup = false;
	return phase_finish();
}

static void run_suite(const struct ztest_suite_node *suite)
{
	bool teardown_failed = false;

	printk("Running TESTSUITE %s\n", suite->name);
	printk("===================================================================\n");
	if (suite->predicate != NULL && !suite->predicate(NULL)) {
		printk("TESTSUITE %s skipped: its predicate is false\n", suite->name);
		report_unrun(suite, ZTEST_SKIP);
	} else {
		void *fixture;
		enum ztest_result setup_result = run_setup(suite, &fixture);

		if (setup_result != ZTEST_PASS) {
			report_setup_failure(suite, setup_result);
		} else {
			STRUCT_SECTION_FOREACH(ztest_unit_test, test) {
				if (test->suite != suite) {
					continue;
				}
				if ((test->thread_options & Z_ZTEST_PARAM_TEST) != 0U) {
					run_param_test(suite, test, fixture);
				} else {
					run_test(suite, test, fixture, test->name);
				}
			}
			teardown_failed =
			    suite->teardown != NULL &&
			    run_phase(suite->name, hook_entry, (void *)suite->teardown, fixture,
				      NULL) == ZTEST_FAIL;
		}
	}
	if (teardown_failed) {
		/* No test to blame, but the run must not pass. */
		printk("TESTSUITE %s teardown failed\n", suite->name);
		(void)atomic_inc(&stray_failures);
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
	unsigned int strays = (unsigned int)atomic_get(&stray_failures);

	if (strays > 0U) {
		printk("%u failure(s) outside any test\n", strays);
	}
	printk("TESTS: %u run, %u passed, %u failed, %u skipped\n", tests_run, tests_passed,
	       tests_failed, tests_skipped);

	bool ok = registered > 0U && tests_failed == 0U && strays == 0U;

	printk("===================================================================\n");
	printk("PROJECT EXECUTION %s\n", ok ? "SUCCESSFUL" : "FAILED");
	return ok;
}

FUNC_NORETURN void z_ztest_abort_run(void)
{
	(void)atomic_set(&phase_active, 0);
	if (current_test != NULL) {
		report(current_test, current_name, ZTEST_FAIL, k_uptime_get() - current_start_ms);
	} else {
		(void)atomic_inc(&stray_failures);
	}
	(void)print_summary();
	sys_exit(1);
}

int main(void)
{
	runner_thread = k_current_get();
#ifdef CONFIG_USERSPACE
	z_ztest_user_init();
#endif
	STRUCT_SECTION_FOREACH(ztest_suite_node, suite) {
		run_suite(suite);
	}
	sys_exit(print_summary() ? 0 : 1);
}
