/*
 * A user thread's system call runs out of its privileged stack (configured
 * far too small in privileged_stack.conf): the guard stops the kernel before it writes
 * below the stack, the report says "stack overflow" and names the thread, and
 * only that thread dies. A second user thread with a normal workload, and
 * main, carry on.
 */
#include "scenario.h"

#define STACK_SIZE 1024

static K_THREAD_STACK_DEFINE(victim_stack, STACK_SIZE);
static K_THREAD_STACK_DEFINE(child_stack, STACK_SIZE);
static K_THREAD_STACK_DEFINE(bystander_stack, STACK_SIZE);
static struct k_thread victim_thread;
static struct k_thread child_thread;
static struct k_thread bystander_thread;
K_SEM_DEFINE(bystander_done, 0, 1);

static void child(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* Creating a thread is one of the deepest system calls. */
static void victim(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (int i = 0; i < 100; i++) {
		k_thread_create(&child_thread, child_stack, STACK_SIZE, child, NULL, NULL, NULL, 5,
				K_USER, K_NO_WAIT);
		k_thread_join(&child_thread, K_FOREVER);
	}
	printk("FAIL: the victim's system calls never overflowed\n");
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
	k_thread_create(&victim_thread, victim_stack, STACK_SIZE, victim, NULL, NULL, NULL, 5,
			K_USER, K_FOREVER);
	k_thread_name_set(&victim_thread, "victim");
	k_thread_access_grant(&victim_thread, &child_thread, child_stack);
	k_thread_start(&victim_thread);
	k_thread_join(&victim_thread, K_FOREVER);
	printk("main continues after the victim's overflow\n");

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
