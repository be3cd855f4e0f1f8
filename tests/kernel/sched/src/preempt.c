/*
 * Preemptible threads: a more urgent thread takes the CPU at once, whether a
 * thread or an interrupt made it ready; a thread of equal priority does not
 * (it waits for a yield, a block or the end of the time slice). Among equal
 * priorities threads run in the order they became ready, and k_yield() sends
 * the caller behind its peers.
 *
 * The test thread runs at CONFIG_ZTEST_THREAD_PRIORITY (1).
 */
#include "test_util.h"

#define TEST_PRIO   CONFIG_ZTEST_THREAD_PRIORITY
#define URGENT_PRIO (TEST_PRIO - 1)
#define LESS_PRIO   (TEST_PRIO + 1)

static struct k_sem wake_sem;
static volatile uint32_t wake_cycles;

static void log_letter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event(ARG_LETTER(p1));
}

static void take_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	k_sem_take(p2, K_FOREVER);
	event(ARG_LETTER(p1));
}

static void sleep_2ms_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(2);
	wake_cycles = k_cycle_get_32();
	event(ARG_LETTER(p1));
}

static void log_and_yield_3_times(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (int i = 0; i < 3; i++) {
		event(ARG_LETTER(p1));
		k_yield();
	}
}

static void give_wake_sem(void)
{
	event('i');
	k_sem_give(&wake_sem);
}

ZTEST(sched_preempt, test_preempted_by_created_thread) {
	zassert_true(k_is_preempt_thread());
	event('a');
	spawn(log_letter, LETTER_ARG('H'), NULL, URGENT_PRIO);
	event('b');
	zassert_events("aHb");
}

ZTEST(sched_preempt, test_preempted_by_sem_give) {
	spawn(take_then_log, LETTER_ARG('H'), &wake_sem, URGENT_PRIO);
	event('a');
	k_sem_give(&wake_sem);
	event('b');
	zassert_events("aHb");
}

ZTEST(sched_preempt, test_preempted_by_resume) {
	k_tid_t h = spawn_stopped(log_letter, LETTER_ARG('H'), NULL, URGENT_PRIO);

	k_thread_start(h);
	event('a');
	zassert_events("Ha");
}

ZTEST(sched_preempt, test_preempted_at_isr_exit) {
	spawn(take_then_log, LETTER_ARG('H'), &wake_sem, URGENT_PRIO);
	event('a');
	run_in_isr(give_wake_sem);
	event('b');
	zassert_events("aiHb");
}

ZTEST(sched_preempt, test_preempted_by_timer_wakeup) {
	uint32_t start = k_cycle_get_32();

	spawn(sleep_2ms_then_log, LETTER_ARG('H'), NULL, URGENT_PRIO);

	k_busy_wait(5000);
	event('a');
	zassert_events("Ha");
	/* It ran right when its sleep ended, in the middle of the busy wait. */
	uint32_t late = wake_cycles - start - MS_TO_CYC(2);

	zassert_true(late < MS_TO_CYC(1) / 20U, "woke %u cycles late", (unsigned int)late);
}

ZTEST(sched_preempt, test_equal_prio_created_thread_waits) {
	spawn(log_letter, LETTER_ARG('B'), NULL, TEST_PRIO);
	event('a');
	k_busy_wait(1000);
	event('b');
	k_yield();
	event('c');
	zassert_events("abBc");
}

ZTEST(sched_preempt, test_equal_prio_woken_thread_waits) {
	spawn(take_then_log, LETTER_ARG('B'), &wake_sem, TEST_PRIO);
	spawn(take_then_log, LETTER_ARG('C'), &wake_sem, TEST_PRIO);
	k_msleep(1);           /* let both block on the semaphore */
	k_sem_give(&wake_sem); /* wakes B */
	event('a');
	run_in_isr(give_wake_sem); /* wakes C */
	event('b');
	k_yield();
	event('c');
	zassert_events("aibBCc");
}

ZTEST(sched_preempt, test_less_urgent_thread_waits) {
	spawn(log_letter, LETTER_ARG('L'), NULL, LESS_PRIO);
	event('a');
	k_yield();
	event('b');
	k_msleep(1);
	event('c');
	zassert_events("abLc");
}

ZTEST(sched_preempt, test_fifo_in_ready_order) {
	k_tid_t a = spawn_stopped(log_letter, LETTER_ARG('A'), NULL, LESS_PRIO);
	k_tid_t b = spawn_stopped(log_letter, LETTER_ARG('B'), NULL, LESS_PRIO);
	k_tid_t c = spawn_stopped(log_letter, LETTER_ARG('C'), NULL, LESS_PRIO);

	/* Made ready in the order C, A, B: they must run in that order. */
	k_thread_start(c);
	k_thread_start(a);
	k_thread_start(b);
	join_all();
	zassert_events("CAB");
}

ZTEST(sched_preempt, test_fifo_after_wakeup) {
	/* All three block in creation order A, B, C. */
	spawn(take_then_log, LETTER_ARG('A'), &wake_sem, LESS_PRIO);
	spawn(take_then_log, LETTER_ARG('B'), &wake_sem, LESS_PRIO);
	spawn(take_then_log, LETTER_ARG('C'), &wake_sem, LESS_PRIO);
	k_msleep(1);
	zassert_events("");
	k_sem_give(&wake_sem);
	k_sem_give(&wake_sem);
	k_sem_give(&wake_sem);
	join_all();
	zassert_events("ABC");
}

ZTEST(sched_preempt, test_yield_round_robin) {
	spawn(log_and_yield_3_times, LETTER_ARG('A'), NULL, LESS_PRIO);
	spawn(log_and_yield_3_times, LETTER_ARG('B'), NULL, LESS_PRIO);
	spawn(log_and_yield_3_times, LETTER_ARG('C'), NULL, LESS_PRIO);
	join_all();
	zassert_events("ABCABCABC");
}

ZTEST(sched_preempt, test_yield_alone_returns) {
	event('a');
	k_yield();
	event('b');
	zassert_events("ab");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&wake_sem, 0, 3), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sched_preempt, NULL, NULL, before, after, NULL);
