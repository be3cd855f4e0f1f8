/*
 * Wake latency on two harts (QEMU -smp 2): from a k_sem_give() to the thread
 * waiting on the semaphore running, when that thread waits on the other CPU
 * and, for comparison, when it waits on the giver's own CPU.
 *
 * What the counter counts here. Under QEMU -icount, rdinstret is not a count
 * of the reading hart's own instructions: every hart reads the virtual clock,
 * which advances by one for each instruction any hart retires (shift=0) and
 * jumps over stretches in which every hart waits in wfi (sleep=off). The
 * harts take turns on one host thread; a hart keeps its turn until it waits in
 * wfi (or its budget, up to the next timer deadline, runs out), and raising
 * another hart's interrupt does not end it. So the difference of two
 * readings, even taken on two harts, is the number of instructions all harts
 * retired in between, as long as some hart had work all along.
 *
 * Cross-CPU wake latency (sem.wake_latency.cross_cpu), defined so: the
 * instructions retired from the start of the giver's k_sem_give() to the
 * waiter's first instruction after its k_sem_take() returns, with the giver's
 * hart waiting in wfi right after the give. That is the critical path alone:
 * the give (with the inter-processor interrupt it raises), then on the
 * waiter's CPU the interrupt, the reschedule, the switch from the idle thread
 * and the take's return. What the giver does after its give would run in
 * parallel on hardware but, its hart keeping the turn, would be counted here:
 * hence the wfi. It is the sum of two rows: .give (the giver's k_sem_give()
 * call, interrupt included) and .wake (from the give's return, the giver's wfi
 * and the waiter's CPU up to the waiter's first instruction).
 *
 * Same-CPU (sem.wake_latency.same_cpu): the giver and a more urgent waiter on
 * CPU 0, from the start of the give to the waiter's first instruction after
 * its take; the other CPU idles.
 *
 * Each figure is the mean over ITERS rounds (after one round not counted),
 * net of the counter readings inside the window.
 */
#include <breeze/kernel.h>
#include "bench.h"

#define ITERS 1000

K_SEM_DEFINE(wake_sem, 0, 1);
K_SEM_DEFINE(kick_sem, 0, 1);
K_SEM_DEFINE(ready_sem, 0, 1);

static struct k_thread giver, waiter, helper;
K_THREAD_STACK_DEFINE(giver_stack, 1024);
K_THREAD_STACK_DEFINE(waiter_stack, 1024);
K_THREAD_STACK_DEFINE(helper_stack, 1024);

static uint32_t read_cost;        /* one counter reading */
static volatile uint32_t woke_at; /* the waiter's first reading after its take */
static volatile bool woke;
static uint64_t give_sum, wake_sum;
static uint32_t min_total = UINT32_MAX, max_total;
static bool out_of_order;

static void start_pinned(struct k_thread *t, k_thread_stack_t *stack, size_t size,
			 k_thread_entry_t entry, int prio, int cpu)
{
	k_thread_create(t, stack, size, entry, NULL, NULL, NULL, prio, 0, K_FOREVER);
	(void)k_thread_cpu_pin(t, cpu);
	k_thread_start(t);
}

/* Waits on the semaphore, ITERS + 1 times; notes when each take returns. */
static void waiter_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	bool cross = arch_proc_id() != 0U;

	k_sem_give(&ready_sem);
	for (int i = 0; i <= ITERS; i++) {
		(void)k_sem_take(&wake_sem, K_FOREVER);
		uint32_t now = bench_instret();

		woke_at = now;
		if (cross) {
			/* Wake the giver's CPU: the helper there is more urgent than the giver. */
			woke = true;
			k_sem_give(&kick_sem);
		}
	}
}

/* On the giver's CPU: its wake-up interrupt ends the giver's wfi. */
static void helper_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (int i = 0; i <= ITERS; i++) {
		(void)k_sem_take(&kick_sem, K_FOREVER);
	}
}

static void cross_giver(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (int i = 0; i <= ITERS; i++) {
		woke = false;
		uint32_t t0 = bench_instret();

		k_sem_give(&wake_sem);
		uint32_t t1 = bench_instret();

		/* wfi first, with nothing in between: the turn goes to the waiter's CPU. */
		do {
			__asm__ volatile("wfi" ::: "memory");
		} while (!woke);
		uint32_t give = t1 - t0 - read_cost;
		uint32_t wake = woke_at - t1 - read_cost;

		/* The give returned after the waiter ran: QEMU switched harts mid-give. */
		out_of_order |= (int32_t)(woke_at - t1) <= 0;
		if (i == 0) {
			continue;
		}
		give_sum += give;
		wake_sum += wake;
		min_total = MIN(min_total, give + wake);
		max_total = MAX(max_total, give + wake);
	}
}

static void same_giver(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (int i = 0; i <= ITERS; i++) {
		uint32_t t0 = bench_instret();

		k_sem_give(&wake_sem); /* the waiter runs inside */
		if (i > 0) {
			give_sum += woke_at - t0 - read_cost;
		}
	}
}

/* Start the waiter on @cpu and let it reach its first take. */
static void start_waiter(int cpu)
{
	start_pinned(&waiter, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), waiter_entry, -1,
		     cpu);
	(void)k_sem_take(&ready_sem, K_FOREVER);
}

int main(void)
{
	if (arch_num_cpus() < 2U) {
		printk("bench smp: needs two harts, has %u\n", arch_num_cpus());
		sys_exit(1);
	}
	uint32_t r0 = bench_instret();

	read_cost = bench_instret() - r0;

	start_waiter(0);
	start_pinned(&giver, giver_stack, K_THREAD_STACK_SIZEOF(giver_stack), same_giver, 0, 0);
	k_thread_join(&giver, K_FOREVER);
	k_thread_join(&waiter, K_FOREVER);
	bench_report("sem.wake_latency.same_cpu", give_sum, ITERS, 0);

	give_sum = 0;
	start_waiter(1);
	start_pinned(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), helper_entry, -2,
		     0);
	start_pinned(&giver, giver_stack, K_THREAD_STACK_SIZEOF(giver_stack), cross_giver, 0, 0);
	k_thread_join(&giver, K_FOREVER);
	k_thread_join(&waiter, K_FOREVER);
	k_thread_join(&helper, K_FOREVER);
	if (out_of_order) {
		printk("bench smp: a waiter ran before its give returned (see the top)\n");
		sys_exit(1);
	}
	bench_report("sem.wake_latency.cross_cpu", give_sum + wake_sum, ITERS, 0);
	bench_report("sem.wake_latency.cross_cpu.give", give_sum, ITERS, 0);
	bench_report("sem.wake_latency.cross_cpu.wake", wake_sum, ITERS, 0);
	printk("bench smp: cross_cpu rounds from %u to %u instructions\n", min_total, max_total);
	printk("BENCH done\n");
	sys_exit(0);
}
