/*
 * k_timer from user mode: a user thread starts a granted timer, waits for it
 * with k_timer_status_sync(), reads its status, remaining and expiry times and
 * user data, and stops it (the supervisor's stop function runs); the expiry
 * function a supervisor installed runs in the interrupt whoever started it.
 */
#include "user_util.h"

static struct k_timer timer;
static volatile unsigned int expiries;
static volatile unsigned int stops;

RESULT static volatile int64_t r[12];
RESULT static int datum;

static void on_expiry(struct k_timer *t)
{
	ARG_UNUSED(t);
	expiries++;
}

static void on_stop(struct k_timer *t)
{
	ARG_UNUSED(t);
	stops++;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_init(&timer, on_expiry, on_stop);
	expiries = 0;
	stops = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_stop(&timer);
}

ZTEST_SUITE(sys_timer, NULL, NULL, before, after, NULL);

static void timer_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	int64_t start = k_uptime_ticks();

	k_timer_user_data_set(&timer, &datum);
	r[0] = k_timer_user_data_get(&timer) == &datum;
	k_timer_start(&timer, K_MSEC(5), K_MSEC(2));
	r[1] = k_timer_remaining_ticks(&timer);
	r[2] = k_timer_expires_ticks(&timer) - start;
	r[3] = k_timer_status_sync(&timer);
	r[4] = k_uptime_ticks() - start;
	k_busy_wait(4500);
	r[5] = k_timer_status_get(&timer);
	r[6] = k_timer_status_get(&timer);
	k_timer_stop(&timer);
	r[7] = k_timer_status_sync(&timer); /* stopped: at once */
	r[8] = k_timer_remaining_get(&timer);
}

ZTEST(sys_timer, test_timer_calls_from_user_mode) {
	k_tid_t t = user_create(0, timer_calls, NULL, NULL, NULL, USER_PRIO, 0);
	int64_t five_ms = (int64_t)k_ms_to_ticks_ceil64(5);

	k_object_access_grant(&timer, t);
	run_to_end(t);
	zassert_equal(r[0], 1, "user data");
	zassert_true(r[1] <= five_ms && r[1] >= five_ms - 1, "remaining %lld", r[1]);
	/* A tick may pass between reading start and starting the timer. */
	zassert_true(r[2] <= five_ms + 1 && r[2] >= five_ms - 1, "expires in %lld", r[2]);
	zassert_equal(r[3], 1, "first expiry");
	zassert_true(r[4] >= five_ms, "waited %lld ticks", r[4]);
	zassert_equal(r[5], 2, "two periods in 4.5 ms");
	zassert_equal(r[6], 0, "read resets");
	zassert_equal(r[7], 0);
	zassert_equal(r[8], 0);
	zassert_equal(expiries, 3, "the supervisor's expiry function ran");
	zassert_equal(stops, 1, "the supervisor's stop function ran");
}

static void timer_waiter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_timer_status_sync(&timer);
}

ZTEST(sys_timer, test_user_waiter_released_by_stop) {
	k_tid_t t = user_create(0, timer_waiter, NULL, NULL, NULL, TEST_PRIO + 1, 0);

	k_object_access_grant(&timer, t);
	k_timer_start(&timer, K_SECONDS(10), K_NO_WAIT);
	k_thread_start(t);
	k_msleep(1);
	zassert_equal(r[0], NOT_REACHED);
	k_timer_stop(&timer);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], 0);
}
