/*
 * k_thread_join(): its return codes (0, -EBUSY, -EAGAIN, -EDEADLK), how long
 * it waits, several joiners on one thread, joiners released by an abort, and
 * reuse of a joined thread's storage (struct k_thread and stack) for a new
 * thread.
 */
#include <string.h>
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

static volatile int runs;
static int64_t end_tick;

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	runs = 0;
	end_tick = 0;
}

/* Sleep p1 ticks, then record the end. */
static void sleep_ticks(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_TICKS((intptr_t)p1));
	end_tick = k_uptime_ticks();
	runs++;
}

ZTEST(join, test_join_no_wait_running_is_ebusy) {
	/* Ready, not yet run. */
	k_tid_t tid = spawn(0, sleep_ticks, (void *)10, NULL, NULL, 5, K_NO_WAIT);

	zassert_equal(k_thread_join(tid, K_NO_WAIT), -EBUSY);
	/* Sleeping. */
	k_sleep(K_TICKS(1));
	zassert_equal(runs, 0);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), -EBUSY);
	zassert_equal(k_thread_join(tid, K_FOREVER), 0);
	zassert_equal(runs, 1);
}

ZTEST(join, test_join_timeout_is_eagain) {
	/* t0 is taken before the worker arms its sleep, so its end is >= t0 + 500. */
	int64_t t0 = k_uptime_ticks();
	k_tid_t tid = spawn(0, sleep_ticks, (void *)500, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(k_thread_join(tid, K_MSEC(5)), -EAGAIN);
	zassert_between_inclusive(k_uptime_ticks() - t0, 50, 51, "the join timed out after %lld",
				  k_uptime_ticks() - t0);
	zassert_equal(runs, 0);

	/* A later join with room to spare returns as soon as the thread ends. */
	zassert_equal(k_thread_join(tid, K_MSEC(100)), 0);
	zassert_equal(runs, 1);
	zassert_between_inclusive(k_uptime_ticks() - t0, 500, 501);
}

ZTEST(join, test_join_unstarted_thread_times_out) {
	k_tid_t tid = spawn(0, sleep_ticks, (void *)1, NULL, NULL, K_PRIO_COOP(1), K_FOREVER);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_thread_join(tid, K_TICKS(25)), -EAGAIN);
	zassert_between_inclusive(k_uptime_ticks() - t0, 25, 26);
	/* A join does not start it, and once started it can be joined. */
	zassert_equal(runs, 0);
	k_thread_start(tid);
	zassert_equal(k_thread_join(tid, K_MSEC(1)), 0);
	zassert_equal(runs, 1);
}

ZTEST(join, test_join_returns_when_thread_ends) {
	int64_t t0 = k_uptime_ticks();
	k_tid_t tid = spawn(0, sleep_ticks, (void *)30, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(k_thread_join(tid, K_FOREVER), 0);
	zassert_between_inclusive(k_uptime_ticks() - t0, 30, 31);
	zassert_true(k_uptime_ticks() >= end_tick);
}

ZTEST(join, test_join_self_is_edeadlk) {
	zassert_equal(k_thread_join(k_current_get(), K_FOREVER), -EDEADLK);
	zassert_equal(k_thread_join(k_current_get(), K_MSEC(1)), -EDEADLK);
}

/* Mutual join: p1 is the thread to join, the result goes to *p2. */
static void join_other(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	*(volatile int *)p2 = k_thread_join((struct k_thread *)p1, K_FOREVER);
}

ZTEST(join, test_mutual_join_is_edeadlk) {
	static volatile int ret_a = 1, ret_b = 1;

	/* a (priority 3) runs first and blocks joining b; b then tries to join a. */
	k_tid_t a = spawn(0, join_other, &workers[1], (void *)&ret_a, NULL, 3, K_FOREVER);
	k_tid_t b = spawn(1, join_other, &workers[0], (void *)&ret_b, NULL, 4, K_FOREVER);

	k_thread_start(a);
	k_thread_start(b);
	zassert_equal(k_thread_join(a, K_MSEC(10)), 0);
	zassert_equal(k_thread_join(b, K_MSEC(10)), 0);
	zassert_equal(ret_b, -EDEADLK, "the second join of a cycle must fail");
	zassert_equal(ret_a, 0, "the first joiner must be released when b ends");
}

static char release_order[4];
static volatile int released;
static volatile int join_ret[4];

/* Join workers[0]; p1 is the joiner's index, p2 the timeout in ticks (0: forever). */
static void joiner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	int i = (int)(intptr_t)p1;
	k_timeout_t timeout = p2 == NULL ? K_FOREVER : K_TICKS((intptr_t)p2);

	join_ret[i] = k_thread_join(&workers[0], timeout);
	release_order[released++] = (char)('0' + i);
}

ZTEST(join, test_several_joiners_released) {
	released = 0;
	memset(release_order, 0, sizeof(release_order));
	spawn(0, sleep_ticks, (void *)20, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	/* Created least urgent first: wake order must follow priority, not arrival. */
	spawn(3, joiner, (void *)3, NULL, NULL, K_PRIO_COOP(4), K_NO_WAIT);
	spawn(2, joiner, (void *)2, (void *)1000, NULL, K_PRIO_COOP(3), K_NO_WAIT);
	spawn(1, joiner, (void *)1, NULL, NULL, K_PRIO_COOP(2), K_NO_WAIT);
	zassert_equal(released, 0);

	k_msleep(5);
	zassert_equal(runs, 1);
	zassert_equal(released, 3, "only %d of 3 joiners were released", released);
	zassert_mem_equal(release_order, "123", 3, "release order %s", release_order);
	for (int i = 1; i <= 3; i++) {
		zassert_equal(join_ret[i], 0, "joiner %d got %d", i, join_ret[i]);
	}
}

static void wait_forever(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_FOREVER);
	runs++;
}

ZTEST(join, test_abort_releases_joiners) {
	released = 0;
	memset(release_order, 0, sizeof(release_order));
	spawn(0, wait_forever, NULL, NULL, NULL, 5, K_NO_WAIT);
	spawn(1, joiner, (void *)1, NULL, NULL, K_PRIO_COOP(2), K_NO_WAIT);
	spawn(2, joiner, (void *)2, (void *)100000, NULL, K_PRIO_COOP(2), K_NO_WAIT);
	zassert_equal(released, 0);

	k_thread_abort(&workers[0]);
	/* Cooperative joiners ran inside k_thread_abort(), first come first served. */
	zassert_equal(released, 2);
	zassert_mem_equal(release_order, "12", 2);
	zassert_equal(join_ret[1], 0);
	zassert_equal(join_ret[2], 0);
	zassert_equal(runs, 0);
}

ZTEST(join, test_abort_of_a_joiner) {
	released = 0;
	spawn(0, sleep_ticks, (void *)20, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	spawn(1, joiner, (void *)1, NULL, NULL, K_PRIO_COOP(2), K_NO_WAIT);

	/* The aborted joiner leaves the join queue; the target ends normally. */
	k_thread_abort(&workers[1]);
	zassert_equal(k_thread_join(&workers[0], K_MSEC(10)), 0);
	zassert_equal(runs, 1);
	zassert_equal(released, 0, "an aborted joiner was released");
}

/* Record p1 in the slot p2 points to, then sleep p3 ticks. */
static void tag_and_sleep(void *p1, void *p2, void *p3)
{
	*(volatile intptr_t *)p2 = (intptr_t)p1;
	k_sleep(K_TICKS((intptr_t)p3));
	runs++;
}

ZTEST(join, test_reuse_storage_after_join) {
	static volatile intptr_t tag;

	for (intptr_t round = 1; round <= 4; round++) {
		int prio = (round % 2) ? K_PRIO_COOP(1) : 5;
		int64_t t0 = k_uptime_ticks();
		k_tid_t tid = spawn(0, tag_and_sleep, (void *)(round * 111), (void *)&tag,
				    (void *)round, prio, K_NO_WAIT);

		zassert_equal(k_thread_join(tid, K_MSEC(10)), 0, "round %d", (int)round);
		zassert_equal(tag, round * 111, "round %d ran the wrong entry or params",
			      (int)round);
		zassert_equal(runs, round);
		zassert_equal(k_thread_priority_get(tid), prio);
		zassert_between_inclusive(k_uptime_ticks() - t0, round, round + 1);
	}

	/* Reuse after an abort, too: the aborted sleep's timeout must be gone. */
	spawn(0, tag_and_sleep, (void *)7, (void *)&tag, (void *)1000, K_PRIO_COOP(1), K_NO_WAIT);
	k_thread_abort(&workers[0]);
	int64_t t0 = k_uptime_ticks();
	k_tid_t tid =
	    spawn(0, tag_and_sleep, (void *)8, (void *)&tag, (void *)20, K_PRIO_COOP(1), K_NO_WAIT);

	zassert_equal(k_thread_join(tid, K_MSEC(10)), 0);
	zassert_equal(tag, 8);
	zassert_between_inclusive(k_uptime_ticks() - t0, 20, 21);
}

ZTEST_SUITE(join, NULL, NULL, reset, reap_workers_after, NULL);
