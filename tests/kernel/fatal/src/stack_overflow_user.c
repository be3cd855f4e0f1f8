/*
 * A user thread recurses without bound in user mode (user_mode.conf). With
 * stack limit registers (ARMv8-M) the core stops its stack pointer at the
 * bottom of its user stack and the fault is reported as a stack overflow of
 * that stack; elsewhere the memory protection unit stops the first store
 * below it (a CPU exception). Either way only that thread dies, and a second
 * user thread and main carry on.
 */
#include "scenario.h"

#define STACK_SIZE 1024

static K_THREAD_STACK_DEFINE(climber_stack, STACK_SIZE);
static K_THREAD_STACK_DEFINE(bystander_stack, STACK_SIZE);
static struct k_thread climber_thread;
static struct k_thread bystander_thread;
K_SEM_DEFINE(bystander_done, 0, 1);

static void climber(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	/* A system call first: its return must give the user stack its own limit back. */
	printk("climber starts\n");
	printk("result %d\n", stack_eater(100000));
	printk("FAIL: the climber never overflowed\n");
}

static void bystander(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_give(&bystander_done);
}

void run_scenario(void)
{
	k_thread_create(&climber_thread, climber_stack, STACK_SIZE, climber, NULL, NULL, NULL, 5,
			K_USER, K_FOREVER);
	k_thread_name_set(&climber_thread, "climber");
	k_thread_start(&climber_thread);
	k_thread_join(&climber_thread, K_FOREVER);
	printk("main continues after the climber's overflow\n");

	k_thread_create(&bystander_thread, bystander_stack, STACK_SIZE, bystander, NULL, NULL, NULL,
			5, K_USER, K_FOREVER);
	k_thread_access_grant(&bystander_thread, &bystander_done);
	k_thread_start(&bystander_thread);
	k_sem_take(&bystander_done, K_FOREVER);
	k_thread_join(&bystander_thread, K_FOREVER);
	printk("a second user thread ran normally\n");
	printk("PROJECT EXECUTION SUCCESSFUL\n");
	sys_exit(0);
}
