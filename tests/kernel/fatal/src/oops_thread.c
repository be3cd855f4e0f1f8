/*
 * k_oops() in a supervisor thread created by main: K_ERR_KERNEL_OOPS,
 * reported against that thread (not main, which is blocked joining it); the
 * default handler halts the run with exit status 19.
 */
#include <breeze/kernel.h>
#include "scenario.h"

static K_THREAD_STACK_DEFINE(oops_stack, 1024);
static struct k_thread oops_thread;

static void oops_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	k_oops();
}

void run_scenario(void)
{
	k_thread_create(&oops_thread, oops_stack, K_THREAD_STACK_SIZEOF(oops_stack), oops_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_FOREVER);
	k_thread_name_set(&oops_thread, "oops_thread");
	k_thread_start(&oops_thread);
	(void)k_thread_join(&oops_thread, K_FOREVER);
}
