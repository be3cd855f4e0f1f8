/*
 * Semaphores and mutexes: uncontended paths from supervisor and user mode, a
 * give that wakes a more urgent waiter, a lock that has to boost the owner,
 * and a chain of three mutexes along which a boost travels.
 */
#include <stdio.h>
#include "common.h"

K_SEM_DEFINE(bench_sem, 0, 1);
K_MUTEX_DEFINE(bench_mutex);
K_SEM_DEFINE(wake_sem, 0, 1);
K_SEM_DEFINE(go_sem, 0, 1);

static void uncontended(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const char *mode = p1 != NULL ? "supervisor" : "user";
	char name[48];

	snprintf(name, sizeof(name), "sem.give_take.%s", mode);
	BENCH_LOOP(name, ITERS, 0, {
		k_sem_give(&bench_sem);
		(void)k_sem_take(&bench_sem, K_NO_WAIT);
	});
	snprintf(name, sizeof(name), "mutex.lock_unlock.%s", mode);
	BENCH_LOOP(name, ITERS, 0, {
		(void)k_mutex_lock(&bench_mutex, K_FOREVER);
		(void)k_mutex_unlock(&bench_mutex);
	});
	/* A getter: an object check and a load (from user mode, a nonblocking call). */
	snprintf(name, sizeof(name), "sem.count_get.%s", mode);
	BENCH_LOOP(name, ITERS, 0, (void)k_sem_count_get(&bench_sem));
	snprintf(name, sizeof(name), "uptime_get.%s", mode);
	BENCH_LOOP(name, ITERS, 0, (void)k_uptime_get());
}

static void user_uncontended(void *p1, void *p2, void *p3)
{
	uncontended(NULL, p2, p3);
	BENCH_LOOP("syscall.null.user", ITERS, 0, (void)k_syscall_null());
	bench_null_user_only();
	ARG_UNUSED(p1);
}

/* The waiter: more urgent than main, takes the semaphore in a loop. */
static struct k_thread waiter;
K_THREAD_STACK_DEFINE(waiter_stack, 1024);

static void sem_waiter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < BENCH_ITERS(ITERS); i++) {
		(void)k_sem_take(&wake_sem, K_FOREVER);
	}
}

/*
 * The urgent thread wants the mutex main holds: main is boosted, unlocks
 * (ownership passes, main's priority comes back), the urgent thread unlocks
 * and waits for the next round.
 */
static void mutex_waiter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < BENCH_ITERS(ITERS); i++) {
		(void)k_sem_take(&go_sem, K_FOREVER);
		(void)k_mutex_lock(&bench_mutex, K_FOREVER);
		(void)k_mutex_unlock(&bench_mutex);
	}
}

/*
 * A chain of three: link i (1..3, more urgent as i grows) locks chain[3 - i]
 * and waits for chain[4 - i], the mutex of link i - 1 (main's, chain[3], for
 * link 1). Link 3 holds nothing and waits for chain[1]: its lock boosts links
 * 2 and 1 and main, three owners down.
 */
static struct k_mutex chain[4];
static struct k_sem chain_go[3];
static struct k_thread links[3];
K_THREAD_STACK_ARRAY_DEFINE(link_stacks, 3, 1024);

static void chain_link(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	int i = (int)(uintptr_t)p1;
	struct k_mutex *own = i < 3 ? &chain[3 - i] : NULL;

	for (uint32_t n = 0; n < BENCH_ITERS(ITERS); n++) {
		(void)k_sem_take(&chain_go[i - 1], K_FOREVER);
		if (own != NULL) {
			(void)k_mutex_lock(own, K_FOREVER);
		}
		(void)k_mutex_lock(&chain[4 - i], K_FOREVER);
		(void)k_mutex_unlock(&chain[4 - i]);
		if (own != NULL) {
			(void)k_mutex_unlock(own);
		}
	}
}

void bench_sync(void)
{
	uncontended((void *)1, NULL, NULL);
	/* The user thread inherits main's grants (K_INHERIT_PERMS). */
	k_thread_access_grant(k_current_get(), &bench_sem, &bench_mutex);
	run_user(user_uncontended, NULL);

	/* Give waking a more urgent waiter: per round, the give, both switches, the take. */
	k_thread_create(&waiter, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), sem_waiter,
			NULL, NULL, NULL, -1, 0, K_NO_WAIT);
	BENCH_LOOP("sem.give_wake.supervisor", ITERS, 0, k_sem_give(&wake_sem));
	k_thread_join(&waiter, K_FOREVER);

	/* Lock with a waiter: per round, the inheritance path and two switches. */
	k_thread_create(&waiter, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), mutex_waiter,
			NULL, NULL, NULL, -1, 0, K_NO_WAIT);
	BENCH_LOOP("mutex.lock_unlock.with_waiter", ITERS, 0, {
		(void)k_mutex_lock(&bench_mutex, K_FOREVER);
		k_sem_give(&go_sem);
		(void)k_mutex_unlock(&bench_mutex);
	});
	k_thread_join(&waiter, K_FOREVER);

	/*
	 * Per round: the chain built link by link (locks boosting one, two and
	 * three owners), then main's unlock hands it down, link by link, with
	 * every switch on the way.
	 */
	for (int i = 0; i < 4; i++) {
		k_mutex_init(&chain[i]);
	}
	for (int i = 1; i <= 3; i++) {
		k_sem_init(&chain_go[i - 1], 0, 1);
		k_thread_create(&links[i - 1], link_stacks[i - 1],
				K_THREAD_STACK_SIZEOF(link_stacks[i - 1]), chain_link,
				(void *)(uintptr_t)i, NULL, NULL, -i, 0, K_NO_WAIT);
	}
	BENCH_LOOP("mutex.lock_unlock.chain3", ITERS, 0, {
		(void)k_mutex_lock(&chain[3], K_FOREVER);
		for (int i = 0; i < 3; i++) {
			k_sem_give(&chain_go[i]);
		}
		(void)k_mutex_unlock(&chain[3]);
	});
	for (int i = 0; i < 3; i++) {
		k_thread_join(&links[i], K_FOREVER);
	}
}
