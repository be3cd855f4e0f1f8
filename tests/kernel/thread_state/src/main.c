/*
 * base.thread_state through a thread's life, with the public _THREAD_* names:
 * created and not started, blocked (forever and with a timeout: exactly
 * _THREAD_PENDING, which Zephyr's suites compare against), sleeping,
 * suspended, ended.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static K_THREAD_STACK_DEFINE(stack, 1024);
static struct k_thread thread;
static K_SEM_DEFINE(never, 0, 1);

static void take_forever(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_sem_take(&never, *(k_timeout_t *)p1);
}

static void sleep_long(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_SECONDS(10));
}

static k_tid_t create(k_thread_entry_t entry, void *arg, k_timeout_t delay)
{
	/* More urgent than the test: it runs, and blocks, at once. */
	return k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), entry, arg, NULL, NULL,
			       K_PRIO_PREEMPT(0), 0, delay);
}

static void end(k_tid_t t)
{
	k_thread_abort(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_true((t->base.thread_state & _THREAD_DEAD) != 0U);
}

ZTEST(thread_state, test_prestart) {
	static k_timeout_t forever;

	forever = K_FOREVER;
	k_tid_t t = create(take_forever, &forever, K_FOREVER);

	zassert_equal(t->base.thread_state, _THREAD_PRESTART);
	end(t);
}

ZTEST(thread_state, test_pending_forever_and_with_timeout) {
	static k_timeout_t timeouts[2];

	timeouts[0] = K_FOREVER;
	timeouts[1] = K_SECONDS(10);
	for (size_t i = 0; i < ARRAY_SIZE(timeouts); i++) {
		k_tid_t t = create(take_forever, &timeouts[i], K_NO_WAIT);

		zassert_equal(t->base.thread_state, _THREAD_PENDING, "case %u: %x", (unsigned int)i,
			      t->base.thread_state);
		end(t);
	}
}

ZTEST(thread_state, test_sleeping_then_suspended) {
	k_tid_t t = create(sleep_long, NULL, K_NO_WAIT);

	zassert_equal(t->base.thread_state, _THREAD_SLEEPING);
	k_thread_suspend(t);
	zassert_true((t->base.thread_state & _THREAD_SUSPENDED) != 0U);
	k_thread_resume(t);
	zassert_true((t->base.thread_state & _THREAD_SUSPENDED) == 0U);
	end(t);
}

ZTEST(thread_state, test_running_thread_is_queued) {
	zassert_true((k_current_get()->base.thread_state & _THREAD_QUEUED) != 0U);
	zassert_true((k_current_get()->base.thread_state &
		      (_THREAD_PENDING | _THREAD_PRESTART | _THREAD_DEAD | _THREAD_SUSPENDED |
		       _THREAD_SLEEPING)) == 0U);
}

ZTEST_SUITE(thread_state, NULL, NULL, NULL, NULL, NULL);
