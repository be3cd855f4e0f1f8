/*
 * A kernel without a console: threads and semaphores work, printk() is an
 * empty inline function (its arguments are still evaluated), and a fatal
 * error still ends the run with its status. The verdict is the exit status.
 */
#include <zephyr/kernel.h>
#include <zephyr/sys/printk.h>

#define ROUNDS 100

K_SEM_DEFINE(ping, 0, 1);
K_SEM_DEFINE(pong, 0, 1);

static volatile unsigned int pongs;

static void ponger(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (unsigned int i = 0; i < ROUNDS; i++) {
		(void)k_sem_take(&ping, K_FOREVER);
		pongs++;
		k_sem_give(&pong);
	}
}

K_THREAD_DEFINE(ponger_thread, 1024, ponger, NULL, NULL, NULL, 5, 0, 0);

static unsigned int evaluated;

static unsigned int count_evaluation(void)
{
	return ++evaluated;
}

int main(void)
{
	for (unsigned int i = 0; i < ROUNDS; i++) {
		k_sem_give(&ping);
		if (k_sem_take(&pong, K_MSEC(100)) != 0) {
			sys_exit(2);
		}
	}
	/* Silent, but its arguments are evaluated as with a console. */
	printk("%u\n", count_evaluation());
	if (pongs != ROUNDS || evaluated != 1U || k_thread_name_set(NULL, "x") != -ENOSYS) {
		sys_exit(1);
	}
#ifdef NO_CONSOLE_PANIC
	k_panic();
#endif
	sys_exit(0);
}
