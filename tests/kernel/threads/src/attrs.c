/*
 * Thread names (set, get, truncation, NULL) and priorities (get, set, and the
 * scheduling consequences of a change: a raised thread preempts at once, a
 * lowered current thread gives way at once).
 */
#include <string.h>
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

#define NAME_MAX_CHARS (CONFIG_THREAD_MAX_NAME_LEN - 1)

static volatile int runs;
static char order[8];
static volatile int order_len;

static void count_run(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	runs++;
	if (p1 != NULL) {
		order[order_len++] = *(const char *)p1;
	}
}

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	runs = 0;
	order_len = 0;
	memset(order, 0, sizeof(order));
}

ZTEST(threads_attrs, test_name_set_get) {
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 5, K_FOREVER);

	zassert_equal(k_thread_name_set(tid, "worker"), 0);
	zassert_equal(strcmp(k_thread_name_get(tid), "worker"), 0, "got '%s'",
		      k_thread_name_get(tid));

	/* A second name replaces the first entirely. */
	zassert_equal(k_thread_name_set(tid, "w2"), 0);
	zassert_equal(strcmp(k_thread_name_get(tid), "w2"), 0, "got '%s'", k_thread_name_get(tid));

	zassert_equal(k_thread_name_set(tid, ""), 0);
	zassert_equal(strlen(k_thread_name_get(tid)), 0);
}

ZTEST(threads_attrs, test_name_truncated) {
	static const char long_name[] = "a_thread_name_far_longer_than_the_limit";
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 5, K_FOREVER);

	BUILD_ASSERT(sizeof(long_name) - 1 > NAME_MAX_CHARS);
	zassert_equal(k_thread_name_set(tid, long_name), 0);

	const char *got = k_thread_name_get(tid);

	zassert_equal(strlen(got), NAME_MAX_CHARS, "kept %u chars", (unsigned int)strlen(got));
	zassert_equal(strncmp(got, long_name, NAME_MAX_CHARS), 0, "got '%s'", got);
}

ZTEST(threads_attrs, test_name_exact_fit) {
	char name[CONFIG_THREAD_MAX_NAME_LEN];
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 5, K_FOREVER);

	memset(name, 'x', NAME_MAX_CHARS);
	name[NAME_MAX_CHARS] = '\0';
	zassert_equal(k_thread_name_set(tid, name), 0);
	zassert_equal(strcmp(k_thread_name_get(tid), name), 0, "got '%s'", k_thread_name_get(tid));
}

ZTEST(threads_attrs, test_name_null_rejected) {
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 5, K_FOREVER);

	zassert_equal(k_thread_name_set(tid, "kept"), 0);
	zassert_equal(k_thread_name_set(tid, NULL), -EINVAL);
	zassert_equal(strcmp(k_thread_name_get(tid), "kept"), 0, "a rejected name changed it");
}

ZTEST(threads_attrs, test_name_of_current_thread) {
	k_tid_t self = k_current_get();
	char saved[CONFIG_THREAD_MAX_NAME_LEN];

	strcpy(saved, k_thread_name_get(self));
	zassert_equal(k_thread_name_set(self, "tester"), 0);
	zassert_equal(strcmp(k_thread_name_get(k_current_get()), "tester"), 0);
	zassert_equal(k_thread_name_set(self, saved), 0);
}

static volatile int null_name_ret = 1;

static void name_self_via_null(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	null_name_ret = k_thread_name_set(NULL, "by_null");
}

ZTEST(threads_attrs, test_name_set_null_thread_means_current) {
	unsigned int faults = ztest_fault_count();

	/* Zephyr: a NULL thread names the caller. A crash stays in the helper thread. */
	ztest_set_fault_valid(true);
	spawn(0, name_self_via_null, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	ztest_set_fault_valid(false);

	zassert_equal(ztest_fault_count(), faults, "k_thread_name_set(NULL, name) faulted");
	zassert_equal(null_name_ret, 0);
	zassert_str_equal(k_thread_name_get(&workers[0]), "by_null");
}

ZTEST(threads_attrs, test_priority_get_set) {
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 5, K_FOREVER);

	zassert_equal(k_thread_priority_get(tid), 5);
	k_thread_priority_set(tid, 7);
	zassert_equal(k_thread_priority_get(tid), 7);
	k_thread_priority_set(tid, K_PRIO_COOP(0));
	zassert_equal(k_thread_priority_get(tid), K_HIGHEST_THREAD_PRIO);
	k_thread_priority_set(tid, K_LOWEST_APPLICATION_THREAD_PRIO);
	zassert_equal(k_thread_priority_get(tid), K_LOWEST_APPLICATION_THREAD_PRIO);
	zassert_equal(runs, 0, "setting the priority of an unstarted thread started it");

	zassert_equal(k_thread_priority_get(k_current_get()), CONFIG_ZTEST_THREAD_PRIORITY);
	k_thread_priority_set(k_current_get(), 3);
	zassert_equal(k_thread_priority_get(k_current_get()), 3);
	k_thread_priority_set(k_current_get(), CONFIG_ZTEST_THREAD_PRIORITY);
}

ZTEST(threads_attrs, test_raised_thread_preempts_at_once) {
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 5, K_NO_WAIT);

	zassert_equal(runs, 0);
	k_thread_priority_set(tid, 0);
	zassert_equal(runs, 1, "priority 0 beats the caller's 1: it must run inside the call");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(threads_attrs, test_lowered_current_gives_way) {
	k_tid_t tid = spawn(0, count_run, NULL, NULL, NULL, 3, K_NO_WAIT);

	zassert_equal(runs, 0);
	k_thread_priority_set(k_current_get(), 4);
	zassert_equal(runs, 1, "the caller fell below a ready thread and kept the CPU");
	k_thread_priority_set(k_current_get(), CONFIG_ZTEST_THREAD_PRIORITY);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(threads_attrs, test_new_priority_orders_ready_threads) {
	static const char a = 'a', b = 'b';

	spawn(0, count_run, (void *)&a, NULL, NULL, 5, K_NO_WAIT);
	spawn(1, count_run, (void *)&b, NULL, NULL, 6, K_NO_WAIT);
	/* b overtakes a while both wait in the ready queue. */
	k_thread_priority_set(&workers[1], 4);
	zassert_equal(k_thread_join(&workers[0], K_MSEC(10)), 0);
	zassert_equal(k_thread_join(&workers[1], K_MSEC(10)), 0);
	zassert_equal(order_len, 2);
	zassert_equal(order[0], 'b');
	zassert_equal(order[1], 'a');
}

ZTEST_SUITE(threads_attrs, NULL, NULL, reset, reap_workers_after, NULL);
