/*
 * The porting layer on Breeze's public API: threads, the queue, the software
 * interrupt and the harness hooks. The semaphore (tm_port_sem.c) and the
 * memory pool (tm_port_pool.c) are files of their own, so that user-space
 * primitives can replace them (tm_port_sys_sem.c, tm_port_pool_blocks.c).
 *
 * Every service is a function in this file, never a macro or an inline (as
 * the suite requires of a port): a test pays one call per service, as on any
 * other kernel it is compared with.
 */
#include <zephyr/app_memory/app_memdomain.h>
#include "bench.h"
#include "tm_api.h"

/* The stack of each test thread; user threads also get a privileged stack. */
#define TM_STACK_SIZE 1024

/*
 * The harness (main) runs at this priority, less urgent than every test
 * thread: it gets the CPU back only when all of them have ended or suspended
 * themselves. Test priorities (1..TM_MAIN_PRIORITY-1) are Breeze's own.
 */
#define TM_MAIN_PRIORITY 12

/* The queue holds at least one 16-byte message (the pool: tm_port_pool*.c). */
#define TM_MESSAGE_SIZE 16
#define TM_QUEUE_DEPTH  4

K_APPMEM_PARTITION_DEFINE(tm_part);
TM_DATA uint32_t tm_iterations;

#ifdef BENCH_SOFT_IRQ_PARTITION_DEFINE
/* What a user thread needs to raise the software interrupt (bench_irq.h). */
BENCH_SOFT_IRQ_PARTITION_DEFINE(tm_irq_part);
#endif

#ifdef CONFIG_USERSPACE
static struct k_mem_domain tm_domain;
#endif
static struct k_thread threads[TM_MAX_THREADS];
static bool created[TM_MAX_THREADS];
K_THREAD_STACK_ARRAY_DEFINE(stacks, TM_MAX_THREADS, TM_STACK_SIZE);

static struct k_msgq queue;
static char queue_area[TM_QUEUE_DEPTH * TM_MESSAGE_SIZE] __aligned(sizeof(uint32_t));

static uint32_t thread_options; /* K_USER in user mode */
static void (*interrupt_handler)(void);

void tm_init_check(int status, const char *what)
{
	if (status != TM_SUCCESS) {
		printk("thread-metric: %s failed\n", what);
		sys_exit(1);
	}
}

unsigned long tm_counters_sum(const unsigned long *counters, unsigned int n)
{
	unsigned long total = 0;

	for (unsigned int i = 0; i < n; i++) {
		total += counters[i];
	}
	return total;
}

bool tm_counters_even(const unsigned long *counters, unsigned int n)
{
	unsigned long average = tm_counters_sum(counters, n) / n;

	for (unsigned int i = 0; i < n; i++) {
		if (counters[i] + 1U < average || counters[i] > average + 1U) {
			return false;
		}
	}
	return true;
}

static uint32_t run_instructions;

/*
 * Unlike the suite's, this returns: main is the least urgent thread, so it
 * runs again only once every test thread has ended or suspended itself. The
 * scheduler stays locked while the test creates and resumes its threads, so
 * that they start together, as they do when the suite initializes a test
 * before the kernel starts scheduling. The run is timed from the unlock,
 * which lets them go, to main's return: creating threads costs more or less
 * depending on what earlier runs left to clean up, so it stays outside.
 */
void tm_initialize(void (*test_initialization_function)(void))
{
	k_sched_lock();
	test_initialization_function();
	uint32_t t0 = bench_instret();

	k_sched_unlock();
	run_instructions = bench_instret() - t0;
}

uint32_t tm_port_run_instructions(void)
{
	return run_instructions;
}

static bool valid_thread(int thread_id)
{
	return thread_id >= 0 && thread_id < TM_MAX_THREADS && created[thread_id];
}

/* A Breeze thread entry around the suite's void (*)(void) one. */
static void thread_entry(void *entry, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	((void (*)(void))entry)();
}

/*
 * Created suspended, not merely unstarted: the suite's resume is also what
 * first starts a thread, and k_thread_resume() readies only a suspended one.
 */
int tm_thread_create(int thread_id, int priority, void (*entry_function)(void))
{
	if (thread_id < 0 || thread_id >= TM_MAX_THREADS || priority < 1 ||
	    priority >= TM_MAIN_PRIORITY) {
		return TM_ERROR;
	}
	struct k_thread *t = &threads[thread_id];

	k_thread_create(t, stacks[thread_id], K_THREAD_STACK_SIZEOF(stacks[thread_id]),
			thread_entry, (void *)entry_function, NULL, NULL, priority, thread_options,
			K_FOREVER);
#ifdef CONFIG_USERSPACE
	if ((thread_options & K_USER) != 0U && k_mem_domain_add_thread(&tm_domain, t) != 0) {
		return TM_ERROR;
	}
#endif
	k_thread_suspend(t);
	k_thread_start(t);
	created[thread_id] = true;
	return TM_SUCCESS;
}

/* k_thread_resume() and k_thread_suspend() return nothing: there is no status to pass on. */
int tm_thread_resume(int thread_id)
{
	k_thread_resume(&threads[thread_id]);
	return TM_SUCCESS;
}

int tm_thread_suspend(int thread_id)
{
	k_thread_suspend(&threads[thread_id]);
	return TM_SUCCESS;
}

void tm_thread_relinquish(void)
{
	k_yield();
}

/* In the suite only the reporting threads sleep; the harness here has none. */
void tm_thread_sleep(int seconds)
{
	k_sleep(K_SECONDS(seconds));
}

int tm_queue_create(int queue_id)
{
	if (queue_id != 0) {
		return TM_ERROR;
	}
	k_msgq_init(&queue, queue_area, TM_MESSAGE_SIZE, TM_QUEUE_DEPTH);
	return TM_SUCCESS;
}

/* The suite's port neither waits on a full queue nor on an empty one. */
int tm_queue_send(int queue_id, unsigned long *message_ptr)
{
	ARG_UNUSED(queue_id);
	return k_msgq_put(&queue, message_ptr, K_NO_WAIT) == 0 ? TM_SUCCESS : TM_ERROR;
}

int tm_queue_receive(int queue_id, unsigned long *message_ptr)
{
	ARG_UNUSED(queue_id);
	return k_msgq_get(&queue, message_ptr, K_NO_WAIT) == 0 ? TM_SUCCESS : TM_ERROR;
}

/*
 * The software interrupt. The suite has the trap handler call the test's
 * handler directly; both interrupt tests share this image, so the call goes
 * through a pointer (two instructions more).
 */
static void soft_isr(const void *arg)
{
	ARG_UNUSED(arg);
	bench_soft_irq_clear();
	interrupt_handler();
}

void tm_interrupt_handler_set(void (*handler)(void))
{
	interrupt_handler = handler;
}

/* Grants: a user thread may call on a kernel object only once granted it. */
int tm_thread_grant_thread(int thread_id, int other_thread_id)
{
	if (!valid_thread(thread_id) || !valid_thread(other_thread_id)) {
		return TM_ERROR;
	}
	k_object_access_grant(&threads[other_thread_id], &threads[thread_id]);
	return TM_SUCCESS;
}

int tm_thread_grant_queue(int thread_id, int queue_id)
{
	if (!valid_thread(thread_id) || queue_id != 0) {
		return TM_ERROR;
	}
	k_object_access_grant(&queue, &threads[thread_id]);
	return TM_SUCCESS;
}

struct k_thread *tm_port_thread(int thread_id)
{
	return valid_thread(thread_id) ? &threads[thread_id] : NULL;
}

void tm_port_setup(void)
{
	k_thread_priority_set(k_current_get(), TM_MAIN_PRIORITY);
#ifdef CONFIG_USERSPACE
	struct k_mem_partition *parts[] = {
		&tm_part,
#ifdef BENCH_SOFT_IRQ_PARTITION_DEFINE
		&tm_irq_part,
#endif
	};

	tm_init_check(k_mem_domain_init(&tm_domain, ARRAY_SIZE(parts), parts) == 0 ? TM_SUCCESS
										   : TM_ERROR,
		      "memory domain");
#endif
	bench_soft_irq_init();
	IRQ_CONNECT(BENCH_SOFT_IRQ, 0, soft_isr, NULL, 0);
	irq_enable(BENCH_SOFT_IRQ);
}

void tm_port_user_mode(bool user)
{
	thread_options = user ? K_USER : 0U;
}

/* End the threads a test leaves suspended (those that loop forever, as in the suite). */
void tm_port_cleanup(void)
{
	for (int i = 0; i < TM_MAX_THREADS; i++) {
		if (created[i]) {
			k_thread_abort(&threads[i]);
			created[i] = false;
		}
	}
}
