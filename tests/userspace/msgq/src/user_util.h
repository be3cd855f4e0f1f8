/*
 * Helpers of the user-mode msgq and slab tests: a pool of user thread objects
 * and stacks, and run-and-join helpers that check whether a thread faulted.
 *
 * User threads cannot run ztest checks (ztest's state is kernel memory): they
 * record what they saw in variables of a partition of their domain, which
 * the test body checks afterwards.
 */
#ifndef USER_UTIL_H
#define USER_UTIL_H

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

#define USER_THREADS    3
#define USER_STACK_SIZE 1024
#define TEST_PRIO       CONFIG_ZTEST_THREAD_PRIORITY

/* Marks a result a user thread never reached. */
#define NOT_REACHED 0x7eadbeef

/* Pool thread @slot as a user thread at @prio in @domain, created but not started. */
k_tid_t user_create(unsigned int slot, k_thread_entry_t entry, void *p1, int prio,
		    struct k_mem_domain *domain);

/* Start @t and join it: it must end without a fatal error. */
void run_to_end(k_tid_t t);

/* Start @t and join it: it must end by exactly one fatal error of @reason. */
void run_expect_fault(k_tid_t t, unsigned int reason);

#endif /* USER_UTIL_H */
