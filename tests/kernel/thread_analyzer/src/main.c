/*
 * The thread analyzer: it reports every live thread once, with its stack
 * size; a thread that ran a deep frame shows at least that much used; a
 * supervisor thread on a kernel stack has no privileged stack; and
 * thread_analyzer_print() prints (checked by the testspec's patterns).
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "analyzer.h"

#define STACK_SIZE 1024
#define DEEP       600

static K_KERNEL_STACK_DEFINE(kstack, STACK_SIZE);
static struct k_thread kthread;
static K_SEM_DEFINE(ran, 0, 1);
static K_SEM_DEFINE(hold, 0, 1);

static const char *wanted;
static struct thread_analyzer_info found;
static unsigned int seen;
static unsigned int threads;

static void collect(struct thread_analyzer_info *info)
{
	threads++;
	if (strcmp(info->name, wanted) == 0) {
		found = *info;
		seen++;
	}
}

bool analyze(const char *name, struct thread_analyzer_info *out)
{
	wanted = name;
	seen = 0;
	threads = 0;
	thread_analyzer_run(collect, 0);
	*out = found;
	return seen == 1U;
}

static __noinline void deep(void)
{
	volatile uint8_t frame[DEEP];

	for (size_t i = 0; i < sizeof(frame); i++) {
		frame[i] = (uint8_t)i;
	}
}

/* Runs a deep frame, then stays alive (the analyzer reports live threads only). */
static void deep_then_wait(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	deep();
	k_sem_give(&ran);
	(void)k_sem_take(&hold, K_FOREVER);
}

ZTEST_SUITE(thread_analyzer, NULL, NULL, NULL, NULL, NULL);

ZTEST(thread_analyzer, test_supervisor_thread) {
	struct thread_analyzer_info info;

	k_thread_create(&kthread, kstack, K_KERNEL_STACK_SIZEOF(kstack), deep_then_wait, NULL, NULL,
			NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(&kthread, "deep_sup");
	zassert_equal(k_sem_take(&ran, K_SECONDS(1)), 0);

	zassert_true(analyze("deep_sup", &info), "reported %u times", seen);
	zassert_true(threads >= 3U, "only %u threads (idle, main, this one at least)", threads);
	zassert_equal(info.stack_size, K_KERNEL_STACK_SIZEOF(kstack));
	zassert_true(info.stack_used >= DEEP && info.stack_used < info.stack_size, "used %u of %u",
		     (unsigned int)info.stack_used, (unsigned int)info.stack_size);
	zassert_equal(info.priv_stack_size, 0, "a kernel stack has no privileged stack");
	zassert_equal(info.priv_stack_used, 0);

	size_t size = 1, unused = 1;

	zassert_equal(k_thread_priv_stack_space_get(&kthread, &size, &unused), -EINVAL);

	k_sem_give(&hold);
	zassert_equal(k_thread_join(&kthread, K_SECONDS(1)), 0);
	zassert_false(analyze("deep_sup", &info), "an ended thread is not reported");
}

ZTEST(thread_analyzer, test_running_thread_and_print) {
	struct thread_analyzer_info info;

	zassert_true(analyze(k_thread_name_get(k_current_get()), &info), "the caller itself");
	zassert_true(info.stack_used > 0 && info.stack_used < info.stack_size);
	thread_analyzer_run(NULL, 0); /* no callback: nothing to do, no crash */
	thread_analyzer_print(0);
}
