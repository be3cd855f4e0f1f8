/*
 * Thread-Metric style tests (after the published test definitions), each run
 * twice: with supervisor test threads, and with the test threads in user mode
 * inside a memory domain (everything they touch granted or mapped, nothing
 * else). Each figure is guest instructions per test iteration, measured from
 * the start of the test threads to their end.
 *
 *   basic        one thread: a fixed block of arithmetic, counter++
 *   cooperative  5 threads of one priority: counter++, k_yield()
 *   preemptive   5 threads of 5 priorities: each resumes the next more urgent
 *                one, the most urgent suspends itself, and so on down
 *   interrupt    thread raises a software interrupt; the ISR gives a semaphore
 *                the thread then takes
 *   irq_preempt  thread raises a software interrupt; the ISR resumes a more
 *                urgent thread, which counts and suspends itself
 *   message      one thread sends a 16-byte message to a queue, receives it back
 *   sync         one thread takes and gives a semaphore (no contention)
 *   memory       one thread allocates a 128-byte block (of 16) and frees it
 */
#include <stdio.h>
#include <string.h>
#include <zephyr/app_memory/app_memdomain.h>
#include "bench.h"
#include "bench_irq.h"

#define ITERS          2000
#define NTHREADS       5
#define STACK          1024
/* The memory test's pool: 2048 bytes of 128-byte blocks, as in Thread-Metric. */
#define TM_SLAB_BLOCKS 16

K_APPMEM_PARTITION_DEFINE(tm_part);
K_APP_BMEM(tm_part) static volatile uint32_t counters[NTHREADS];
K_APP_BMEM(tm_part) static uint32_t slab_buffer[TM_SLAB_BLOCKS * 128 / 4] __aligned(4);
K_APP_BMEM(tm_part) static uint32_t work[16];

#ifdef BENCH_SOFT_IRQ_PARTITION_DEFINE
/* What user threads need to raise the software interrupt (bench_irq.h). */
BENCH_SOFT_IRQ_PARTITION_DEFINE(msip_part);
#endif

static struct k_mem_domain tm_domain;
static struct k_thread threads[NTHREADS];
K_THREAD_STACK_ARRAY_DEFINE(stacks, NTHREADS, STACK);

K_SEM_DEFINE(tm_sem, 0, 1);
K_MSGQ_DEFINE(tm_queue, 16, 4, 4);
static struct k_mem_slab tm_slab;

static uint32_t mode_user; /* K_USER or 0 */

/* Create @n test threads (entries[i] at prios[i]) in the domain, each granted all it uses. */
static void create_threads(unsigned int n, const k_thread_entry_t *entries, const int *prios)
{
	for (unsigned int i = 0; i < n; i++) {
		counters[i] = 0;
		k_thread_create(&threads[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]),
				entries[i], (void *)(uintptr_t)i, NULL, NULL, prios[i], mode_user,
				K_FOREVER);
		k_mem_domain_add_thread(&tm_domain, &threads[i]);
	}
	for (unsigned int i = 0; i < n; i++) {
		for (unsigned int j = 0; j < n; j++) {
			k_object_access_grant(&threads[j], &threads[i]);
		}
		k_thread_access_grant(&threads[i], &tm_sem, &tm_queue, &tm_slab);
	}
}

static void start_threads(unsigned int n, k_thread_entry_t entry, const int *prios)
{
	k_thread_entry_t entries[NTHREADS];

	for (unsigned int i = 0; i < n; i++) {
		entries[i] = entry;
	}
	create_threads(n, entries, prios);
}

/* Start the threads (all more urgent than main), wait for them, report. */
static void run(const char *test, unsigned int n, uint32_t iterations)
{
	char name[48];
	uint32_t t0 = bench_instret();

	/* All start together: the first must not run alone before the others exist. */
	k_sched_lock();
	for (unsigned int i = 0; i < n; i++) {
		k_thread_start(&threads[i]);
	}
	k_sched_unlock();
	for (unsigned int i = 0; i < n; i++) {
		k_thread_join(&threads[i], K_FOREVER);
	}
	uint32_t t1 = bench_instret();

	snprintf(name, sizeof(name), "%s.%s", test, mode_user ? "user" : "supervisor");
	bench_report(name, t1 - t0, iterations, 0);
}

static void basic(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < ITERS; i++) {
		for (uint32_t j = 0; j < ARRAY_SIZE(work); j++) {
			work[j] = (work[j] + i) ^ j;
		}
		counters[0]++;
	}
}

static void cooperative(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < ITERS; i++) {
		counters[(uintptr_t)p1]++;
		k_yield();
	}
}

/*
 * Thread 0, the least urgent, resumes thread 1, which preempts it at once and
 * resumes thread 2, and so on; each then suspends itself and the next less
 * urgent one goes on.
 */
static void preemptive(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uintptr_t i = (uintptr_t)p1;

	for (uint32_t n = 0; n < ITERS; n++) {
		if (i > 0) {
			k_thread_suspend(&threads[i]);
		}
		counters[i]++;
		if (i + 1 < NTHREADS) {
			k_thread_resume(&threads[i + 1]);
		}
	}
}

static volatile uint32_t irq_mode;

static void soft_isr(const void *arg)
{
	ARG_UNUSED(arg);
	bench_soft_irq_clear();
	if (irq_mode == 0U) {
		k_sem_give(&tm_sem);
	} else {
		k_thread_resume(&threads[1]);
	}
}

static void interrupt(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < ITERS; i++) {
		bench_soft_irq_raise();
		(void)k_sem_take(&tm_sem, K_FOREVER);
		counters[0]++;
	}
}

static void irq_preempt_low(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < ITERS; i++) {
		bench_soft_irq_raise();
		counters[0]++;
	}
}

static void irq_preempt_high(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < ITERS; i++) {
		k_thread_suspend(&threads[1]);
		counters[1]++;
	}
}

static void message(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint32_t out[4] = { 1, 2, 3, 4 };
	uint32_t in[4];

	for (uint32_t i = 0; i < ITERS; i++) {
		out[0] = i;
		(void)k_msgq_put(&tm_queue, out, K_FOREVER);
		(void)k_msgq_get(&tm_queue, in, K_FOREVER);
		counters[0] += in[0] == i;
	}
}

static void sync(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < ITERS; i++) {
		(void)k_sem_take(&tm_sem, K_FOREVER);
		k_sem_give(&tm_sem);
		counters[0]++;
	}
}

static void memory(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	void *block;

	for (uint32_t i = 0; i < ITERS; i++) {
		if (k_mem_slab_alloc(&tm_slab, &block, K_NO_WAIT) == 0) {
			k_mem_slab_free(&tm_slab, block);
			counters[0]++;
		}
	}
}

static void check(const char *test, unsigned int thread, uint32_t want)
{
	if (counters[thread] != want) {
		printk("thread-metric %s: counter %u is %u, expected %u\n", test, thread,
		       (unsigned int)counters[thread], (unsigned int)want);
		sys_exit(1);
	}
}

/* Start the threads in reverse (the self-suspending ones first), time until all end. */
static void run_chain(const char *test, unsigned int n, uint32_t iterations)
{
	char name[48];
	uint32_t t0 = bench_instret();

	for (unsigned int i = n; i-- > 0;) {
		k_thread_start(&threads[i]);
	}
	for (unsigned int i = 0; i < n; i++) {
		k_thread_join(&threads[i], K_FOREVER);
	}
	snprintf(name, sizeof(name), "%s.%s", test, mode_user ? "user" : "supervisor");
	bench_report(name, bench_instret() - t0, iterations, 0);
}

/* Test threads are preemptible and all more urgent than main (priority 10). */
static void all_tests(void)
{
	static const int equal[NTHREADS] = { 5, 5, 5, 5, 5 };
	static const int chain[NTHREADS] = { 9, 8, 7, 6, 5 };
	static const k_thread_entry_t irq_pair[2] = { irq_preempt_low, irq_preempt_high };

	start_threads(1, basic, equal);
	run("thread_metric.basic", 1, ITERS);
	check("basic", 0, ITERS);

	start_threads(NTHREADS, cooperative, equal);
	run("thread_metric.cooperative", NTHREADS, NTHREADS * ITERS);
	check("cooperative", 4, ITERS);

	start_threads(NTHREADS, preemptive, chain);
	run_chain("thread_metric.preemptive", NTHREADS, NTHREADS * ITERS);
	check("preemptive", 4, ITERS);

	irq_mode = 0;
	start_threads(1, interrupt, equal);
	run("thread_metric.interrupt", 1, ITERS);
	check("interrupt", 0, ITERS);

	irq_mode = 1;
	create_threads(2, irq_pair, &chain[3]);
	run_chain("thread_metric.irq_preempt", 2, ITERS);
	check("irq_preempt", 1, ITERS);

	start_threads(1, message, equal);
	run("thread_metric.message", 1, ITERS);
	check("message", 0, ITERS);

	k_sem_give(&tm_sem);
	start_threads(1, sync, equal);
	run("thread_metric.sync", 1, ITERS);
	check("sync", 0, ITERS);
	k_sem_reset(&tm_sem);

	start_threads(1, memory, equal);
	run("thread_metric.memory", 1, ITERS);
	check("memory", 0, ITERS);
}

int main(void)
{
	struct k_mem_partition *parts[] = {
		&tm_part,
#ifdef BENCH_SOFT_IRQ_PARTITION_DEFINE
		&msip_part,
#endif
	};

	k_thread_priority_set(k_current_get(), 10);
	k_mem_domain_init(&tm_domain, ARRAY_SIZE(parts), parts);
	k_mem_slab_init(&tm_slab, slab_buffer, 128, TM_SLAB_BLOCKS);
	bench_soft_irq_init();
	IRQ_CONNECT(BENCH_SOFT_IRQ, 0, soft_isr, NULL, 0);
	irq_enable(BENCH_SOFT_IRQ);

	mode_user = 0;
	all_tests();
	mode_user = K_USER;
	all_tests();
	printk("BENCH done\n");
	sys_exit(0);
}
