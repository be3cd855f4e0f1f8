/*
 * Event log, helper-thread pool and software-interrupt runner (see test_util.h).
 */
#include "local_soft_irq.h"
#include <breeze/irq_offload.h>
#include "test_util.h"

#define LOG_LEN 128

static char log_buf[LOG_LEN];
static unsigned int log_len;

static struct k_thread pool_threads[POOL_SIZE];
K_THREAD_STACK_ARRAY_DEFINE(pool_stacks, POOL_SIZE, POOL_STACK_SIZE);
static unsigned int pool_used;

void events_reset(void)
{
	unsigned int key = irq_lock();

	log_len = 0;
	log_buf[0] = '\0';
	irq_unlock(key);
}

void event(char c)
{
	/* Interrupts off: an ISR or a preempting thread may log at any moment. */
	unsigned int key = irq_lock();

	if (log_len < LOG_LEN - 1U) {
		log_buf[log_len++] = c;
		log_buf[log_len] = '\0';
	}
	irq_unlock(key);
}

const char *events_get(void)
{
	return log_buf;
}

static k_tid_t create(k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
		      k_timeout_t delay)
{
	zassert_true(pool_used < POOL_SIZE, "helper thread pool exhausted");
	unsigned int i = pool_used++;

	return k_thread_create(&pool_threads[i], pool_stacks[i], POOL_STACK_SIZE, entry, p1, p2, p3,
			       prio, 0, delay);
}

k_tid_t spawn(k_thread_entry_t entry, void *p1, void *p2, int prio)
{
	return create(entry, p1, p2, NULL, prio, K_NO_WAIT);
}

k_tid_t spawn3(k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio)
{
	return create(entry, p1, p2, p3, prio, K_NO_WAIT);
}

k_tid_t spawn_delayed(k_thread_entry_t entry, void *p1, void *p2, int prio, k_timeout_t delay)
{
	return create(entry, p1, p2, NULL, prio, delay);
}

k_tid_t spawn_stopped(k_thread_entry_t entry, void *p1, void *p2, int prio)
{
	return create(entry, p1, p2, NULL, prio, K_FOREVER);
}

void join_all(void)
{
	for (unsigned int i = 0; i < pool_used; i++) {
		zassert_equal(k_thread_join(&pool_threads[i], K_FOREVER), 0);
	}
}

void test_cleanup(void)
{
	for (unsigned int i = 0; i < pool_used; i++) {
		k_thread_abort(&pool_threads[i]);
	}
	pool_used = 0;
	events_reset();
}

#ifdef CONFIG_SMP
/*
 * With SMP the machine software interrupt carries the kernel's IPIs: the
 * routine runs through irq_offload(), an interrupt of the calling CPU too.
 */
static void offloaded(const void *arg)
{
	((void (*)(void))arg)();
}

void run_in_isr(void (*fn)(void))
{
	irq_offload(offloaded, (const void *)fn);
}
#else
static void (*volatile isr_fn)(void);
static volatile bool isr_done;

static void soft_isr(const void *arg)
{
	ARG_UNUSED(arg);
	local_soft_irq_clear();
	isr_fn();
	isr_done = true;
}

IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, soft_isr, NULL, 0);

void run_in_isr(void (*fn)(void))
{
	isr_fn = fn;
	isr_done = false;
	irq_enable(LOCAL_SOFT_IRQ);
	local_soft_irq_raise();
	/* The interrupt is taken within a few instructions; do not run ahead of it. */
	while (!isr_done) {
	}
}
#endif
