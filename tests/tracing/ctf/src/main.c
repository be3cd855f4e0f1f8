/*
 * The traced scenario of tests/tracing/ctf: main waits on a semaphore; the
 * user thread "pong" locks a mutex, puts a message, unlocks, gives the
 * semaphore (main, more urgent, preempts it), then, running again, reads
 * kernel memory and faults. main takes the message, joins pong and exits.
 * check_trace.py knows this order and finds it in babeltrace2's output.
 */
#include <zephyr/kernel.h>
#include <zephyr/sys/printk.h>

#define PONG_PRIO 3

K_SEM_DEFINE(ping_sem, 0, 1);
K_MUTEX_DEFINE(lock);
K_MSGQ_DEFINE(queue, sizeof(uint32_t), 2, 4);

static struct k_thread pong;
static K_THREAD_STACK_DEFINE(pong_stack, 1024);

static void pong_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	uint32_t msg = 0x1234;

	(void)k_mutex_lock(&lock, K_FOREVER);
	(void)k_msgq_put(&queue, &msg, K_NO_WAIT);
	(void)k_mutex_unlock(&lock);
	k_sem_give(&ping_sem);
	/* A user thread may not read kernel memory: this ends pong alone. */
	printk("pong: %u\n", *(volatile unsigned int *)&ping_sem.count);
}

int main(void)
{
	uint32_t msg = 0;

	k_thread_create(&pong, pong_stack, K_THREAD_STACK_SIZEOF(pong_stack), pong_entry, NULL,
			NULL, NULL, PONG_PRIO, K_USER, K_FOREVER);
	k_thread_name_set(&pong, "pong");
	k_thread_access_grant(&pong, &ping_sem, &lock, &queue);
	k_thread_start(&pong);

	(void)k_sem_take(&ping_sem, K_FOREVER);
	int ret = k_msgq_get(&queue, &msg, K_NO_WAIT);

	(void)k_thread_join(&pong, K_FOREVER);
	printk("main: message 0x%x (%d), pong ended\n", (unsigned int)msg, ret);
	sys_exit(msg == 0x1234 && ret == 0 ? 0 : 1);
}
