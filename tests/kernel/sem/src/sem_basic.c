/*
 * Semaphore basics without contention: k_sem_init() argument checks,
 * K_SEM_DEFINE, give/take and the count, saturation at the limit, K_NO_WAIT,
 * timeouts (exact to the tick) and k_sem_reset().
 */
#include "test_util.h"

static struct k_sem sem;

K_SEM_DEFINE(static_sem, 2, 3);

ZTEST(sem_basic, test_init_rejects_zero_limit) {
	zassert_equal(k_sem_init(&sem, 0, 0), -EINVAL);
}

ZTEST(sem_basic, test_init_rejects_initial_above_limit) {
	zassert_equal(k_sem_init(&sem, 2, 1), -EINVAL);
	zassert_equal(k_sem_init(&sem, K_SEM_MAX_LIMIT, K_SEM_MAX_LIMIT - 1), -EINVAL);
}

ZTEST(sem_basic, test_init_valid) {
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
	zassert_equal(k_sem_count_get(&sem), 0);
	zassert_equal(k_sem_init(&sem, 1, 1), 0);
	zassert_equal(k_sem_count_get(&sem), 1);
	zassert_equal(k_sem_init(&sem, 7, K_SEM_MAX_LIMIT), 0);
	zassert_equal(k_sem_count_get(&sem), 7);
}

ZTEST(sem_basic, test_static_define) {
	zassert_equal(k_sem_count_get(&static_sem), 2);
	zassert_equal(k_sem_take(&static_sem, K_NO_WAIT), 0);
	zassert_equal(k_sem_take(&static_sem, K_NO_WAIT), 0);
	zassert_equal(k_sem_take(&static_sem, K_NO_WAIT), -EBUSY);
	for (int i = 0; i < 5; i++) {
		k_sem_give(&static_sem);
	}
	zassert_equal(k_sem_count_get(&static_sem), 3, "limit of K_SEM_DEFINE ignored");
}

ZTEST(sem_basic, test_give_take_count) {
	zassert_equal(k_sem_init(&sem, 0, 5), 0);
	for (unsigned int i = 1; i <= 3; i++) {
		k_sem_give(&sem);
		zassert_equal(k_sem_count_get(&sem), i);
	}
	for (unsigned int i = 3; i > 0; i--) {
		zassert_equal(k_sem_take(&sem, K_NO_WAIT), 0);
		zassert_equal(k_sem_count_get(&sem), i - 1U);
	}
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), -EBUSY);
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_basic, test_count_saturates_at_limit) {
	zassert_equal(k_sem_init(&sem, 1, 3), 0);
	for (int i = 0; i < 10; i++) {
		k_sem_give(&sem);
	}
	zassert_equal(k_sem_count_get(&sem), 3);
	for (int i = 0; i < 3; i++) {
		zassert_equal(k_sem_take(&sem, K_NO_WAIT), 0);
	}
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), -EBUSY);
}

ZTEST(sem_basic, test_take_forever_available) {
	zassert_equal(k_sem_init(&sem, 1, 1), 0);
	zassert_equal(k_sem_take(&sem, K_FOREVER), 0);
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_basic, test_take_timeout_expires) {
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
	uint32_t start = k_cycle_get_32();
	int ret = k_sem_take(&sem, K_MSEC(30));
	uint32_t waited = k_cycle_get_32() - start;

	zassert_equal(ret, -EAGAIN);
	/* Tickless and exact: 30 ms after the call, plus the cost of the switches. */
	zassert_true(waited >= MS_TO_CYC(30) && waited < MS_TO_CYC(30) + MS_TO_CYC(1) / 20U,
		     "waited %u cycles", (unsigned int)waited);
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_basic, test_take_timeout_in_ticks) {
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
	uint32_t start = k_cycle_get_32();

	zassert_equal(k_sem_take(&sem, K_TICKS(7)), -EAGAIN);
	uint32_t waited = k_cycle_get_32() - start;
	uint32_t cyc_per_tick = CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC;

	zassert_true(waited >= 7U * cyc_per_tick && waited < 7U * cyc_per_tick + cyc_per_tick / 2U,
		     "waited %u cycles", (unsigned int)waited);
}

static void give_after_10ms(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(10);
	k_sem_give(p1);
}

ZTEST(sem_basic, test_take_timeout_given_in_time) {
	zassert_equal(k_sem_init(&sem, 0, 1), 0);
	uint32_t start = k_cycle_get_32();

	spawn(give_after_10ms, &sem, NULL, CONFIG_ZTEST_THREAD_PRIORITY + 1);
	int ret = k_sem_take(&sem, K_MSEC(30));
	uint32_t waited = k_cycle_get_32() - start;

	zassert_equal(ret, 0);
	zassert_true(waited >= MS_TO_CYC(10) && waited < MS_TO_CYC(11), "waited %u cycles",
		     (unsigned int)waited);
	zassert_equal(k_sem_count_get(&sem), 0);
}

ZTEST(sem_basic, test_reset_zeroes_count) {
	zassert_equal(k_sem_init(&sem, 3, 5), 0);
	k_sem_reset(&sem);
	zassert_equal(k_sem_count_get(&sem), 0);
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), -EBUSY);
	k_sem_give(&sem);
	zassert_equal(k_sem_count_get(&sem), 1);
}

static volatile int take_ret[2];

static void take_and_record(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	int slot = (int)(uintptr_t)p2;

	take_ret[slot] = k_sem_take(p1, K_FOREVER);
	event((char)('A' + slot));
}

ZTEST(sem_basic, test_reset_wakes_waiters) {
	zassert_equal(k_sem_init(&sem, 0, 5), 0);
	take_ret[0] = take_ret[1] = 1;
	/* One waiter less urgent than this thread, one more urgent. */
	spawn(take_and_record, &sem, (void *)0, CONFIG_ZTEST_THREAD_PRIORITY + 1);
	spawn(take_and_record, &sem, (void *)1, CONFIG_ZTEST_THREAD_PRIORITY - 1);
	k_msleep(1);
	event('r');
	k_sem_reset(&sem);
	event('s');
	k_msleep(1);
	/* The urgent waiter runs as soon as the reset wakes it. */
	zassert_events("rBsA");
	zassert_equal(take_ret[0], -EAGAIN);
	zassert_equal(take_ret[1], -EAGAIN);
	zassert_equal(k_sem_count_get(&sem), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sem_basic, NULL, NULL, NULL, after, NULL);
