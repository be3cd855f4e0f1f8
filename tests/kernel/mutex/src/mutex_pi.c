/*
 * Priority inheritance: while a more urgent thread waits for a mutex, the
 * owner runs at the waiter's priority, so a thread of middle priority cannot
 * hold the waiter up; the owner gets its own priority back on unlock, or when
 * the waiters that justified the boost give up; an owner already more urgent
 * than its waiters is never lowered.
 *
 * Priorities: the test thread runs at 1 and orchestrates; L(ow) = 6,
 * M(edium) = 4, H(igh) = 2 unless a test says otherwise.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY
#define L_PRIO    (TEST_PRIO + 5)
#define M_PRIO    (TEST_PRIO + 3)
#define H_PRIO    (TEST_PRIO + 1)

static struct k_mutex mutex;
static struct k_sem release_sem;

static volatile int prio_while_holding;
static volatile int prio_after_unlock;
static volatile int lock_ret[2];
static volatile uint32_t lock_waited[2];

/* L: lock, wait for release_sem, log 'a', work, log 'b', unlock, log 'c'. */
static void low_owner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&mutex, K_FOREVER);
	k_sem_take(&release_sem, K_FOREVER);
	event('a');
	prio_while_holding = k_thread_priority_get(k_current_get());
	k_busy_wait(1000);
	event('b');
	k_mutex_unlock(&mutex);
	prio_after_unlock = k_thread_priority_get(k_current_get());
	event('c');
}

/* Lock with a timeout of p2 ms (0: forever), record the result in slot p3, log p1 on success. */
static void timed_locker(void *p1, void *p2, void *p3)
{
	int slot = (int)(uintptr_t)p3;
	int32_t ms = (int32_t)(uintptr_t)p2;
	uint32_t start = k_cycle_get_32();
	int ret = k_mutex_lock(&mutex, ms == 0 ? K_FOREVER : K_MSEC(ms));

	lock_waited[slot] = k_cycle_get_32() - start;
	lock_ret[slot] = ret;
	if (ret == 0) {
		event(ARG_LETTER(p1));
		k_mutex_unlock(&mutex);
	}
}

static void log_letter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event(ARG_LETTER(p1));
}

static k_tid_t start_low_owner(void)
{
	k_tid_t l = spawn(low_owner, NULL, NULL, L_PRIO);

	k_msleep(1); /* L takes the mutex and waits for release_sem */
	zassert_equal(k_thread_priority_get(l), L_PRIO);
	return l;
}

ZTEST(mutex_pi, test_medium_thread_cannot_hold_up_high) {
	k_tid_t l = start_low_owner();

	spawn3(timed_locker, LETTER_ARG('H'), (void *)0, (void *)0, H_PRIO);
	k_msleep(1); /* H blocks on the mutex */
	zassert_equal(k_thread_priority_get(l), H_PRIO, "owner not boosted");

	spawn(log_letter, LETTER_ARG('M'), NULL, M_PRIO);
	k_sem_give(&release_sem);
	k_msleep(10);
	/* Without inheritance M would run first: "MabHc". */
	zassert_events("abHMc");
	zassert_equal(prio_while_holding, H_PRIO);
	zassert_equal(prio_after_unlock, L_PRIO);
	zassert_equal(k_thread_priority_get(l), L_PRIO);
	zassert_equal(lock_ret[0], 0);
}

/* L holds the mutex while ready (not blocked); H, more urgent than the test thread, blocks. */
static volatile int ready_owner_prio;

static void busy_low_owner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&mutex, K_FOREVER);
	event('l');
	k_busy_wait(2000); /* the test thread preempts this at 1 ms */
	ready_owner_prio = k_thread_priority_get(k_current_get());
	event('L');
	k_mutex_unlock(&mutex);
	prio_after_unlock = k_thread_priority_get(k_current_get());
	event('u');
}

ZTEST(mutex_pi, test_ready_owner_boosted_above_caller) {
	k_tid_t l = spawn(busy_low_owner, NULL, NULL, L_PRIO);

	k_msleep(1);
	spawn(log_letter, LETTER_ARG('M'), NULL, M_PRIO);
	/* H (prio 0) blocks at once; the boosted L then outranks this thread too. */
	spawn3(timed_locker, LETTER_ARG('H'), (void *)0, (void *)0, TEST_PRIO - 1);
	event('t');
	k_msleep(10);
	zassert_events("lLHtMu");
	zassert_equal(ready_owner_prio, TEST_PRIO - 1);
	zassert_equal(prio_after_unlock, L_PRIO);
	zassert_equal(k_thread_priority_get(l), L_PRIO);
}

ZTEST(mutex_pi, test_boost_follows_most_urgent_waiter) {
	k_tid_t l = start_low_owner();

	spawn3(timed_locker, LETTER_ARG('M'), (void *)0, (void *)0, M_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(l), M_PRIO);
	spawn3(timed_locker, LETTER_ARG('H'), (void *)0, (void *)1, H_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(l), H_PRIO);

	k_sem_give(&release_sem);
	k_msleep(10);
	zassert_events("abHMc");
	zassert_equal(prio_after_unlock, L_PRIO);
}

ZTEST(mutex_pi, test_single_waiter_timeout_restores_owner) {
	k_tid_t l = start_low_owner();

	spawn3(timed_locker, LETTER_ARG('H'), (void *)10, (void *)0, H_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(l), H_PRIO);
	k_msleep(15); /* H gives up at 10 ms */
	zassert_equal(lock_ret[0], -EAGAIN);
	zassert_true(lock_waited[0] >= MS_TO_CYC(10) && lock_waited[0] < MS_TO_CYC(11),
		     "waited %u cycles", (unsigned int)lock_waited[0]);
	zassert_equal(k_thread_priority_get(l), L_PRIO, "owner still boosted");

	k_sem_give(&release_sem);
	k_msleep(5);
	zassert_events("abc");
	zassert_equal(prio_while_holding, L_PRIO);
}

ZTEST(mutex_pi, test_urgent_waiter_timeout_drops_to_next_waiter) {
	k_tid_t l = start_low_owner();

	spawn3(timed_locker, LETTER_ARG('H'), (void *)10, (void *)0, H_PRIO);
	spawn3(timed_locker, LETTER_ARG('M'), (void *)0, (void *)1, M_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(l), H_PRIO);
	k_msleep(15);
	zassert_equal(lock_ret[0], -EAGAIN);
	zassert_equal(k_thread_priority_get(l), M_PRIO, "boost not recomputed");

	k_sem_give(&release_sem);
	k_msleep(5);
	zassert_events("abMc");
	zassert_equal(prio_while_holding, M_PRIO);
	zassert_equal(prio_after_unlock, L_PRIO);
	zassert_equal(lock_ret[1], 0);
}

/* L for the next test: holds the mutex through 30 ms of busy work (never blocks). */
static void busy_30ms_owner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&mutex, K_FOREVER);
	event('l');
	k_busy_wait(30000);
	event('L');
	k_mutex_unlock(&mutex);
}

static volatile uint32_t medium_ran_at;

static void note_medium_ran(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	medium_ran_at = k_cycle_get_32();
	event('M');
}

ZTEST(mutex_pi, test_waiter_timeout_unboosts_running_owner_at_once) {
	/*
	 * The owner keeps the CPU (busy, boosted to H's priority) when H gives
	 * up. Its boost must end right then: H returns -EAGAIN on time, and M,
	 * ready 1 ms later and more urgent than the unboosted L, runs at once.
	 * If the boost lingered until H next ran, L would keep H and M off the
	 * CPU until its time slice ended (or, without slicing, until it blocked).
	 */
	spawn(busy_30ms_owner, NULL, NULL, L_PRIO);
	k_msleep(1); /* L takes the mutex and starts its busy work */

	uint32_t start = k_cycle_get_32();

	spawn_delayed(note_medium_ran, NULL, NULL, M_PRIO, K_MSEC(6));
	spawn3(timed_locker, LETTER_ARG('H'), (void *)5, (void *)0, H_PRIO);
	k_msleep(40);

	/* zexpect: report every symptom, not just the first. */
	zexpect_equal(lock_ret[0], -EAGAIN);
	zexpect_true(
	    lock_waited[0] >= MS_TO_CYC(5) && lock_waited[0] < MS_TO_CYC(5) + MS_TO_CYC(1) / 20U,
	    "H's 5 ms lock timeout returned after %u cycles", (unsigned int)lock_waited[0]);
	uint32_t medium_late = medium_ran_at - start - MS_TO_CYC(6);

	zexpect_true(medium_late < MS_TO_CYC(1) / 20U, "M ran %u cycles late",
		     (unsigned int)medium_late);
	zexpect_true(strcmp(events_get(), "lML") == 0, "events \"%s\", expected \"lML\"",
		     events_get());
}

ZTEST(mutex_pi, test_less_urgent_waiter_timeout_keeps_boost) {
	k_tid_t l = start_low_owner();

	spawn3(timed_locker, LETTER_ARG('H'), (void *)0, (void *)0, H_PRIO);
	spawn3(timed_locker, LETTER_ARG('M'), (void *)10, (void *)1, M_PRIO);
	k_msleep(15);
	zassert_equal(lock_ret[1], -EAGAIN);
	zassert_equal(k_thread_priority_get(l), H_PRIO);

	k_sem_give(&release_sem);
	k_msleep(5);
	zassert_events("abHc");
	zassert_equal(prio_after_unlock, L_PRIO);
}

ZTEST(mutex_pi, test_no_lowering_of_more_urgent_owner) {
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	spawn3(timed_locker, LETTER_ARG('W'), (void *)0, (void *)0, L_PRIO);
	spawn3(timed_locker, LETTER_ARG('V'), (void *)5, (void *)1, M_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(k_current_get()), TEST_PRIO);
	k_msleep(10); /* V gives up */
	zassert_equal(lock_ret[1], -EAGAIN);
	zassert_equal(k_thread_priority_get(k_current_get()), TEST_PRIO);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	zassert_equal(k_thread_priority_get(k_current_get()), TEST_PRIO);
	k_msleep(1);
	zassert_events("W");
}

ZTEST(mutex_pi, test_equal_waiter_no_boost) {
	k_tid_t l = start_low_owner();

	spawn3(timed_locker, LETTER_ARG('E'), (void *)0, (void *)0, L_PRIO);
	k_msleep(1);
	zassert_equal(k_thread_priority_get(l), L_PRIO);
	k_sem_give(&release_sem);
	k_msleep(5);
	zassert_events("abcE");
}

ZTEST(mutex_pi, test_recursive_owner_keeps_boost_until_last_unlock) {
	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	zassert_equal(k_mutex_lock(&mutex, K_NO_WAIT), 0);
	/* H (more urgent than the test thread's new priority) blocks at once. */
	spawn3(timed_locker, LETTER_ARG('H'), (void *)0, (void *)0, H_PRIO);
	zassert_equal(k_thread_priority_get(k_current_get()), H_PRIO);
	zassert_equal(k_mutex_unlock(&mutex), 0);
	zassert_equal(k_thread_priority_get(k_current_get()), H_PRIO, "boost lost too early");
	event('u');
	zassert_equal(k_mutex_unlock(&mutex), 0);
	event('v');
	zassert_equal(k_thread_priority_get(k_current_get()), L_PRIO);
	zassert_events("uHv");
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_mutex_init(&mutex), 0);
	zassert_equal(k_sem_init(&release_sem, 0, 1), 0);
	prio_while_holding = prio_after_unlock = ready_owner_prio = 99;
	lock_ret[0] = lock_ret[1] = 1;
	lock_waited[0] = lock_waited[1] = 0;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(mutex_pi, NULL, NULL, before, after, NULL);
