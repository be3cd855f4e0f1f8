/*
 * ztress: contexts run until their counts are met, the least urgent thread is
 * preempted by the others, a timer context runs in interrupt context, a
 * handler returning false stops its context, the timeout and ztress_abort()
 * end a test early, each handler's last call says so, and a configuration
 * without threads, with too many or without a handler is refused.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztress.h>

#define CONTEXTS 3

static uint32_t calls[CONTEXTS];
static uint32_t last_calls[CONTEXTS];
static bool in_isr[CONTEXTS];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	memset(calls, 0, sizeof(calls));
	memset(last_calls, 0, sizeof(last_calls));
	memset(in_isr, 0, sizeof(in_isr));
	ztress_set_timeout(K_MSEC(2000));
}

ZTEST_SUITE(ztress, NULL, NULL, before, NULL, NULL);

/* Counts its calls in slot user_data, busy for a little while (so it can be preempted). */
static bool count(void *user_data, uint32_t cnt, bool last, int prio)
{
	uintptr_t slot = (uintptr_t)user_data;

	ARG_UNUSED(prio);
	zassert_equal(cnt, calls[slot] + last_calls[slot], "cnt counts every call");
	if (last) {
		last_calls[slot]++;
	} else {
		calls[slot]++;
	}
	in_isr[slot] = in_isr[slot] || k_is_in_isr();
	k_busy_wait(50);
	return true;
}

ZTEST(ztress, test_counts_are_met) {
	ZTRESS_EXECUTE(ZTRESS_THREAD(count, (void *)0, 20, 0, Z_TIMEOUT_TICKS(5)),
		       ZTRESS_THREAD(count, (void *)1, 30, 0, Z_TIMEOUT_TICKS(5)));
	zassert_true(calls[0] >= 20 && calls[1] >= 30, "%u %u", calls[0], calls[1]);
	zassert_true(ztress_exec_count(0) >= 20);
	zassert_equal(ztress_exec_count(0), (int)(calls[0] + last_calls[0]));
	zassert_equal(last_calls[0], 1U, "one last call each");
	zassert_equal(last_calls[1], 1U);
	zassert_equal(ztress_exec_count(2), -EINVAL, "no such context");
	zassert_equal(ztress_optimized_ticks(1), 5U);
}

ZTEST(ztress, test_the_least_urgent_is_preempted) {
	ZTRESS_EXECUTE(ZTRESS_THREAD(count, (void *)0, 0, 0, Z_TIMEOUT_TICKS(3)),
		       ZTRESS_THREAD(count, (void *)1, 0, 50, Z_TIMEOUT_TICKS(3)));
	zassert_true(ztress_preempt_count(1) >= 50, "%d", ztress_preempt_count(1));
	zassert_equal(ztress_preempt_count(0), 0, "nothing preempts the most urgent");
}

ZTEST(ztress, test_timer_context_runs_in_interrupts) {
	ZTRESS_EXECUTE(ZTRESS_TIMER(count, (void *)2, 10, Z_TIMEOUT_TICKS(4)),
		       ZTRESS_THREAD(count, (void *)0, 10, 0, Z_TIMEOUT_TICKS(4)));
	zassert_true(calls[2] >= 10);
	zassert_true(in_isr[2], "the timer context runs in the timer's interrupt");
	zassert_false(in_isr[0]);
	zassert_true(ztress_exec_count(0) >= 10, "id 0 is the timer context");
	zassert_true(ztress_exec_count(1) >= 10, "then the threads");
}

static bool stop_at_five(void *user_data, uint32_t cnt, bool last, int prio)
{
	count(user_data, cnt, last, prio);
	return cnt < 4;
}

ZTEST(ztress, test_false_stops_a_context) {
	ZTRESS_EXECUTE(ZTRESS_THREAD(stop_at_five, (void *)0, 0, 0, Z_TIMEOUT_TICKS(2)),
		       ZTRESS_THREAD(count, (void *)1, 200, 0, Z_TIMEOUT_TICKS(2)));
	zassert_equal(calls[0], 5U, "stopped after its fifth call");
	zassert_equal(last_calls[0], 0U, "a stopped context gets no last call");
	zassert_true(calls[1] >= 200);
}

ZTEST(ztress, test_timeout_ends_the_test) {
	ztress_set_timeout(K_MSEC(50));
	int64_t start = k_uptime_get();

	ZTRESS_EXECUTE(ZTRESS_THREAD(count, (void *)0, 0, 0, Z_TIMEOUT_TICKS(10)),
		       ZTRESS_THREAD(count, (void *)1, UINT32_MAX, 0, Z_TIMEOUT_TICKS(10)));
	zassert_between_inclusive(k_uptime_get() - start, 50, 60);
	zassert_equal(last_calls[0], 1U);
}

static bool abort_at_ten(void *user_data, uint32_t cnt, bool last, int prio)
{
	count(user_data, cnt, last, prio);
	if (cnt == 9) {
		ztress_abort();
	}
	return true;
}

ZTEST(ztress, test_abort) {
	ZTRESS_EXECUTE(ZTRESS_THREAD(abort_at_ten, (void *)0, 0, 0, Z_TIMEOUT_TICKS(1)),
		       ZTRESS_THREAD(count, (void *)1, UINT32_MAX, 0, Z_TIMEOUT_TICKS(1)));
	zassert_equal(calls[0], 10U);
}

ZTEST(ztress, test_bad_configurations) {
	struct ztress_context_data ok = ZTRESS_CONTEXT_INITIALIZER(count, NULL, 1, 0, K_NO_WAIT);
	struct ztress_context_data none = ZTRESS_CONTEXT_INITIALIZER(NULL, NULL, 1, 0, K_NO_WAIT);
	struct ztress_context_data many[CONFIG_ZTRESS_MAX_THREADS + 1];

	for (size_t i = 0; i < ARRAY_SIZE(many); i++) {
		many[i] = ok;
	}
	zassert_equal(ztress_execute(NULL, &ok, 0), -EINVAL, "no thread context");
	zassert_equal(ztress_execute(NULL, many, ARRAY_SIZE(many)), -EINVAL, "too many");
	zassert_equal(ztress_execute(NULL, &none, 1), -EINVAL, "no handler");
	zassert_equal(ztress_execute(&none, &ok, 1), -EINVAL, "a timer without a handler");
	zassert_equal(calls[0], 0U, "nothing ran");
}
