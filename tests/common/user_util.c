/*
 * Results partition, user thread pool and run helpers (see user_util.h).
 */
#include "user_util.h"

K_APPMEM_PARTITION_DEFINE(results_part);

static struct k_thread pool_threads[USER_THREADS];
K_THREAD_STACK_ARRAY_DEFINE(pool_stacks, USER_THREADS, USER_STACK_SIZE);

static int results_part_added = 1;

/* Every thread starts in the default domain: give them all the results partition. */
static int add_results_partition(void)
{
	results_part_added = k_mem_domain_add_partition(&k_mem_domain_default, &results_part);
	return results_part_added;
}
SYS_INIT(add_results_partition, APPLICATION, 0);

k_thread_stack_t *pool_stack(unsigned int slot)
{
	return pool_stacks[slot];
}

k_tid_t pool_create(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		    int prio, uint32_t options)
{
	zassert_equal(results_part_added, 0, "results partition not in the default domain");
	zassert_true(slot < USER_THREADS);
	return k_thread_create(&pool_threads[slot], pool_stacks[slot],
			       K_THREAD_STACK_SIZEOF(pool_stacks[slot]), entry, p1, p2, p3, prio,
			       options, K_FOREVER);
}

k_tid_t user_create(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		    int prio, uint32_t options)
{
	return pool_create(slot, entry, p1, p2, p3, prio, options | K_USER);
}

void wait_until_waiting(k_tid_t t, volatile int *slot)
{
	for (unsigned int us = 0; us < 1000000U; us += 10U) {
		if ((slot == NULL || *slot != NOT_REACHED) &&
		    (t->base.thread_state & _THREAD_PENDING) != 0U) {
			return;
		}
		k_busy_wait(10);
	}
	zassert_unreachable("the thread did not get to wait");
}

void run_to_end(k_tid_t t)
{
	unsigned int faults = ztest_fault_count();

	k_thread_start(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults, "the thread faulted");
}

unsigned int expect_fault(unsigned int reason)
{
	unsigned int faults = ztest_fault_count();

	ztest_expect_fault(reason);
	return faults;
}

void join_faulted(k_tid_t t, unsigned int faults_before)
{
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults_before + 1U, "the thread did not fault");
}

void run_expect_fault(k_tid_t t, unsigned int reason)
{
	unsigned int faults = expect_fault(reason);

	k_thread_start(t);
	join_faulted(t, faults);
}
