/*
 * A software interrupt for the benchmarks of interrupt paths, which a
 * supervisor or a user thread raises with one store.
 *
 * RISC-V: the machine software interrupt, CLINT msip of hart 0. A user
 * thread writes msip through a partition that maps the CLINT's first page
 * (BENCH_SOFT_IRQ_PARTITION); the ISR clears the request.
 *
 * Cortex-M: the board's last NVIC line, CONFIG_NUM_IRQS - 1, which no device
 * drives. It is raised through the Software Triggered Interrupt Register,
 * STIR, rather than the set-pending register: STIR is the one NVIC register
 * unprivileged code may write, once CCR.USERSETMPEND allows it (set by
 * bench_soft_irq_init()), so supervisor and user threads raise it with the
 * same single store and no system call. No barrier follows: the interrupt is
 * taken whenever the core sees it (QEMU: at the next instruction) and the
 * tests do not depend on when. The core clears the pending bit as it takes
 * the interrupt; the ISR has nothing to clear.
 */
#ifndef BREEZE_BENCH_IRQ_H
#define BREEZE_BENCH_IRQ_H

#include <stdint.h>
#include <breeze/kernel.h>

#if defined(CONFIG_RISCV)
#include <breeze/drivers/clint.h>

#define BENCH_SOFT_IRQ RISCV_IRQ_MSOFT

/* What a user thread needs to raise the interrupt: the CLINT's msip word. */
#define BENCH_SOFT_IRQ_PARTITION_DEFINE(name)                                \
	K_MEM_PARTITION_DEFINE(name, DT_REG_ADDR(DT_NODELABEL(clint)), 4096, \
			       K_MEM_PARTITION_P_RW_U_RW)

static inline void bench_soft_irq_init(void)
{
}

static inline void bench_soft_irq_raise(void)
{
	*(volatile uint32_t *)DT_REG_ADDR(DT_NODELABEL(clint)) = 1;
}

static inline void bench_soft_irq_clear(void)
{
	riscv_clint_soft_irq_clear(0);
}

#elif defined(CONFIG_ARM)

#define BENCH_SOFT_IRQ (CONFIG_NUM_IRQS - 1)

#define BENCH_SCB_CCR              (*(volatile uint32_t *)0xe000ed14U)
#define BENCH_SCB_CCR_USERSETMPEND (1U << 1)
#define BENCH_NVIC_STIR            (*(volatile uint32_t *)0xe000ef00U)

/* Privileged: lets user threads write STIR. */
static inline void bench_soft_irq_init(void)
{
	BENCH_SCB_CCR |= BENCH_SCB_CCR_USERSETMPEND;
	__asm__ volatile("dsb\n\tisb" ::: "memory");
}

static inline void bench_soft_irq_raise(void)
{
	BENCH_NVIC_STIR = BENCH_SOFT_IRQ;
}

static inline void bench_soft_irq_clear(void)
{
}

#else
#error "bench: no software interrupt for this architecture"
#endif

#endif /* BREEZE_BENCH_IRQ_H */
