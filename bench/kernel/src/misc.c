/*
 * Interrupt to thread latency, thread life cycle and memory domain changes.
 */
#include "bench_irq.h"
#include "common.h"

/*
 * With SMP the machine software interrupt is the kernel's, for its
 * inter-processor interrupts (arch/riscv/core/smp.c): no interrupt to thread
 * figure there.
 *
 * Interrupt to thread: from the reading just before the raise to the reading
 * just after the waiter's k_sem_take() returns, summed over the rounds
 * (bench_sample() and bench_phase_step(): exact on Cortex-M too).
 */
#ifndef CONFIG_SMP
#define IRQ_ROUNDS BENCH_PHASE_ITERS(ITERS)

static volatile uint32_t raised_at;
static uint64_t latency_sum;
K_SEM_DEFINE(irq_sem, 0, 1);

static void soft_isr(const void *arg)
{
	ARG_UNUSED(arg);
	bench_soft_irq_clear();
	k_sem_give(&irq_sem);
}
#endif

static struct k_thread worker;
K_THREAD_STACK_DEFINE(worker_stack, 1024);

#ifndef CONFIG_SMP
static void irq_waiter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < IRQ_ROUNDS; i++) {
		(void)k_sem_take(&irq_sem, K_FOREVER);
		uint32_t now = bench_sample();

		latency_sum += bench_sample_diff(raised_at, now);
	}
}
#endif

static void empty(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static uint32_t part_buf[64] __aligned(256);
K_MEM_PARTITION_DEFINE(extra_part, part_buf, sizeof(part_buf), K_MEM_PARTITION_P_RW_U_RW);
static struct k_mem_domain bench_domain;

void bench_misc(void)
{
#ifndef CONFIG_SMP
	bench_soft_irq_init();
	IRQ_CONNECT(BENCH_SOFT_IRQ, 0, soft_isr, NULL, 0);
	irq_enable(BENCH_SOFT_IRQ);
	k_thread_create(&worker, worker_stack, K_THREAD_STACK_SIZEOF(worker_stack), irq_waiter,
			NULL, NULL, NULL, -1, 0, K_NO_WAIT);
	for (uint32_t i = 0; i < IRQ_ROUNDS; i++) {
		bench_phase_step(i);
		raised_at = bench_sample();
#ifdef CONFIG_RISCV
		/* The driver's call, as the RISC-V figure was taken. */
		riscv_clint_soft_irq_raise(0);
#else
		bench_soft_irq_raise();
#endif
	}
	k_thread_join(&worker, K_FOREVER);
	bench_report("isr_to_thread", latency_sum, IRQ_ROUNDS, 0);
#endif

	BENCH_LOOP("thread.create_join.supervisor", ITERS / 10, 0, {
		k_thread_create(&worker, worker_stack, K_THREAD_STACK_SIZEOF(worker_stack), empty,
				NULL, NULL, NULL, -1, 0, K_NO_WAIT);
		k_thread_join(&worker, K_FOREVER);
	});
	BENCH_LOOP("thread.create_join.user", ITERS / 10, 0, {
		k_thread_create(&worker, worker_stack, K_THREAD_STACK_SIZEOF(worker_stack), empty,
				NULL, NULL, NULL, -1, K_USER, K_NO_WAIT);
		k_thread_join(&worker, K_FOREVER);
	});

	k_mem_domain_init(&bench_domain, 0, NULL);
	BENCH_LOOP("mem_domain.add_remove_partition", ITERS, 0, {
		(void)k_mem_domain_add_partition(&bench_domain, &extra_part);
		(void)k_mem_domain_remove_partition(&bench_domain, &extra_part);
	});
}
