/*
 * Calls whose refusals are error returns in Zephyr, not oopses: the thread
 * name calls on bad pointers and threads the caller does not hold; and calls
 * Zephyr lets user threads make that read scheduler state
 * (k_is_preempt_thread()).
 */
#include "user_util.h"

RESULT static volatile int r[10];
RESULT static char name[CONFIG_THREAD_MAX_NAME_LEN];

static struct k_thread not_held;
static K_THREAD_STACK_DEFINE(not_held_stack, 1024);
static struct k_sem not_a_thread;
static char kernel_name[] = "kernel";

static void idle_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	memset(name, 0, sizeof(name));
}

ZTEST_SUITE(sys_zephyr_returns, NULL, NULL, before, NULL, NULL);

static void name_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_thread_name_set(NULL, kernel_name);  /* unreadable */
	r[1] = k_thread_name_set(&not_held, "mine");  /* not held */
	r[2] = k_thread_name_set(NULL, "user-named"); /* itself */
	r[3] = k_thread_name_copy((k_tid_t)&not_a_thread, name, sizeof(name));
	r[4] = k_thread_name_copy(&not_held, name, sizeof(name)); /* a name needs no grant */
	r[5] = k_thread_name_copy(k_current_get(), (char *)kernel_name, 4);
	r[6] = k_thread_name_set(NULL, "this-name-is-far-too-long-for-a-thread");
}

ZTEST(sys_zephyr_returns, test_name_calls_return_errors) {
	zassert_equal(k_sem_init(&not_a_thread, 0, 1), 0);
	k_thread_create(&not_held, not_held_stack, K_THREAD_STACK_SIZEOF(not_held_stack),
			idle_entry, NULL, NULL, NULL, TEST_PRIO, 0, K_FOREVER);
	k_thread_name_set(&not_held, "bystander");
	k_tid_t t = user_create(0, name_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&not_a_thread, t);
	run_to_end(t);
	zassert_equal(r[0], -EFAULT);
	zassert_equal(r[1], -EINVAL);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], -EINVAL);
	zassert_equal(r[4], 0);
	zassert_str_equal(name, "bystander");
	zassert_equal(r[5], -EFAULT);
	zassert_str_equal(kernel_name, "kernel", "a kernel buffer was written");
	zassert_equal(r[6], -EINVAL);
	zassert_str_equal(k_thread_name_get(&not_held), "bystander");
	k_thread_abort(&not_held);
}

static void preempt_query(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_is_preempt_thread();
}

ZTEST(sys_zephyr_returns, test_is_preempt_thread_from_user_mode) {
	run_to_end(user_create(0, preempt_query, NULL, NULL, NULL, 2, 0));
	zassert_equal(r[0], 1, "a user thread at priority 2 is preemptible");
	run_to_end(user_create(0, preempt_query, NULL, NULL, NULL, -2, 0));
	zassert_equal(r[0], 0, "a user thread at priority -2 is cooperative");
}
