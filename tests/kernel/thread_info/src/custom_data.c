/*
 * k_thread_custom_data_set/get: NULL in a new thread, each thread sees only
 * its own value.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

ZTEST_SUITE(custom_data, NULL, NULL, NULL, NULL, NULL);

static void *volatile child_initial = (void *)1;
static void *volatile child_after = (void *)1;

static void child(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	child_initial = k_thread_custom_data_get();
	k_thread_custom_data_set(p1);
	child_after = k_thread_custom_data_get();
}

static K_THREAD_STACK_DEFINE(child_stack, 1024);
static struct k_thread child_thread;

ZTEST(custom_data, test_per_thread_value) {
	static int mine;
	static int childs;

	k_thread_custom_data_set(&mine);
	zassert_equal_ptr(k_thread_custom_data_get(), &mine);
	k_thread_create(&child_thread, child_stack, K_THREAD_STACK_SIZEOF(child_stack), child,
			&childs, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&child_thread, K_FOREVER), 0);
	zassert_is_null(child_initial, "a new thread starts with NULL");
	zassert_equal_ptr(child_after, &childs);
	zassert_equal_ptr(k_thread_custom_data_get(), &mine, "the child's value is its own");
	k_thread_custom_data_set(NULL);
	zassert_is_null(k_thread_custom_data_get());
}
