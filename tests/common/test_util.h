/*
 * Helpers for the tests of this image: an event log that threads and ISRs
 * append letters to (so a test can assert the exact order in which things
 * happened), a small pool of helper threads that is torn down after every
 * test, and a way to run a function in a real interrupt handler (the
 * machine software interrupt).
 */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define POOL_SIZE       8
#define POOL_STACK_SIZE 1024

/* Timer cycles in @ms milliseconds. */
#define MS_TO_CYC(ms) ((uint32_t)(ms) * (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000U))

/* A letter travels to a helper thread as its p1 argument. */
#define LETTER_ARG(c) ((void *)(uintptr_t)(c))
#define ARG_LETTER(p) ((char)(uintptr_t)(p))

/* Empty the event log. */
void events_reset(void);

/* Append @c to the event log (threads and ISRs). */
void event(char c);

/* The log so far, as a string. */
const char *events_get(void);

/* The log must read exactly @expected. */
#define zassert_events(expected)                                                              \
	zassert_true(strcmp(events_get(), (expected)) == 0, "events \"%s\", expected \"%s\"", \
		     events_get(), (expected))

/*
 * Create a helper thread running entry(p1, p2, NULL) at @prio, started at
 * once (it runs before spawn() returns if it is more urgent than the caller
 * and the caller may be preempted).
 */
k_tid_t spawn(k_thread_entry_t entry, void *p1, void *p2, int prio);

/* As spawn(), with a third argument. */
k_tid_t spawn3(k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio);

/* As spawn(), but the thread starts after @delay. */
k_tid_t spawn_delayed(k_thread_entry_t entry, void *p1, void *p2, int prio, k_timeout_t delay);

/* As spawn(), but the thread waits for k_thread_start(). */
k_tid_t spawn_stopped(k_thread_entry_t entry, void *p1, void *p2, int prio);

/* Wait for every helper thread spawned so far to end. */
void join_all(void);

/* Abort every helper thread and reset the log: call from each suite's after(). */
void test_cleanup(void);

/* Run @fn in the software interrupt handler; returns once the handler has run. */
void run_in_isr(void (*fn)(void));

#endif /* TEST_UTIL_H */
