/*
 * Semaphores with waiting threads: gives from threads and from an ISR, the
 * order in which many waiters are served (priority, then arrival), one waiter
 * per give, and the direct hand-off of a given unit to the woken waiter.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY

static struct k_sem sem;
static volatile int isr_take_ret[2];

static void take_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	if (k_sem_take(&sem, K_FOREVER) == 0) {
		event(ARG_LETTER(p1));
	}
}

/* Waits @p2 ms first, so that the order of arrival differs from creation. */
static void sleep_take_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	k_msleep((int32_t)(uintptr_t)p2);
	take_then_log(p1, NULL, NULL);
}

static void give_sem_in_isr(void)
{
	event('i');
	k_sem_give(&sem);
}

static void take_twice_in_isr(void)
{
	isr_take_ret[0] = k_sem_take(&sem, K_NO_WAIT);
	isr_take_ret[1] = k_sem_take(&sem, K_NO_WAIT);
}

ZTEST(sem_waiters, test_give_wakes_urgent_waiter_at_once) {
	spawn(take_then_log, LETTER_ARG('H'), NULL, TEST_PRIO - 1);
	event('a');
	k_sem_give(&sem);
	event('b');
	zassert_events("aHb");
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_waiters, test_give_hands_unit_to_waiter) {
	spawn(take_then_log, LETTER_ARG('L'), NULL, TEST_PRIO + 1);
	k_msleep(1);
	k_sem_give(&sem);
	/* The unit went to the waiter, though it has not run yet. */
	zassert_equal(k_sem_count_get(&sem), 0);
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), -EBUSY);
	zassert_events("");
	k_msleep(1);
	zassert_events("L");
}

ZTEST(sem_waiters, test_isr_give_runs_urgent_waiter_after_isr) {
	spawn(take_then_log, LETTER_ARG('H'), NULL, TEST_PRIO - 1);
	event('a');
	run_in_isr(give_sem_in_isr);
	event('b');
	zassert_events("aiHb");
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_waiters, test_isr_give_less_urgent_waiter_waits) {
	spawn(take_then_log, LETTER_ARG('L'), NULL, TEST_PRIO + 1);
	k_msleep(1);
	run_in_isr(give_sem_in_isr);
	event('b');
	k_msleep(1);
	zassert_events("ibL");
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_waiters, test_isr_give_without_waiter_counts) {
	run_in_isr(give_sem_in_isr);
	run_in_isr(give_sem_in_isr);
	zassert_equal(k_sem_count_get(&sem), 2);
	zassert_events("ii");
}

ZTEST(sem_waiters, test_isr_take_no_wait) {
	k_sem_give(&sem);
	isr_take_ret[0] = isr_take_ret[1] = 1;
	run_in_isr(take_twice_in_isr);
	zassert_equal(isr_take_ret[0], 0);
	zassert_equal(isr_take_ret[1], -EBUSY);
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_waiters, test_many_waiters_priority_then_fifo) {
	static const int prios[] = { 5, 3, 7, 3, 5, 2, 7, 3 };
	const unsigned int n = ARRAY_SIZE(prios);

	/* Thread i (letter 'A' + i) starts waiting after n - i ms: H first, A last. */
	for (unsigned int i = 0; i < n; i++) {
		spawn(sleep_take_then_log, LETTER_ARG('A' + i), (void *)(uintptr_t)(n - i),
		      TEST_PRIO + prios[i]);
	}
	k_msleep(n + 1);
	zassert_events("");

	/* Each give wakes exactly one waiter and leaves the count at 0. */
	static const char expected[] = "FHDBEAGC";

	for (unsigned int i = 0; i < n; i++) {
		k_sem_give(&sem);
		zassert_equal(k_sem_count_get(&sem), 0);
		k_msleep(1);
		zassert_equal(strlen(events_get()), i + 1U, "after give %u: \"%s\"", i,
			      events_get());
		zassert_equal(events_get()[i], expected[i], "after give %u: \"%s\"", i,
			      events_get());
	}
	zassert_events(expected);

	/* No waiter left: the next gives count up. */
	k_sem_give(&sem);
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 2);
}

ZTEST(sem_waiters, test_many_gives_while_waiters_not_run) {
	spawn(take_then_log, LETTER_ARG('A'), NULL, TEST_PRIO + 2);
	spawn(take_then_log, LETTER_ARG('B'), NULL, TEST_PRIO + 1);
	spawn(take_then_log, LETTER_ARG('C'), NULL, TEST_PRIO + 3);
	k_msleep(1);
	/* Four gives, three waiters: three woken, one unit counted. */
	for (int i = 0; i < 4; i++) {
		k_sem_give(&sem);
	}
	zassert_equal(k_sem_count_get(&sem), 1);
	k_msleep(1);
	zassert_events("BAC");
}

ZTEST(sem_waiters, test_waiter_timeout_leaves_queue) {
	/* The urgent waiter gives up; a later give goes to the remaining one. */
	static volatile int ret;

	spawn(take_then_log, LETTER_ARG('L'), NULL, TEST_PRIO + 2);
	k_msleep(1);
	ret = k_sem_take(&sem, K_MSEC(5));
	zassert_equal(ret, -EAGAIN);
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 0);
	k_msleep(1);
	zassert_events("L");
}

/*
 * The tests check the order in which woken waiters run: with SMP, the other
 * CPUs are held meanwhile, or two waiters woken one after the other could
 * log in either order on two CPUs (sem_basic runs on all of them).
 */
static void before(void *fixture)
{
	ztest_simple_1cpu_before(fixture);
	zassert_equal(k_sem_init(&sem, 0, 10), 0);
}

static void after(void *fixture)
{
	test_cleanup();
	ztest_simple_1cpu_after(fixture);
}

ZTEST_SUITE(sem_waiters, NULL, NULL, before, after, NULL);
