/*
 * Helpers shared by the object tests: a results partition every user thread
 * can write (it is in the default memory domain), a small pool of user thread
 * objects and stacks, and run-and-join helpers that check whether the thread
 * faulted.
 *
 * User threads cannot run ztest checks (ztest's state is kernel memory), so
 * they record what they saw in variables of results_part and the test body
 * checks those.
 */
#ifndef USER_UTIL_H
#define USER_UTIL_H

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

#define USER_THREADS    6
#define USER_STACK_SIZE 1024
#define TEST_PRIO       CONFIG_ZTEST_THREAD_PRIORITY
/* User threads run before the test body once started, unless told otherwise. */
#define USER_PRIO       (TEST_PRIO - 1)

/* Marks a result slot the user thread never reached. */
#define NOT_REACHED 0x7eadbeef

extern struct k_mem_partition results_part;
#define RESULT      K_APP_BMEM(results_part)
/* For results with a non-zero initial value. */
#define RESULT_DATA K_APP_DMEM(results_part)

#define INT_ARG(i) ((void *)(intptr_t)(i))
#define ARG_INT(p) ((int)(intptr_t)(p))

/* Pool thread @slot, created (not started) with @options | K_USER at @prio. */
k_tid_t user_create(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		    int prio, uint32_t options);

/* Same storage, any options (K_USER not added): for supervisor helpers. */
k_tid_t pool_create(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		    int prio, uint32_t options);

k_thread_stack_t *pool_stack(unsigned int slot);

/*
 * With SMP a started thread runs on another CPU alongside the test body:
 * wait until it has written @slot (no longer NOT_REACHED; NULL: no slot)
 * and waits in the kernel, so that what the test does next finds it
 * waiting, as it would on one CPU. Fails the test after a second.
 */
void wait_until_waiting(k_tid_t t, volatile int *slot);

/* Start @t (if not started) and join it; it must end without a fatal error. */
void run_to_end(k_tid_t t);

/* Start @t and join it; it must end by exactly one fatal error of @reason. */
void run_expect_fault(k_tid_t t, unsigned int reason);

/*
 * For a thread that is already started: arm the expectation (returns the fault
 * count so far) before doing what makes it fault, then join it with
 * join_faulted(), which checks that exactly that one fault happened.
 */
unsigned int expect_fault(unsigned int reason);
void join_faulted(k_tid_t t, unsigned int faults_before);

#endif /* USER_UTIL_H */
