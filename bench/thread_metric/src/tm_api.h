/*
 * The Thread-Metric porting layer: the services the tests call, as the
 * published suite defines them (an int status, TM_SUCCESS or TM_ERROR; ids
 * from 0; priority 1 the most urgent), implemented on Breeze's public API in
 * tm_port.c and tm_port_sem.c. The tests themselves (tm_*.c, one file each)
 * call nothing else, so that each can be read against the suite's description
 * of that test.
 *
 * Breeze additions, outside the suite's API:
 * - grants: a test's initialization names what each of its threads uses, so
 *   that in user mode every thread holds exactly the objects it calls on;
 * - tm_interrupt_handler_set(): both interrupt tests share one image, so the
 *   software interrupt's handler is chosen at run time;
 * - tm_iterations: the suite's threads loop forever and a reporting thread
 *   counts what they did in 30 seconds; here the thread whose loop paces the
 *   test stops after tm_iterations rounds (main.c measures two run lengths).
 */
#ifndef TM_API_H
#define TM_API_H

#include <stdbool.h>
#include <stdint.h>
#include <zephyr/app_memory/app_memdomain.h>
#include "bench_irq.h"

#define TM_SUCCESS 0
#define TM_ERROR   1

/* How many threads, queues, semaphores and pools a test may create. */
#define TM_MAX_THREADS 5

/*
 * Test data the threads touch (counters, messages, the basic test's array,
 * the pool's blocks) lives in the partition tm_part, which the user-mode
 * threads' memory domain holds: declare such variables TM_DATA.
 */
extern struct k_mem_partition tm_part;
#define TM_DATA K_APP_BMEM(tm_part)

/* Rounds the pacing thread of a test runs before it returns (set by main.c). */
extern uint32_t tm_iterations;

/*
 * Raise the software interrupt: one store, from supervisor and user threads
 * alike (bench_irq.h). The interrupt is taken at once; its handler is the one
 * tm_interrupt_handler_set() chose.
 */
#define TM_CAUSE_INTERRUPT bench_soft_irq_raise()

/* The suite's services. */
void tm_initialize(void (*test_initialization_function)(void));
int tm_thread_create(int thread_id, int priority, void (*entry_function)(void));
int tm_thread_resume(int thread_id);
int tm_thread_suspend(int thread_id);
void tm_thread_relinquish(void);
void tm_thread_sleep(int seconds);
int tm_queue_create(int queue_id);
int tm_queue_send(int queue_id, unsigned long *message_ptr);
int tm_queue_receive(int queue_id, unsigned long *message_ptr);
int tm_semaphore_create(int semaphore_id);
int tm_semaphore_get(int semaphore_id);
int tm_semaphore_put(int semaphore_id);
int tm_memory_pool_create(int pool_id);
int tm_memory_pool_allocate(int pool_id, unsigned char **memory_ptr);
int tm_memory_pool_deallocate(int pool_id, unsigned char *memory_ptr);

/* Breeze additions (see above). Supervisor threads need no grant; they get them all the same. */
void tm_interrupt_handler_set(void (*handler)(void));
int tm_thread_grant_thread(int thread_id, int other_thread_id);
int tm_thread_grant_queue(int thread_id, int queue_id);
int tm_thread_grant_semaphore(int thread_id, int semaphore_id);
int tm_thread_grant_pool(int thread_id, int pool_id);

/* Harness side (main.c): once at boot; the mode of the threads created next; the end of a run. */
void tm_port_setup(void);
void tm_port_user_mode(bool user);
void tm_port_cleanup(void);

/* Instructions from the start of the last tm_initialize()'s threads to their end. */
uint32_t tm_port_run_instructions(void);

/* The Breeze thread behind a test thread id, NULL if none (for tm_port_sem.c's grant). */
struct k_thread *tm_port_thread(int thread_id);

/* A failed step of a test's initialization (not of its loop) fails the image. */
void tm_init_check(int status, const char *what);

/* What a test file gives the harness. */
struct tm_test {
	const char *name; /* the row: thread_metric.<name>.<supervisor|user> */
	uint32_t rounds;  /* tm_iterations of the shorter run; the longer runs twice as many */
	void (*initialize)(void);
	/* What the suite's reporting thread counts as the test's total. */
	uint32_t (*total)(void);
	/* The reporting thread's checks, and that the pacing thread ran all its rounds. */
	bool (*valid)(void);
};

/* True if every counter is within 1 of their average, as the suite's reports check. */
bool tm_counters_even(const unsigned long *counters, unsigned int n);

/* The counters' sum: a test's total when each of its threads counts its own rounds. */
unsigned long tm_counters_sum(const unsigned long *counters, unsigned int n);

#endif /* TM_API_H */
