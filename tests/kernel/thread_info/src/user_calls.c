/*
 * The thread system calls from user mode: custom data (set and read its
 * own; the field itself is kernel memory a user thread cannot write) and
 * k_thread_stack_space_get (on itself, and every argument it must refuse:
 * an ungranted thread, an object of another type, a pointer that is no
 * object, a result pointer into kernel memory, read-only data or NULL).
 * Each refusal is an oops of the caller alone, with nothing written.
 */
#include "user_util.h"

ZTEST_SUITE(thread_user_calls, NULL, NULL, NULL, NULL, NULL);

RESULT static volatile uintptr_t got[4];
RESULT static volatile int ret;
RESULT static size_t unused_out;
RESULT static volatile uint32_t armed;

static void custom_data_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	got[0] = (uintptr_t)k_thread_custom_data_get();
	k_thread_custom_data_set(p1);
	got[1] = (uintptr_t)k_thread_custom_data_get();
}

ZTEST(thread_user_calls, test_custom_data_from_user_mode) {
	got[0] = got[1] = 1;
	k_thread_custom_data_set((void *)0x1234);
	run_to_end(user_create(0, custom_data_user, INT_ARG(0x5678), NULL, NULL, USER_PRIO, 0));
	zassert_equal(got[0], 0, "starts NULL");
	zassert_equal(got[1], 0x5678);
	zassert_equal_ptr(k_thread_custom_data_get(), (void *)0x1234, "the caller's value stays");
}

static void write_custom_data_field(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	armed = 1;
	k_current_get()->ext.custom_data = (void *)0xbad;
	armed = 2;
}

ZTEST(thread_user_calls, test_custom_data_field_not_user_writable) {
	k_tid_t t = user_create(0, write_custom_data_field, NULL, NULL, NULL, USER_PRIO, 0);

	run_expect_fault(t, K_ERR_CPU_EXCEPTION);
	zassert_equal(armed, 1);
	zassert_is_null(t->ext.custom_data);
}

static void stack_space_own(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	ret = k_thread_stack_space_get(k_current_get(), &unused_out);
}

ZTEST(thread_user_calls, test_stack_space_of_itself) {
	unused_out = 0;
	ret = 99;
	run_to_end(user_create(0, stack_space_own, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(ret, 0);
	zassert_true(unused_out > USER_STACK_SIZE / 2 && unused_out < USER_STACK_SIZE, "%u",
		     (unsigned int)unused_out);
}

static void stack_space_bad(void *thread, void *out, void *p3)
{
	ARG_UNUSED(p3);
	armed = 1;
	ret = k_thread_stack_space_get(thread, out);
	armed = 2;
}

static size_t kernel_out = 777;
static const size_t ro_out = 888;
static K_SEM_DEFINE(a_sem, 0, 1);
static uint32_t plain_words[16];

static void expect_oops(const void *thread, void *out, bool grant)
{
	k_tid_t t = user_create(0, stack_space_bad, (void *)thread, out, NULL, USER_PRIO, 0);

	if (grant) {
		k_object_access_grant((struct k_thread *)thread, t);
	}
	armed = 0;
	ret = 99;
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(armed, 1, "armed, and did not survive");
	zassert_equal(ret, 99);
}

ZTEST(thread_user_calls, test_stack_space_refusals) {
	/* The test thread: alive, but never granted to the caller. */
	expect_oops(k_current_get(), &unused_out, false);
	/* Granted, but the result would go into kernel memory, read-only data, NULL. */
	expect_oops(k_current_get(), &kernel_out, true);
	zassert_equal(kernel_out, 777, "kernel memory written");
	expect_oops(k_current_get(), (void *)&ro_out, true);
	zassert_equal(ro_out, 888);
	expect_oops(k_current_get(), NULL, true);
	/* Not a thread: a semaphore (granted), a plain kernel variable, NULL. */
	k_tid_t t = user_create(0, stack_space_bad, &a_sem, &unused_out, NULL, USER_PRIO, 0);

	k_object_access_grant(&a_sem, t);
	armed = 0;
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(armed, 1);
	expect_oops((const struct k_thread *)plain_words, &unused_out, false);
	expect_oops(NULL, &unused_out, false);
}
