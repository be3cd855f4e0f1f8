/*
 * k_futex from user mode, with Zephyr's results: a wait that finds another
 * value (-EAGAIN), K_NO_WAIT and timeouts (-ETIMEDOUT), wakes of one and of
 * all (the number woken), a wake with nobody waiting (0), a wake from an
 * ISR, a word the caller may not write (-EACCES: kernel memory, another
 * domain's partition, unmapped addresses) or that is no aligned word
 * (-EINVAL), waiters that end while waiting (aborted, or faulting once woken)
 * without leaking the kernel's queues.
 */
#include <zephyr/irq_offload.h>
#include "blocked.h"

#define N_WAITERS 3

RESULT static struct k_futex word;
RESULT static volatile int ret[N_WAITERS + 2];
RESULT static uint32_t misaligned[2];

/* Kernel memory: no user thread may write it. */
static struct k_futex kernel_word;

/* A word in a partition of another domain only. */
K_APPMEM_PARTITION_DEFINE(other_part);
K_APP_BMEM(other_part) static struct k_futex other_word;
static struct k_mem_domain other_domain;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	atomic_set(&word.val, 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(ret); i++) {
		ret[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(futex_user, NULL, NULL, before, NULL, NULL);

static void waiter(void *slot, void *expected, void *ms)
{
	k_timeout_t t = ARG_INT(ms) < 0 ? K_FOREVER : K_MSEC(ARG_INT(ms));

	ret[ARG_INT(slot)] = k_futex_wait(&word, ARG_INT(expected), t);
}

static void waker(void *slot, void *all, void *unused)
{
	ARG_UNUSED(unused);
	ret[ARG_INT(slot)] = k_futex_wake(&word, ARG_INT(all) != 0);
}

ZTEST(futex_user, test_value_differs_and_timeouts) {
	atomic_set(&word.val, 5);
	run_to_end(user_create(0, waiter, INT_ARG(0), INT_ARG(4), INT_ARG(-1), USER_PRIO, 0));
	zassert_equal(ret[0], -EAGAIN, "another value: no wait");
	run_to_end(user_create(0, waiter, INT_ARG(0), INT_ARG(5), INT_ARG(0), USER_PRIO, 0));
	zassert_equal(ret[0], -ETIMEDOUT, "K_NO_WAIT");

	int64_t start = k_uptime_get();

	run_to_end(user_create(0, waiter, INT_ARG(0), INT_ARG(5), INT_ARG(20), USER_PRIO, 0));
	zassert_equal(ret[0], -ETIMEDOUT);
	zassert_true(k_uptime_get() - start >= 20, "the timeout was waited for");
	run_to_end(user_create(0, waker, INT_ARG(1), INT_ARG(0), NULL, USER_PRIO, 0));
	zassert_equal(ret[1], 0, "a wake with nobody waiting wakes nobody");
}

ZTEST(futex_user, test_wake_one_then_all) {
	k_tid_t w[N_WAITERS];

	for (int i = 0; i < N_WAITERS; i++) {
		w[i] = user_create(i, waiter, INT_ARG(i), INT_ARG(0), INT_ARG(-1), USER_PRIO, 0);
		k_thread_start(w[i]);
		await_blocked(w[i], NULL);
	}
	run_to_end(
	    user_create(N_WAITERS, waker, INT_ARG(N_WAITERS), INT_ARG(0), NULL, USER_PRIO, 0));
	zassert_equal(ret[N_WAITERS], 1, "one woken");
	zassert_equal(k_thread_join(w[0], K_MSEC(100)), 0, "the first to wait, at one priority");
	zassert_equal(ret[0], 0);
	run_to_end(
	    user_create(N_WAITERS, waker, INT_ARG(N_WAITERS), INT_ARG(1), NULL, USER_PRIO, 0));
	zassert_equal(ret[N_WAITERS], N_WAITERS - 1, "the rest woken");
	for (int i = 1; i < N_WAITERS; i++) {
		zassert_equal(k_thread_join(w[i], K_MSEC(100)), 0);
		zassert_equal(ret[i], 0);
	}
}

static void isr_wake(const void *futex)
{
	ret[N_WAITERS + 1] = k_futex_wake((struct k_futex *)futex, false);
}

ZTEST(futex_user, test_wake_from_isr) {
	k_tid_t w = user_create(0, waiter, INT_ARG(0), INT_ARG(0), INT_ARG(-1), USER_PRIO, 0);

	k_thread_start(w);
	await_blocked(w, NULL);
	irq_offload(isr_wake, &word);
	zassert_equal(ret[N_WAITERS + 1], 1);
	zassert_equal(k_thread_join(w, K_MSEC(100)), 0);
	zassert_equal(ret[0], 0);
}

/* Every call on a word the caller may not write: -EACCES, no fault. */
static void foreign(void *futex, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_futex *f = futex;

	ret[0] = k_futex_wait(f, 0, K_MSEC(1));
	ret[1] = k_futex_wake(f, true);
	ret[2] = k_futex_lock_pi(f, K_MSEC(1));
	ret[3] = k_futex_unlock_pi(f);
}

static void check_foreign(struct k_futex *f)
{
	before(NULL);
	run_to_end(user_create(0, foreign, f, NULL, NULL, USER_PRIO, 0));
	for (int i = 0; i < 4; i++) {
		zassert_equal(ret[i], -EACCES, "call %d on %p: %d", i, f, ret[i]);
	}
}

ZTEST(futex_user, test_words_the_caller_cannot_write) {
	struct k_mem_partition *parts[] = { &other_part };

	zassert_ok(k_mem_domain_init(&other_domain, ARRAY_SIZE(parts), parts));
	atomic_set(&kernel_word.val, 0);
	check_foreign(&kernel_word);
	check_foreign(&other_word);
	check_foreign(NULL);
	check_foreign((struct k_futex *)4);
	check_foreign((struct k_futex *)UINTPTR_MAX - 3);
	/* Read-only to user mode: the code. */
	check_foreign((struct k_futex *)(uintptr_t)&check_foreign);
	zassert_equal(atomic_get(&kernel_word.val), 0, "the kernel wrote nothing there");
}

static void misaligned_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_futex *f = (struct k_futex *)((char *)misaligned + 1);

	ret[0] = k_futex_wait(f, 0, K_NO_WAIT);
	ret[1] = k_futex_wake(f, false);
	ret[2] = k_futex_lock_pi(f, K_NO_WAIT);
	ret[3] = k_futex_unlock_pi(f);
}

ZTEST(futex_user, test_misaligned_word) {
	run_to_end(user_create(0, misaligned_calls, NULL, NULL, NULL, USER_PRIO, 0));
	for (int i = 0; i < 4; i++) {
		zassert_equal(ret[i], -EINVAL, "call %d", i);
	}
}

/* Woken, then faults: the wake counted it, the next waiter is unaffected. */
static void waiter_then_fault(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	ret[0] = k_futex_wait(&word, 0, K_FOREVER);
	*(volatile int *)NULL = 1;
}

ZTEST(futex_user, test_waiters_that_end) {
	/* Aborted while waiting, more times than there are queues: none leaks. */
	for (int i = 0; i < CONFIG_FUTEX_QUEUES + 2; i++) {
		k_tid_t w =
		    user_create(0, waiter, INT_ARG(0), INT_ARG(0), INT_ARG(-1), USER_PRIO, 0);

		k_thread_start(w);
		await_blocked(w, NULL);
		k_thread_abort(w);
		zassert_equal(k_futex_wake(&word, true), 0, "the aborted waiter left the queue");
	}

	k_tid_t f = user_create(0, waiter_then_fault, NULL, NULL, NULL, USER_PRIO, 0);
	k_tid_t w = user_create(1, waiter, INT_ARG(1), INT_ARG(0), INT_ARG(-1), USER_PRIO, 0);
	unsigned int faults = expect_fault(K_ERR_CPU_EXCEPTION);

	k_thread_start(f);
	await_blocked(f, NULL);
	k_thread_start(w);
	await_blocked(w, NULL);
	zassert_equal(k_futex_wake(&word, false), 1);
	join_faulted(f, faults);
	zassert_equal(ret[0], 0, "woken before it faulted");
	zassert_equal(k_futex_wake(&word, false), 1, "the other waiter is still there");
	zassert_equal(k_thread_join(w, K_MSEC(100)), 0);
	zassert_equal(ret[1], 0);
}

/*
 * The queues are one pool for every domain: a domain's user threads may take
 * CONFIG_FUTEX_DOMAIN_QUOTA of them, and the next word they wait on gets
 * -ENOMEM, while another domain and supervisor threads still get theirs.
 */
#define QUOTA CONFIG_FUTEX_DOMAIN_QUOTA
BUILD_ASSERT(QUOTA + 2 <= USER_THREADS && QUOTA + 2 <= CONFIG_FUTEX_QUEUES,
	     "the quota test needs a thread and a queue beyond the quota for two others");

RESULT static struct k_futex quota_words[QUOTA + 1];
RESULT static volatile int quota_ret[QUOTA + 2];
static struct k_mem_domain quota_domain;

static void wait_on(void *futex, void *slot, void *ms)
{
	k_timeout_t t = ARG_INT(ms) < 0 ? K_FOREVER : K_MSEC(ARG_INT(ms));

	quota_ret[ARG_INT(slot)] = k_futex_wait(futex, 0, t);
}

ZTEST(futex_user, test_domain_quota) {
	struct k_mem_partition *parts[] = { &other_part, &results_part };
	k_tid_t w[QUOTA];

	zassert_ok(k_mem_domain_init(&quota_domain, ARRAY_SIZE(parts), parts));
	atomic_set(&other_word.val, 0);
	for (int i = 0; i < QUOTA; i++) {
		w[i] =
		    user_create(i, wait_on, &quota_words[i], INT_ARG(i), INT_ARG(-1), USER_PRIO, 0);
		k_thread_start(w[i]);
		await_blocked(w[i], NULL);
	}
	/* One more word of the same domain: no queue for it. */
	run_to_end(user_create(QUOTA, wait_on, &quota_words[QUOTA], INT_ARG(QUOTA), INT_ARG(10),
			       USER_PRIO, 0));
	zassert_equal(quota_ret[QUOTA], -ENOMEM, "the domain is over its quota");
	/* A thread of another domain gets one: its wait times out. */
	k_tid_t other = user_create(QUOTA + 1, wait_on, &other_word, INT_ARG(QUOTA + 1),
				    INT_ARG(10), USER_PRIO, 0);

	zassert_ok(k_mem_domain_add_thread(&quota_domain, other));
	run_to_end(other);
	zassert_equal(quota_ret[QUOTA + 1], -ETIMEDOUT, "another domain is not limited by it");
	/* A supervisor thread neither. */
	zassert_equal(k_futex_wait(&quota_words[QUOTA], 0, K_MSEC(10)), -ETIMEDOUT);
	/* Woken, the waiters give their queues back: the domain may take one again. */
	for (int i = 0; i < QUOTA; i++) {
		zassert_equal(k_futex_wake(&quota_words[i], true), 1);
		zassert_equal(k_thread_join(w[i], K_MSEC(100)), 0);
		zassert_equal(quota_ret[i], 0);
	}
	run_to_end(user_create(QUOTA, wait_on, &quota_words[QUOTA], INT_ARG(QUOTA), INT_ARG(10),
			       USER_PRIO, 0));
	zassert_equal(quota_ret[QUOTA], -ETIMEDOUT, "the quota is free again");
}
