/*
 * k_condvar with k_mutex: a waiter releases the mutex and waits in one step
 * (a signal sent by the next owner is never lost), and holds the mutex again
 * when it returns, signalled or timed out; signal wakes the most urgent
 * waiter, broadcast all of them and says how many; waiting without the mutex
 * is refused at once.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define WAITERS    3
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

K_CONDVAR_DEFINE(defined_condvar);
K_MUTEX_DEFINE(mutex);
static struct k_condvar condvar;
static struct k_thread threads[WAITERS];
static K_THREAD_STACK_ARRAY_DEFINE(stacks, WAITERS, STACK_SIZE);
static volatile int ret[WAITERS];
static volatile int unlocked[WAITERS];
static volatile int order[WAITERS];
static volatile int woken;
static volatile bool ready;

/* Waits (for @ms, or for good) for the condition, then records what it saw. */
static void waiter(void *index, void *ms, void *p3)
{
	ARG_UNUSED(p3);
	int i = (int)(intptr_t)index;
	k_timeout_t timeout = (intptr_t)ms < 0 ? K_FOREVER : K_MSEC((intptr_t)ms);

	k_mutex_lock(&mutex, K_FOREVER);
	ret[i] = k_condvar_wait(&condvar, &mutex, timeout);
	order[woken++] = i;
	unlocked[i] = k_mutex_unlock(&mutex); /* 0 only if it held the mutex */
}

static void start_waiter(int i, int prio, int ms)
{
	ret[i] = 0xdead;
	unlocked[i] = 0xdead;
	k_thread_create(&threads[i], stacks[i], STACK_SIZE, waiter, (void *)(intptr_t)i,
			(void *)(intptr_t)ms, NULL, prio, 0, K_NO_WAIT);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_condvar_init(&condvar), 0);
	woken = 0;
	ready = false;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	for (int i = 0; i < WAITERS; i++) {
		k_thread_abort(&threads[i]);
	}
}

ZTEST_SUITE(condvar, NULL, NULL, before, after, NULL);

ZTEST(condvar, test_no_waiters) {
	zassert_equal(k_condvar_signal(&condvar), 0);
	zassert_equal(k_condvar_broadcast(&condvar), 0);
	zassert_equal(k_condvar_broadcast(&defined_condvar), 0);
}

ZTEST(condvar, test_signal_wakes_most_urgent_holding_mutex) {
	start_waiter(0, TEST_PRIO - 1, -1);
	start_waiter(1, TEST_PRIO - 2, -1);
	zassert_equal(ret[0], 0xdead);
	k_mutex_lock(&mutex, K_FOREVER);
	zassert_equal(k_condvar_signal(&condvar), 0);
	zassert_equal(ret[1], 0xdead, "the mutex is still the signaller's");
	k_mutex_unlock(&mutex);
	zassert_equal(k_thread_join(&threads[1], K_MSEC(10)), 0);
	zassert_equal(ret[1], 0);
	zassert_equal(unlocked[1], 0, "returned without the mutex");
	zassert_equal(ret[0], 0xdead, "one signal, one waiter");
	k_condvar_signal(&condvar);
	zassert_equal(k_thread_join(&threads[0], K_MSEC(10)), 0);
	zassert_equal(ret[0], 0);
	zassert_equal(unlocked[0], 0);
}

ZTEST(condvar, test_broadcast_wakes_all) {
	for (int i = 0; i < WAITERS; i++) {
		start_waiter(i, TEST_PRIO - 1 - i, -1);
	}
	zassert_equal(k_condvar_broadcast(&condvar), WAITERS);
	for (int i = 0; i < WAITERS; i++) {
		zassert_equal(k_thread_join(&threads[i], K_MSEC(10)), 0);
		zassert_equal(ret[i], 0);
		zassert_equal(unlocked[i], 0);
	}
	/* They take the mutex in turn, most urgent first. */
	zassert_equal(order[0], 2);
	zassert_equal(order[1], 1);
	zassert_equal(order[2], 0);
	zassert_equal(k_condvar_broadcast(&condvar), 0);
}

ZTEST(condvar, test_timeout_returns_holding_mutex) {
	int64_t start = k_uptime_get();

	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_condvar_wait(&condvar, &mutex, K_MSEC(5)), -EAGAIN);
	zassert_true(k_uptime_get() - start >= 5);
	zassert_equal(k_mutex_unlock(&mutex), 0, "held again after the timeout");
	zassert_equal(k_mutex_unlock(&mutex), -EINVAL, "held once");
}

/*
 * The signaller is more urgent and waits for the mutex: it runs the moment the
 * waiter releases it, and signals at once. Only a waiter already in the queue
 * by then gets that signal.
 */
static void urgent_signaller(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&mutex, K_FOREVER);
	ready = true;
	k_condvar_signal(&condvar);
	k_mutex_unlock(&mutex);
}

ZTEST(condvar, test_release_and_wait_are_one_step) {
	k_mutex_lock(&mutex, K_FOREVER);
	k_thread_create(&threads[0], stacks[0], STACK_SIZE, urgent_signaller, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	zassert_false(ready, "the signaller took a held mutex");
	zassert_equal(k_condvar_wait(&condvar, &mutex, K_MSEC(50)), 0, "the signal was lost");
	zassert_true(ready);
	zassert_equal(k_mutex_unlock(&mutex), 0);
}

ZTEST(condvar, test_wait_without_mutex_refused) {
	int64_t start = k_uptime_ticks();

	zassert_equal(k_condvar_wait(&condvar, &mutex, K_MSEC(5)), -EINVAL, "unlocked mutex");
	zassert_true(k_uptime_ticks() - start <= 1, "waited");
	zassert_equal(k_mutex_unlock(&mutex), -EINVAL, "the mutex was taken");
}

/* Held by another thread: -EPERM, and that thread keeps it. */
static void hold_mutex(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&mutex, K_FOREVER);
	k_sleep(K_FOREVER);
	k_mutex_unlock(&mutex);
}

ZTEST(condvar, test_wait_with_mutex_of_another_refused) {
	k_thread_create(&threads[0], stacks[0], STACK_SIZE, hold_mutex, NULL, NULL, NULL,
			TEST_PRIO - 1, 0, K_NO_WAIT);
	zassert_equal(k_condvar_wait(&condvar, &mutex, K_MSEC(5)), -EPERM);
	zassert_equal(mutex.owner, &threads[0], "the owner lost its mutex");
	k_wakeup(&threads[0]);
	zassert_equal(k_thread_join(&threads[0], K_MSEC(10)), 0);
}
