/*
 * k_timer without waiting threads: one-shot and periodic expiries counted in
 * the status, the expiry and stop functions, restart, K_NO_WAIT and
 * K_FOREVER, the remaining and expiry times, user data, K_TIMER_DEFINE.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static struct k_timer timer;
static volatile unsigned int expiries;
static volatile unsigned int stops;
static volatile bool expired_in_isr;
static volatile int64_t last_expiry_cycle;
static struct k_timer *volatile seen;

/* No assertions in interrupt context: what the functions saw is checked after. */
static void on_expiry(struct k_timer *t)
{
	seen = t;
	expired_in_isr = k_is_in_isr();
	last_expiry_cycle = (int64_t)k_cycle_get_64();
	expiries++;
}

static void on_stop(struct k_timer *t)
{
	seen = t;
	stops++;
}

static unsigned int defined_expiries;

static void on_defined_expiry(struct k_timer *t)
{
	ARG_UNUSED(t);
	defined_expiries++;
}

K_TIMER_DEFINE(defined_timer, on_defined_expiry, NULL);

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_init(&timer, on_expiry, on_stop);
	expiries = 0;
	stops = 0;
	expired_in_isr = false;
	seen = NULL;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_stop(&timer);
}

ZTEST_SUITE(timer_basic, NULL, NULL, before, after, NULL);

ZTEST(timer_basic, test_one_shot) {
	int64_t start = k_uptime_get();

	k_timer_start(&timer, K_MSEC(10), K_NO_WAIT);
	k_msleep(5);
	zassert_equal(expiries, 0, "expired early");
	zassert_equal(k_timer_status_get(&timer), 0);
	k_msleep(10);
	zassert_equal(expiries, 1);
	zassert_true(expired_in_isr, "the expiry function runs in the timer interrupt");
	zassert_equal_ptr(seen, &timer);
	zassert_true(k_uptime_get() - start >= 10);
	zassert_equal(k_timer_status_get(&timer), 1);
	zassert_equal(k_timer_status_get(&timer), 0, "reading resets the status");
	k_msleep(20);
	zassert_equal(expiries, 1, "one-shot: no second expiry");
}

ZTEST(timer_basic, test_forever_period_is_one_shot) {
	k_timer_start(&timer, K_MSEC(1), K_FOREVER);
	k_msleep(10);
	zassert_equal(expiries, 1);
	zassert_equal(k_timer_remaining_ticks(&timer), 0, "stopped after its expiry");
}

ZTEST(timer_basic, test_no_wait_expires_at_once) {
	k_timer_start(&timer, K_NO_WAIT, K_NO_WAIT);
	k_busy_wait(200); /* the interrupt comes as soon as the start returns */
	zassert_equal(expiries, 1);
	zassert_equal(k_timer_status_get(&timer), 1);
}

ZTEST(timer_basic, test_forever_duration_does_nothing) {
	k_timer_start(&timer, K_FOREVER, K_MSEC(1));
	k_msleep(5);
	zassert_equal(expiries, 0);
	k_timer_start(&timer, K_MSEC(2), K_NO_WAIT);
	k_timer_start(&timer, K_FOREVER, K_NO_WAIT); /* leaves the running timer alone */
	k_msleep(5);
	zassert_equal(expiries, 1);
}

ZTEST(timer_basic, test_periodic_counts_and_does_not_drift) {
	k_timer_start(&timer, K_MSEC(5), K_MSEC(2));
	k_msleep(4);
	zassert_equal(expiries, 0);
	/* Expiries at 5, 7, 9, 11 and 13 ms from the start. */
	k_msleep(10);
	zassert_equal(expiries, 5);
	zassert_equal(k_timer_status_get(&timer), 5);
	int64_t first = last_expiry_cycle;

	k_busy_wait(20000); /* the handler keeps its beat while this thread spins */
	zassert_equal(expiries, 15);
	/* Ten periods later, within the interrupt's entry time, not ten entries late. */
	int64_t drift = last_expiry_cycle - first - 10 * (int64_t)k_us_to_cyc_ceil64(2000);

	zassert_true(drift > -(int64_t)k_us_to_cyc_ceil64(50) &&
			 drift < (int64_t)k_us_to_cyc_ceil64(50),
		     "drift %lld", drift);
	zassert_equal(k_timer_status_get(&timer), 10);
}

ZTEST(timer_basic, test_restart_resets_status) {
	k_timer_start(&timer, K_MSEC(1), K_MSEC(1));
	k_msleep(5);
	zassert_true(expiries >= 3);
	k_timer_start(&timer, K_MSEC(50), K_NO_WAIT);
	zassert_equal(k_timer_status_get(&timer), 0);
	zassert_equal(stops, 0, "a restart is not a stop");
}

ZTEST(timer_basic, test_stop_runs_stop_function_if_running) {
	k_timer_stop(&timer);
	zassert_equal(stops, 0, "never started");
	k_timer_start(&timer, K_MSEC(10), K_NO_WAIT);
	k_timer_stop(&timer);
	zassert_equal(stops, 1);
	zassert_equal_ptr(seen, &timer);
	k_timer_stop(&timer);
	zassert_equal(stops, 1, "already stopped");
	k_msleep(15);
	zassert_equal(expiries, 0, "a stopped timer does not expire");
	k_timer_start(&timer, K_MSEC(1), K_NO_WAIT);
	k_msleep(3);
	k_timer_stop(&timer);
	zassert_equal(stops, 1, "a one-shot timer that expired is stopped");
}

ZTEST(timer_basic, test_remaining_and_expires) {
	zassert_equal(k_timer_remaining_ticks(&timer), 0);
	zassert_equal(k_timer_remaining_get(&timer), 0);
	/* Bracketed by clock readings: with SMP a tick may pass between two calls. */
	int64_t before = k_uptime_ticks();
	k_ticks_t stopped = k_timer_expires_ticks(&timer);
	int64_t after = k_uptime_ticks();

	zassert_true(stopped >= before && stopped <= after, "stopped: now, not %lld", stopped);
	k_timer_start(&timer, K_MSEC(100), K_NO_WAIT);
	k_ticks_t ticks = k_ms_to_ticks_ceil64(100);
	k_ticks_t remaining = k_timer_remaining_ticks(&timer);
	k_ticks_t expires = k_timer_expires_ticks(&timer);
	int64_t now = k_uptime_ticks();

	zassert_true(remaining <= ticks && remaining >= ticks - 1, "remaining %lld", remaining);
	zassert_true(expires - now <= ticks && expires - now >= ticks - 1, "expires %lld at %lld",
		     expires, now);
	k_msleep(40);
	uint32_t ms = k_timer_remaining_get(&timer);

	zassert_true(ms <= 60 && ms >= 59, "remaining %u ms", ms);
}

ZTEST(timer_basic, test_user_data) {
	static int datum;

	zassert_is_null(k_timer_user_data_get(&timer));
	k_timer_user_data_set(&timer, &datum);
	zassert_equal_ptr(k_timer_user_data_get(&timer), &datum);
	k_timer_init(&timer, on_expiry, NULL);
	zassert_is_null(k_timer_user_data_get(&timer), "init clears it");
}

ZTEST(timer_basic, test_defined_timer) {
	k_timer_start(&defined_timer, K_MSEC(1), K_NO_WAIT);
	k_msleep(3);
	zassert_equal(defined_expiries, 1);
	zassert_equal(k_timer_status_get(&defined_timer), 1);
}

/* The expiry function may stop or restart its own timer. */
static struct k_timer self_timer;
static unsigned int self_expiries;

static void stop_self_third_time(struct k_timer *t)
{
	if (++self_expiries == 3) {
		k_timer_stop(t);
	}
}

ZTEST(timer_basic, test_expiry_function_stops_own_timer) {
	k_timer_init(&self_timer, stop_self_third_time, NULL);
	k_timer_start(&self_timer, K_MSEC(1), K_MSEC(1));
	k_msleep(10);
	zassert_equal(self_expiries, 3);
	zassert_equal(k_timer_status_get(&self_timer), 3);
	zassert_equal(k_timer_remaining_ticks(&self_timer), 0);
}
