/*
 * Absolute timeouts (K_TIMEOUT_ABS_*) wherever a k_timeout_t goes: a wait, a
 * sleep, a delayed start, a timer. A deadline ahead ends the wait when the
 * uptime reaches it, whenever the wait began; one already past (any negative
 * tick count other than K_FOREVER, Zephyr's encoding) expires at once, as a
 * wait that timed out, not as K_NO_WAIT. A thread's timeout can be read back.
 * The ZTEST_USER cases run in user mode in the userspace variant.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

static struct k_sem sem;
static struct k_mutex held;
static struct k_timer timer;
static ZTEST_BMEM k_tid_t holder;
static ZTEST_BMEM k_tid_t sleeper;

/* One tick of slack: waking is rounded to the tick the wait ends in. */
#define ONE_TICK 1

/* Holds @held and stays alive (a thread to join) until the test ends. */
static void hold(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_equal(k_mutex_lock(&held, K_NO_WAIT), 0);
	k_sleep(K_FOREVER);
}

static void log_x(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event('x');
}

/* Sleeps until the absolute tick it is given. */
static void sleep_until(void *tick, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_TIMEOUT_ABS_TICKS((k_ticks_t)(uintptr_t)tick));
	event('s');
}

ZTEST_USER(timeout_abs, test_past_deadline_expires_at_once) {
	int64_t start = k_uptime_ticks();
	const k_timeout_t past[] = { K_TIMEOUT_ABS_TICKS(0), K_TIMEOUT_ABS_MS(start / 20),
				     Z_TIMEOUT_TICKS(-5) };

	for (unsigned int i = 0; i < ARRAY_SIZE(past); i++) {
		zassert_equal(k_sem_take(&sem, past[i]), -EAGAIN, "deadline %u", i);
		zassert_equal(k_mutex_lock(&held, past[i]), -EAGAIN, "deadline %u", i);
		zassert_equal(k_thread_join(holder, past[i]), -EAGAIN, "deadline %u", i);
		zassert_equal(k_sleep(past[i]), 0, "deadline %u", i);
	}
	zassert_true(k_uptime_ticks() - start <= ONE_TICK, "waited %lld ticks",
		     k_uptime_ticks() - start);
	k_sem_give(&sem);
	zassert_equal(k_sem_take(&sem, K_TIMEOUT_ABS_TICKS(0)), 0, "no wait needed: no timeout");
}

ZTEST_USER(timeout_abs, test_future_deadline_ends_wait) {
	int64_t deadline = k_uptime_get() + 10;

	zassert_equal(k_sem_take(&sem, K_TIMEOUT_ABS_MS(deadline)), -EAGAIN);
	int64_t now = k_uptime_get();

	zassert_true(now >= deadline && now <= deadline + 1, "woke at %lld for %lld", now,
		     deadline);
	deadline = now + 5;
	k_busy_wait(2000); /* the deadline does not move with the start of the wait */
	zassert_equal(k_sleep(K_TIMEOUT_ABS_MS(deadline)), 0);
	now = k_uptime_get();
	zassert_true(now >= deadline && now <= deadline + 1, "woke at %lld for %lld", now,
		     deadline);
}

ZTEST_USER(timeout_abs, test_units) {
	int64_t t = k_uptime_ticks() + 20;
	int64_t ms = k_ticks_to_ms_ceil64(t);

	zassert_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_TICKS(t), Z_TIMEOUT_TICKS(-2 - t)));
	zassert_true(
	    K_TIMEOUT_EQ(K_TIMEOUT_ABS_MS(ms), K_TIMEOUT_ABS_TICKS(k_ms_to_ticks_ceil64(ms))));
	zassert_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_US(ms * 1000), K_TIMEOUT_ABS_MS(ms)));
	zassert_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_NS(ms * 1000000), K_TIMEOUT_ABS_MS(ms)));
	zassert_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_SEC(3), K_TIMEOUT_ABS_MS(3000)));
	zassert_true(
	    K_TIMEOUT_EQ(K_TIMEOUT_ABS_CYC(k_ticks_to_cyc_floor64(t)), K_TIMEOUT_ABS_TICKS(t)));
	zassert_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_MS(-7), K_TIMEOUT_ABS_TICKS(0)), "negative: 0");
	zassert_false(K_TIMEOUT_EQ(K_TIMEOUT_ABS_TICKS(0), K_NO_WAIT));
	zassert_false(K_TIMEOUT_EQ(K_TIMEOUT_ABS_TICKS(0), K_FOREVER));
	/* The most negative count is the farthest deadline, not the earliest. */
	zassert_true(K_TIMEOUT_EQ(Z_TIMEOUT_TICKS(INT64_MIN), K_TIMEOUT_ABS_TICKS(INT64_MAX - 1)));
}

/*
 * Busy-waits until the event log reads @expected, @us at most. With SMP the
 * timer interrupt that starts a thread may come on another CPU, whose wakeup
 * of this one can wait for QEMU's next turn of harts (docs/smp.md, "Tests"):
 * up to 100 ms more there.
 */
static void wait_for_events(const char *expected, uint32_t us)
{
	uint32_t waited = 0;

	if (IS_ENABLED(CONFIG_SMP)) {
		us += 100000;
	}
	while (strcmp(events_get(), expected) != 0 && waited < us) {
		k_busy_wait(50);
		waited += 50;
	}
}

ZTEST(timeout_abs, test_delayed_start) {
	int64_t deadline = k_uptime_ticks() + k_ms_to_ticks_ceil64(5);

	spawn_delayed(log_x, NULL, NULL, TEST_PRIO - 1, K_TIMEOUT_ABS_TICKS(deadline));
	k_busy_wait(4000);
	zassert_events("");
	wait_for_events("x", 1200);
	zassert_events("x");
	/* A deadline already past: the thread starts at once. */
	spawn_delayed(log_x, NULL, NULL, TEST_PRIO - 1, K_TIMEOUT_ABS_TICKS(0));
	wait_for_events("xx", 100);
	zassert_events("xx");
}

ZTEST(timeout_abs, test_timer_until_deadline) {
	int64_t deadline = k_uptime_ticks() + 50;

	k_timer_start(&timer, K_TIMEOUT_ABS_TICKS(deadline), K_NO_WAIT);
	zassert_equal(k_timer_expires_ticks(&timer), deadline);
	zassert_equal(k_timer_status_sync(&timer), 1);
	zassert_true(k_uptime_ticks() - deadline <= ONE_TICK, "woke at %lld for %lld",
		     k_uptime_ticks(), deadline);
	k_timer_start(&timer, K_TIMEOUT_ABS_TICKS(1), K_NO_WAIT);
	/*
	 * With SMP the expiry runs in hart 0's timer interrupt; under -icount
	 * a busy hart keeps its turn until the next deadline of the machine,
	 * at most a heartbeat away (CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US).
	 */
	k_busy_wait(IS_ENABLED(CONFIG_SMP) ? 1000 : 100);
	zassert_equal(k_timer_status_get(&timer), 1, "past: at once");
}

/* The thread's own timeout, read by another thread. */
ZTEST_USER(timeout_abs, test_thread_timeout_read_back) {
	zassert_equal(k_thread_timeout_remaining_ticks(sleeper), 0, "not started: none");
	/*
	 * No timeout: its expiry is the time of the call. Each reading here is
	 * checked against clock readings taken around it: on several harts
	 * under -icount, another hart's turn may pass ticks between any two.
	 */
	int64_t t0 = k_uptime_ticks();
	k_ticks_t none = k_thread_timeout_expires_ticks(sleeper);
	int64_t t1 = k_uptime_ticks();

	zassert_true(none >= t0 && none <= t1, "none: now (%lld, read between %lld and %lld)",
		     (long long)none, (long long)t0, (long long)t1);
	zassert_equal(k_thread_timeout_remaining_ticks(k_current_get()), 0, "running: none");
	k_thread_start(sleeper);
	zassert_equal(k_thread_timeout_expires_ticks(sleeper), 1000000, "its deadline exactly");
	t0 = k_uptime_ticks();
	k_ticks_t left = k_thread_timeout_remaining_ticks(sleeper);

	t1 = k_uptime_ticks();
	/* The deadline less the time of the call, rounded up by at most a tick. */
	zassert_true(left >= 1000000 - t1 && left <= 1000000 - t0 + 1,
		     "%lld left, read between %lld and %lld", (long long)left, (long long)t0,
		     (long long)t1);
	k_wakeup(sleeper);
	zassert_equal(k_thread_join(sleeper, K_MSEC(10)), 0, "woken: it ends");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
	zassert_equal(k_mutex_init(&held), 0);
	k_timer_init(&timer, NULL, NULL);
	holder = spawn(hold, NULL, NULL, TEST_PRIO - 1);
	/* Sleeps until tick 1000000 (100 s) once started; more urgent than the test. */
	sleeper = spawn_stopped(sleep_until, (void *)(uintptr_t)1000000, NULL, TEST_PRIO - 1);
	k_thread_access_grant(k_current_get(), &sem, &held, &timer, holder, sleeper);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_stop(&timer);
	test_cleanup();
}

ZTEST_SUITE(timeout_abs, NULL, NULL, before, after, NULL);
