/*
 * User thread pool and run helpers (see user_util.h).
 */
#include "user_util.h"

static struct k_thread pool_threads[USER_THREADS];
K_THREAD_STACK_ARRAY_DEFINE(pool_stacks, USER_THREADS, USER_STACK_SIZE);

k_tid_t user_create(unsigned int slot, k_thread_entry_t entry, void *p1, int prio,
		    struct k_mem_domain *domain)
{
	zassert_true(slot < USER_THREADS);
	k_tid_t t = k_thread_create(&pool_threads[slot], pool_stacks[slot],
				    K_THREAD_STACK_SIZEOF(pool_stacks[slot]), entry, p1, NULL, NULL,
				    prio, K_USER, K_FOREVER);

	zassert_equal(k_mem_domain_add_thread(domain, t), 0);
	return t;
}

void run_to_end(k_tid_t t)
{
	unsigned int faults = ztest_fault_count();

	k_thread_start(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults, "the thread faulted");
}

void run_expect_fault(k_tid_t t, unsigned int reason)
{
	unsigned int faults = ztest_fault_count();

	ztest_expect_fault(reason);
	k_thread_start(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults + 1U, "the thread did not fault");
}
