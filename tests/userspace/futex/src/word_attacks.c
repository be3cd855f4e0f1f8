/*
 * Lying lock words: whatever a user thread writes into a sys_mutex's word,
 * the kernel lends no priority to a thread that does not share the word and
 * never takes a value for a thread it has not found in its registry. A word
 * naming garbage, a kernel object that is no thread, a forged thread in user
 * memory or a live thread of another domain is refused (-EINVAL); the bare
 * waiters bit is an unlocked word; a word cleared behind the waiters' backs
 * still lets them through; plain futex calls cannot wake PI waiters.
 */
#include <zephyr/sys/mutex.h>
#include <zephyr/sys/sem.h>
#include "blocked.h"

#define VICTIM_PRIO 9

RESULT static struct sys_mutex m;
RESULT static volatile int r[6];
RESULT static struct k_thread forged_thread;
RESULT static struct sys_sem gate;

K_APPMEM_PARTITION_DEFINE(foreign_part);
K_APP_BMEM(foreign_part) static int foreign_data;
static struct k_mem_domain foreign_domain;
static struct k_sem kernel_sem;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	sys_mutex_init(&m);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(futex_word_attacks, NULL, NULL, before, NULL, NULL);

/* Write @value into the word, then try to lock it. */
static void lie_then_lock(void *value, void *slot, void *unused)
{
	ARG_UNUSED(unused);
	atomic_set(&m.futex.val, (atomic_val_t)(uintptr_t)value);
	r[ARG_INT(slot)] = sys_mutex_lock(&m, K_MSEC(5));
}

static void check_refused(uintptr_t value)
{
	before(NULL);
	run_to_end(user_create(0, lie_then_lock, (void *)value, INT_ARG(0), NULL, USER_PRIO, 0));
	zassert_equal(r[0], -EINVAL, "word %#lx: %d", (unsigned long)value, r[0]);
}

ZTEST(futex_word_attacks, test_word_names_no_thread) {
	k_sem_init(&kernel_sem, 0, 1);
	check_refused(0x12345678U);
	check_refused(0x12345678U | K_FUTEX_PI_WAITERS);
	check_refused(UINTPTR_MAX & ~K_FUTEX_PI_WAITERS);
	check_refused((uintptr_t)&kernel_sem);
	check_refused((uintptr_t)&forged_thread | K_FUTEX_PI_WAITERS);
	check_refused((uintptr_t)&m);
}

static void victim(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	foreign_data = 1;
	k_sleep(K_FOREVER);
}

ZTEST(futex_word_attacks, test_word_names_another_domains_thread) {
	struct k_mem_partition *parts[] = { &foreign_part };
	static bool init;

	if (!init) {
		zassert_ok(k_mem_domain_init(&foreign_domain, ARRAY_SIZE(parts), parts));
		init = true;
	}
	k_tid_t v = user_create(1, victim, NULL, NULL, NULL, VICTIM_PRIO, 0);

	zassert_ok(k_mem_domain_add_thread(&foreign_domain, v));
	k_thread_start(v);
	k_sleep(K_MSEC(1));
	check_refused((uintptr_t)v);
	check_refused((uintptr_t)v | K_FUTEX_PI_WAITERS);
	zassert_equal(k_thread_priority_get(v), VICTIM_PRIO, "no loan to a stranger");
	k_thread_abort(v);
}

ZTEST(futex_word_attacks, test_bare_waiters_bit_is_unlocked) {
	run_to_end(user_create(0, lie_then_lock, (void *)K_FUTEX_PI_WAITERS, INT_ARG(0), NULL,
			       USER_PRIO, 0));
	zassert_equal(r[0], 0, "taken");
}

static void holder(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = sys_mutex_lock(&m, K_FOREVER);
	(void)sys_sem_take(&gate, K_FOREVER);
	r[1] = sys_mutex_unlock(&m);
}

static void waiter(void *slot, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[ARG_INT(slot)] = sys_mutex_lock(&m, K_MSEC(30));
}

/*
 * A sharer clears the word while a thread waits, and locks and unlocks it
 * without the kernel: it only hurts the sharers (the waiter waits out its
 * timeout), and the owner the kernel knew loses its loan when the waiter goes.
 */
static void clear_and_use(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	atomic_set(&m.futex.val, 0);
	r[4] = sys_mutex_lock(&m, K_FOREVER);
	r[5] = sys_mutex_unlock(&m);
}

ZTEST(futex_word_attacks, test_word_cleared_under_waiters) {
	zassert_ok(sys_sem_init(&gate, 0, 1));
	k_tid_t h = user_create(0, holder, NULL, NULL, NULL, VICTIM_PRIO, 0);
	k_tid_t w = user_create(1, waiter, INT_ARG(2), NULL, NULL, USER_PRIO, 0);

	k_thread_start(h);
	await_blocked(h, &r[0]);
	k_thread_start(w);
	await_blocked(w, NULL);
	zassert_equal(k_thread_priority_get(h), USER_PRIO, "lent the waiter's priority");
	zassert_equal(k_futex_wake(&m.futex, true), -EINVAL, "a plain wake of PI waiters");
	run_to_end(user_create(2, clear_and_use, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[4], 0);
	zassert_equal(r[5], 0);
	zassert_equal(k_thread_join(w, K_MSEC(100)), 0);
	zassert_equal(r[2], -EAGAIN, "the waiter gave up in time");
	zassert_equal(k_thread_priority_get(h), VICTIM_PRIO, "the old owner keeps no loan");
	zassert_ok(sys_sem_give(&gate));
	zassert_equal(k_thread_join(h, K_MSEC(100)), 0);
	zassert_equal(r[1], -EINVAL, "the word says nobody owns it");
	zassert_equal(atomic_get(&m.futex.val), 0);
}

/* k_futex_unlock_pi() of a word naming someone else. */
static void unlock_other(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_futex_unlock_pi(&m.futex);
	r[1] = k_futex_lock_pi(&m.futex, K_NO_WAIT);
}

ZTEST(futex_word_attacks, test_unlock_of_a_word_not_ones_own) {
	zassert_ok(sys_mutex_lock(&m, K_FOREVER));
	run_to_end(user_create(0, unlock_other, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(r[0], -EPERM);
	zassert_equal(r[1], -EBUSY);
	zassert_equal(atomic_get(&m.futex.val), (atomic_val_t)k_current_get());
	zassert_ok(sys_mutex_unlock(&m));
}
