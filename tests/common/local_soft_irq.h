/*
 * A software interrupt of the caller's own CPU, for tests that raise an
 * interrupt themselves.
 *
 * Cortex-M: the board's last NVIC line, which no device of the boards drives,
 * made pending by a write to the NVIC's set-pending register (and cleared by
 * the core as the interrupt is taken, or by the clear-pending register).
 *
 * RISC-V:
 * On one CPU it is the machine software interrupt (CLINT msip of hart 0).
 * With SMP the kernel takes that line for its inter-processor interrupts, so
 * the tests use the supervisor software interrupt instead: machine mode sets
 * mip.SSIP itself, and with nothing delegated to supervisor mode the request
 * is taken in machine mode like any local interrupt (mcause 1). Either way
 * the ISR must clear the request.
 */
#ifndef TESTS_LOCAL_SOFT_IRQ_H
#define TESTS_LOCAL_SOFT_IRQ_H

#include <stdbool.h>
#include <stdint.h>
#include <zephyr/kernel.h>

#if defined(CONFIG_ARM)
#define LOCAL_SOFT_IRQ  (CONFIG_NUM_IRQS - 1)
#define NVIC_WORD(base) (*(volatile uint32_t *)((base) + 4U * (LOCAL_SOFT_IRQ / 32U)))
#define NVIC_BIT        (1U << (LOCAL_SOFT_IRQ % 32U))

static inline void local_soft_irq_raise(void)
{
	NVIC_WORD(0xe000e200U) = NVIC_BIT; /* ISPR */
	__asm__ volatile("dsb\n\tisb" ::: "memory");
}

static inline void local_soft_irq_clear(void)
{
	NVIC_WORD(0xe000e280U) = NVIC_BIT; /* ICPR */
}

static inline bool local_soft_irq_is_pending(void)
{
	return (NVIC_WORD(0xe000e200U) & NVIC_BIT) != 0U;
}
#else
#include <breeze/drivers/clint.h>

#ifdef CONFIG_SMP
#define LOCAL_SOFT_IRQ RISCV_IRQ_SSOFT
#define MIP_SSIP       (1U << RISCV_IRQ_SSOFT)

static inline void local_soft_irq_raise(void)
{
	__asm__ volatile("csrs mip, %0" : : "r"(MIP_SSIP) : "memory");
}

static inline void local_soft_irq_clear(void)
{
	__asm__ volatile("csrc mip, %0" : : "r"(MIP_SSIP) : "memory");
}
#else
#define LOCAL_SOFT_IRQ RISCV_IRQ_MSOFT

static inline void local_soft_irq_raise(void)
{
	riscv_clint_soft_irq_raise(0);
}

static inline void local_soft_irq_clear(void)
{
	riscv_clint_soft_irq_clear(0);
}
#endif

/* Requested, not yet taken: the line's bit in mip (its number, as for any local line). */
static inline bool local_soft_irq_is_pending(void)
{
	uint32_t mip;

	__asm__ volatile("csrr %0, mip" : "=r"(mip));
	return (mip & (1U << LOCAL_SOFT_IRQ)) != 0U;
}
#endif /* CONFIG_ARM */

#endif /* TESTS_LOCAL_SOFT_IRQ_H */
