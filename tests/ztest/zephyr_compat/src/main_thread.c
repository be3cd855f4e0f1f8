/*
 * Where ztest runs what, as Zephyr tests assume: setup() in the main thread at
 * CONFIG_MAIN_THREAD_PRIORITY, test bodies in a thread of their own at
 * CONFIG_ZTEST_THREAD_PRIORITY (-1 by default: cooperative).
 */
#include <zephyr/ztest.h>

static k_tid_t setup_thread;
static int setup_prio;

static void *setup(void)
{
	setup_thread = k_current_get();
	setup_prio = k_thread_priority_get(k_current_get());
	return NULL;
}

ZTEST_SUITE(compat_threads, NULL, setup, NULL, NULL, NULL);

ZTEST(compat_threads, test_setup_ran_in_main_thread) {
	zassert_equal(setup_prio, CONFIG_MAIN_THREAD_PRIORITY);
	zassert_not_null(setup_thread);
	zassert_true(setup_thread != k_current_get(), "the body runs in a thread of its own");
}

ZTEST(compat_threads, test_body_priority) {
	zassert_equal(CONFIG_ZTEST_THREAD_PRIORITY, -1, "Zephyr's default");
	zassert_equal(k_thread_priority_get(k_current_get()), CONFIG_ZTEST_THREAD_PRIORITY);
}

static volatile bool helper_ran;

static void helper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helper_ran = true;
}

static struct k_thread helper_thread;
static K_THREAD_STACK_DEFINE(helper_stack, 1024);

/* A cooperative body is not preempted by the more urgent preemptible thread it starts. */
ZTEST(compat_threads, test_body_is_cooperative) {
	helper_ran = false;
	k_thread_create(&helper_thread, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), helper,
			NULL, NULL, NULL, 0, 0, K_NO_WAIT);
	zassert_false(helper_ran);
	k_thread_join(&helper_thread, K_FOREVER);
	zassert_true(helper_ran);
}
