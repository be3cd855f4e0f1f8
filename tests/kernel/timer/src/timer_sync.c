/*
 * k_timer with threads: k_timer_status_sync() waits for an expiry or a stop,
 * returns at once when the status is non-zero or the timer stopped; a stop
 * wakes every waiter; an expiry function hands work to a thread.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define WAITERS    2
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

static struct k_timer timer;
static struct k_thread waiters[WAITERS];
static K_THREAD_STACK_ARRAY_DEFINE(waiter_stacks, WAITERS, STACK_SIZE);
static volatile uint32_t got[WAITERS];

static void waiter(void *index, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	got[(intptr_t)index] = k_timer_status_sync(&timer);
}

/* More urgent than the test thread: it is waiting when this returns. */
static void start_waiter(int i)
{
	got[i] = 0xdead;
	k_thread_create(&waiters[i], waiter_stacks[i], STACK_SIZE, waiter, (void *)(intptr_t)i,
			NULL, NULL, TEST_PRIO - 1, 0, K_NO_WAIT);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_init(&timer, NULL, NULL);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_timer_stop(&timer);
	for (int i = 0; i < WAITERS; i++) {
		k_thread_abort(&waiters[i]);
	}
}

ZTEST_SUITE(timer_sync, NULL, NULL, before, after, NULL);

ZTEST(timer_sync, test_sync_waits_for_expiry) {
	int64_t start = k_uptime_get();

	k_timer_start(&timer, K_MSEC(10), K_NO_WAIT);
	zassert_equal(k_timer_status_sync(&timer), 1);
	zassert_true(k_uptime_get() - start >= 10);
	zassert_equal(k_timer_status_get(&timer), 0, "sync resets the status");
}

ZTEST(timer_sync, test_sync_returns_count_at_once) {
	k_timer_start(&timer, K_MSEC(1), K_MSEC(1));
	k_busy_wait(3500);
	int64_t start = k_uptime_ticks();
	uint32_t count = k_timer_status_sync(&timer);

	zassert_equal(count, 3, "%u expiries in 3.5 ms", count);
	/*
	 * Did not wait for the next expiry, 0.5 ms on (not "no tick passed":
	 * with SMP another CPU's turn may take a tick).
	 */
	zassert_true(k_uptime_ticks() - start < k_us_to_ticks_ceil64(500), "did not wait");
	zassert_equal(k_timer_status_sync(&timer), 1, "then waits for the next one");
}

ZTEST(timer_sync, test_sync_on_stopped_timer_returns_at_once) {
	zassert_equal(k_timer_status_sync(&timer), 0, "never started");
	k_timer_start(&timer, K_MSEC(1), K_NO_WAIT);
	k_msleep(2);
	zassert_equal(k_timer_status_sync(&timer), 1, "expired: the count");
	zassert_equal(k_timer_status_sync(&timer), 0, "one-shot, expired: stopped");
}

ZTEST(timer_sync, test_stop_wakes_every_waiter) {
	k_timer_start(&timer, K_MSEC(100), K_NO_WAIT);
	start_waiter(0);
	start_waiter(1);
	zassert_equal(got[0], 0xdead);
	k_timer_stop(&timer);
	for (int i = 0; i < WAITERS; i++) {
		zassert_equal(k_thread_join(&waiters[i], K_MSEC(10)), 0, "waiter %d still waits",
			      i);
		zassert_equal(got[i], 0, "stopped, no expiry");
	}
}

ZTEST(timer_sync, test_expiry_wakes_waiter) {
	k_timer_start(&timer, K_MSEC(5), K_NO_WAIT);
	start_waiter(0);
	zassert_equal(got[0], 0xdead);
	zassert_equal(k_thread_join(&waiters[0], K_MSEC(10)), 0);
	zassert_equal(got[0], 1);
}

/* Work handed from the interrupt to a thread. */
static K_SEM_DEFINE(tick_sem, 0, 10);

static void give_tick(struct k_timer *t)
{
	ARG_UNUSED(t);
	k_sem_give(&tick_sem);
}

ZTEST(timer_sync, test_expiry_function_gives_semaphore) {
	k_timer_init(&timer, give_tick, NULL);
	k_timer_start(&timer, K_MSEC(2), K_MSEC(2));
	for (int i = 0; i < 4; i++) {
		zassert_equal(k_sem_take(&tick_sem, K_MSEC(5)), 0, "tick %d", i);
	}
	k_timer_stop(&timer);
	zassert_equal(k_sem_take(&tick_sem, K_MSEC(5)), -EAGAIN, "stopped: no more ticks");
}
