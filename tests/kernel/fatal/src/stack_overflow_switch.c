/*
 * A supervisor thread recurses, yielding to a peer of its priority at every
 * level, until its stack overflows inside a switch: a switch between two
 * threads that both yielded saves the old one's context as a call frame
 * below its stack pointer (Cortex-M), which must be checked like any other
 * use of the stack. The guard stops it, the report says "stack overflow" and
 * the system halts (exit status 18), and the words right below the stack
 * object (on ARMv8-M, right below the stack limit, which has no guard bytes)
 * were never written: the fatal error handler checks them before halting.
 */
#include "scenario.h"

#define CANARY  0x5afe5afeU
#define N_BELOW 8

/* The stack with words of its own just below it. */
static struct {
	uint32_t below[N_BELOW];
	K_KERNEL_STACK_MEMBER(stack, 1024);
} area;

static struct k_thread victim, peer;
K_KERNEL_STACK_DEFINE(peer_stack, 1024);

static void peer_loop(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		k_yield();
	}
}

/*
 * One level: a small frame (16 bytes), so that the switch of some level lands
 * right on the limit. Built for speed (as the switch's fast path is), so that
 * the yield's own frames are few; never inlined into itself, which would
 * merge the levels' frames.
 */
static __attribute__((noinline)) int yielder(int depth)
{
	volatile uint32_t frame[2];

	frame[0] = (uint32_t)depth;
	k_yield();
	/* Not a tail call: every level keeps its frame. */
	return yielder(depth + 1) + (int)frame[0];
}

static void deep(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	printk("result %d\n", yielder(0));
}

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	unsigned int changed = 0;

	for (unsigned int i = 0; i < N_BELOW; i++) {
		changed += area.below[i] != CANARY ? 1U : 0U;
	}
	printk("below the stack: %s (%u of %u words changed)\n",
	       changed == 0U ? "intact" : "WRITTEN", changed, N_BELOW);
	k_fatal_halt(reason);
}

void run_scenario(void)
{
	for (unsigned int i = 0; i < N_BELOW; i++) {
		area.below[i] = CANARY;
	}
	/*
	 * Cooperative, as run_in_thread's threads: they switch only by yielding,
	 * to each other. Both start at once: main, less urgent, runs no more.
	 */
	k_thread_create(&peer, peer_stack, K_KERNEL_STACK_SIZEOF(peer_stack), peer_loop, NULL, NULL,
			NULL, -1, 0, K_FOREVER);
	k_thread_create(&victim, area.stack, K_KERNEL_STACK_SIZEOF(area.stack), deep, NULL, NULL,
			NULL, -1, 0, K_FOREVER);
	k_thread_name_set(&victim, "deep");
	k_sched_lock();
	k_thread_start(&victim);
	k_thread_start(&peer);
	k_sched_unlock();
	(void)k_thread_join(&victim, K_FOREVER);
}
