/*
 * Shared by the work queue suites: a test queue whose thread is less urgent
 * than the test thread (so the test sees items queued before they run, and
 * lets them run by sleeping or waiting), a log of handler runs, and a
 * handler that blocks until the test releases it (so the test sees it
 * running).
 */
#ifndef WORK_COMMON_H
#define WORK_COMMON_H

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define QUEUE_PRIO (CONFIG_ZTEST_THREAD_PRIORITY + 1)
#define LOG_LEN    16

extern struct k_work_q test_q;

/* Handler runs, in order: the item and the thread that ran it. */
extern struct k_work *volatile run_log[LOG_LEN];
extern k_tid_t volatile run_thread[LOG_LEN];
extern volatile unsigned int runs;

/* Log the run. */
void log_handler(struct k_work *work);

/* Log the run, then wait until the test gives `release`. */
void blocking_handler(struct k_work *work);
extern struct k_sem release;

/* Start test_q once; clear the log and the semaphore. */
void work_before(void *fixture);

#endif /* WORK_COMMON_H */
