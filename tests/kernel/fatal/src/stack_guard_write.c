/*
 * A stray store into the running thread's own stack guard (stack_guard.conf),
 * not a push: the stack pointer is fine. The PMP refuses it, and it is
 * reported as a stack overflow of that thread, a kernel fatal error (exit
 * status 18).
 */
#include "scenario.h"

static void stray(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	/* The guard is the lowest bytes of the stack object (one word store, aligned). */
	volatile uintptr_t guard = (uintptr_t)scenario_stack;

	*(volatile uint32_t *)guard = 0xdeadbeefU;
}

void run_scenario(void)
{
	run_in_thread("stray", stray);
}
