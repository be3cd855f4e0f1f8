/*
 * Two threads take turns through a pair of semaphores, then main reports and
 * ends the run.
 */
#include <stdio.h>
#include <breeze/kernel.h>

#define ROUNDS 5

K_SEM_DEFINE(ping, 0, 1);
K_SEM_DEFINE(pong, 0, 1);

static void ponger(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	for (int i = 0; i < ROUNDS; i++) {
		k_sem_take(&ping, K_FOREVER);
		printk("  pong %d from '%s'\n", i, k_thread_name_get(k_current_get()));
		k_sem_give(&pong);
	}
}

K_THREAD_DEFINE(pong_thread, 1024, ponger, NULL, NULL, NULL, 5, 0, 0);

int main(void)
{
	printf("Hello from Breeze: main runs at priority %d\n",
	       k_thread_priority_get(k_current_get()));
	for (int i = 0; i < ROUNDS; i++) {
		printk("ping %d\n", i);
		k_sem_give(&ping);
		k_sem_take(&pong, K_FOREVER);
		k_msleep(10);
	}
	printk("done after %lld ms of virtual time\n", k_uptime_get());
	sys_exit(0);
}
