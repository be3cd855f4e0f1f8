/*
 * k_event from user mode: a user thread initialises a granted event, posts,
 * sets, clears and tests it; a user waiter is woken by a supervisor's post;
 * the consuming waits (k_event_wait_safe, k_event_wait_all_safe).
 */
#include "user_util.h"

static struct k_event fresh;
static struct k_event event;

RESULT static volatile uint32_t r[8];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_event_init(&event);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(sys_event, NULL, NULL, before, NULL, NULL);

static void event_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_event_init(&fresh);
	r[0] = k_event_post(&fresh, 0x1);
	r[1] = k_event_set(&fresh, 0x6);
	r[2] = k_event_set_masked(&fresh, 0x1, 0x3);
	r[3] = k_event_clear(&fresh, 0x4);
	r[4] = k_event_test(&fresh, UINT32_MAX);
	r[5] = k_event_wait_all(&fresh, 0x3, false, K_MSEC(1));
}

ZTEST(sys_event, test_event_calls_from_user_mode) {
	k_tid_t t = user_create(0, event_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&fresh, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0x1);
	zassert_equal(r[2], 0x2, "the events of the mask, as they were");
	zassert_equal(r[3], 0x4);
	zassert_equal(r[4], 0x1);
	zassert_equal(r[5], 0, "timed out: 0x2 never came");
}

static void event_waiter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_event_wait(&event, 0x30, false, K_FOREVER);
}

ZTEST(sys_event, test_user_waiter_woken) {
	k_tid_t t = user_create(0, event_waiter, NULL, NULL, NULL, TEST_PRIO + 1, 0);

	k_object_access_grant(&event, t);
	k_thread_start(t);
	k_msleep(1);
	zassert_equal(r[0], NOT_REACHED);
	k_event_post(&event, 0x21);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], 0x20);
}

/* The consuming waits from user mode: what they return leaves the object. */
static void event_safe_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_event_wait_safe(&event, 0x11, false, K_NO_WAIT);
	r[1] = k_event_wait_safe(&event, 0x11, false, K_NO_WAIT);
	r[2] = k_event_wait_all_safe(&event, 0x81, false, K_NO_WAIT);
	r[3] = k_event_wait_all_safe(&event, 0x62, false, K_MSEC(1));
	r[4] = k_event_test(&event, UINT32_MAX);
}

ZTEST(sys_event, test_safe_waits_from_user_mode) {
	k_tid_t t = user_create(0, event_safe_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&event, t);
	k_event_post(&event, 0x73);
	run_to_end(t);
	zassert_equal(r[0], 0x11);
	zassert_equal(r[1], 0, "consumed by the first wait");
	zassert_equal(r[2], 0, "0x80 is not there");
	zassert_equal(r[3], 0x62);
	zassert_equal(r[4], 0);
}

static void event_safe_waiter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_event_wait_all_safe(&event, 0x30, false, K_FOREVER);
}

ZTEST(sys_event, test_user_safe_waiter_consumes) {
	k_tid_t t = user_create(0, event_safe_waiter, NULL, NULL, NULL, TEST_PRIO + 1, 0);

	k_object_access_grant(&event, t);
	k_thread_start(t);
	k_msleep(1);
	k_event_post(&event, 0x21);
	k_msleep(1);
	zassert_equal(r[0], NOT_REACHED, "woken without all of 0x30");
	k_event_post(&event, 0x10);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], 0x30);
	zassert_equal(k_event_test(&event, UINT32_MAX), 0x1, "only 0x30 was consumed");
}
