/*
 * The test queue and the handler log shared by the suites (see work_common.h).
 */
#include "work_common.h"

struct k_work_q test_q;
static K_THREAD_STACK_DEFINE(test_q_stack, 1024);

struct k_work *volatile run_log[LOG_LEN];
k_tid_t volatile run_thread[LOG_LEN];
volatile unsigned int runs;

K_SEM_DEFINE(release, 0, 1);

void log_handler(struct k_work *work)
{
	if (runs < LOG_LEN) {
		run_log[runs] = work;
		run_thread[runs] = k_current_get();
	}
	runs++;
}

void blocking_handler(struct k_work *work)
{
	log_handler(work);
	(void)k_sem_take(&release, K_FOREVER);
}

void work_before(void *fixture)
{
	ARG_UNUSED(fixture);
	static bool started;

	if (!started) {
		const struct k_work_queue_config cfg = { .name = "test_q" };

		k_work_queue_init(&test_q);
		k_work_queue_start(&test_q, test_q_stack, K_THREAD_STACK_SIZEOF(test_q_stack),
				   QUEUE_PRIO, &cfg);
		started = true;
	}
	/* Whatever the previous test left queued has run. */
	zassert_true(k_work_queue_drain(&test_q, false) >= 0);
	for (unsigned int i = 0; i < LOG_LEN; i++) {
		run_log[i] = NULL;
		run_thread[i] = NULL;
	}
	runs = 0;
	k_sem_reset(&release);
}
