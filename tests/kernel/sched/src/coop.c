/*
 * Cooperative threads keep the CPU until they yield or block: a more urgent
 * thread made ready by the cooperative thread itself, by an ISR or by a timer
 * expiry waits until then.
 */
#include "test_util.h"

#define COOP_PRIO   (-2)
#define URGENT_PRIO (-5)

static struct k_sem wake_sem;

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

static void sleep_then_log(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(1);
	event(ARG_LETTER(p1));
}

static void become_cooperative(void)
{
	k_thread_priority_set(k_current_get(), COOP_PRIO);
	zassert_equal(k_thread_priority_get(k_current_get()), COOP_PRIO);
}

static void give_wake_sem(void)
{
	event('i');
	k_sem_give(&wake_sem);
}

ZTEST(sched_coop, test_coop_not_preempted_by_created_thread) {
	become_cooperative();
	spawn(log_letter, LETTER_ARG('H'), NULL, URGENT_PRIO);
	event('a');
	k_busy_wait(1000);
	event('b');
	k_yield();
	event('c');
	zassert_events("abHc");
}

ZTEST(sched_coop, test_coop_not_preempted_by_sem_give) {
	/* Still preemptible here: the urgent thread runs at once and blocks. */
	spawn(take_then_log, LETTER_ARG('H'), &wake_sem, URGENT_PRIO);
	become_cooperative();
	k_sem_give(&wake_sem);
	event('a');
	k_busy_wait(1000);
	event('b');
	k_msleep(1); /* blocking lets it run */
	event('c');
	zassert_events("abHc");
}

ZTEST(sched_coop, test_coop_not_preempted_by_isr_wakeup) {
	spawn(take_then_log, LETTER_ARG('H'), &wake_sem, URGENT_PRIO);
	become_cooperative();
	run_in_isr(give_wake_sem);
	event('a');
	k_busy_wait(1000);
	event('b');
	k_yield();
	event('c');
	zassert_events("iabHc");
}

ZTEST(sched_coop, test_coop_not_preempted_by_timer_wakeup) {
	spawn(sleep_then_log, LETTER_ARG('H'), NULL, URGENT_PRIO);
	become_cooperative();
	/* The urgent thread's 1 ms sleep ends in the middle of this. */
	k_busy_wait(3000);
	event('a');
	k_yield();
	event('b');
	zassert_events("aHb");
}

ZTEST(sched_coop, test_coop_yield_skips_less_urgent) {
	become_cooperative();
	spawn(log_letter, LETTER_ARG('L'), NULL, COOP_PRIO + 1);
	spawn(log_letter, LETTER_ARG('P'), NULL, 3);
	event('a');
	k_yield(); /* only equal or more urgent threads may run */
	event('b');
	k_msleep(1);
	event('c');
	zassert_events("abLPc");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&wake_sem, 0, 1), 0);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sched_coop, NULL, NULL, before, after, NULL);
