/*
 * k_thread_state_str(): the state of real threads as text (created, blocked,
 * sleeping, suspended on top of sleeping, ready, ended), the names of the
 * bits Breeze never sets, and the buffer rules: NULL or no room gives "", a
 * small buffer gets the beginning, always terminated.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static K_THREAD_STACK_DEFINE(stack, 1024);
static struct k_thread thread;
static K_SEM_DEFINE(never, 0, 1);

static void take_never(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_sem_take(&never, K_FOREVER);
}

static void sleep_long(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_SECONDS(10));
}

static k_tid_t create(k_thread_entry_t entry, int prio, k_timeout_t delay)
{
	return k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), entry, NULL, NULL,
			       NULL, prio, 0, delay);
}

static const char *str(k_tid_t t)
{
	static char buf[32];

	return k_thread_state_str(t, buf, sizeof(buf));
}

ZTEST(thread_state_str, test_life_of_a_thread) {
	/* Less urgent than the test (priority 1): it waits in the ready queue. */
	k_tid_t t = create(take_never, 2, K_FOREVER);

	zassert_str_equal(str(t), "prestart");
	k_thread_start(t);
	zassert_str_equal(str(t), "queued");
	k_thread_suspend(t);
	zassert_str_equal(str(t), "suspended");
	k_thread_resume(t);
	zassert_str_equal(str(t), "queued");
	k_msleep(1); /* it runs and blocks */
	zassert_str_equal(str(t), "pending");
	k_thread_abort(t);
	zassert_str_equal(str(t), "dead");
}

ZTEST(thread_state_str, test_two_bits) {
	k_tid_t t = create(sleep_long, 0, K_NO_WAIT); /* more urgent: sleeps at once */

	zassert_str_equal(str(t), "sleeping");
	k_thread_suspend(t);
	zassert_str_equal(str(t), "sleeping+suspended");
	k_thread_abort(t);
}

ZTEST(thread_state_str, test_the_caller_and_the_mutex_qualifier) {
	char buf[16];

	zassert_str_equal(k_thread_state_str(k_current_get(), buf, sizeof(buf)), "queued");

	/* The mutex flag qualifies "pending" and is not named. */
	static struct k_thread fake;

	fake.base.thread_state = _THREAD_PENDING | _THREAD_MUTEX;
	zassert_str_equal(k_thread_state_str(&fake, buf, sizeof(buf)), "pending");
	fake.base.thread_state = _THREAD_DUMMY | _THREAD_ABORTING;
	zassert_str_equal(k_thread_state_str(&fake, buf, sizeof(buf)), "dummy+aborting");
	fake.base.thread_state = 0;
	zassert_str_equal(k_thread_state_str(&fake, buf, sizeof(buf)), "");
}

ZTEST(thread_state_str, test_buffers) {
	static struct k_thread fake;
	char buf[16];

	fake.base.thread_state = _THREAD_SLEEPING | _THREAD_SUSPENDED;
	zassert_str_equal(k_thread_state_str(&fake, NULL, sizeof(buf)), "");
	memset(buf, 'x', sizeof(buf));
	zassert_str_equal(k_thread_state_str(&fake, buf, 0), "");
	zassert_equal(buf[0], 'x', "a buffer of no size is not written");

	/* "sleeping+suspended" cut to what fits, always terminated, never past @size. */
	zassert_equal_ptr(k_thread_state_str(&fake, buf, 8), buf);
	zassert_str_equal(buf, "sleepin");
	zassert_equal(buf[8], 'x', "written past the size given");
	zassert_str_equal(k_thread_state_str(&fake, buf, 1), "");
	zassert_str_equal(k_thread_state_str(&fake, buf, 10), "sleeping+");
	zassert_str_equal(k_thread_state_str(&fake, buf, sizeof(buf)), "sleeping+suspen");
}

ZTEST_SUITE(thread_state_str, NULL, NULL, NULL, NULL, NULL);
