/*
 * Interrupt table and NVIC line control. The table is filled at boot from the
 * IRQ_CONNECT entries, so dispatch is one indexed call. Line n is the NVIC's
 * external interrupt n (exception 16 + n); SysTick, an exception of the core,
 * has the extra slot Z_ARM_IRQ_SYSTICK. Every line gets the one interrupt
 * priority Z_ARM_IRQ_PRIO: interrupts do not nest, as on RISC-V.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <ksched.h>
#include <cortex_m.h>
#include <arm_irq.h>

struct isr_slot {
	void (*isr)(const void *arg);
	const void *arg;
};

static struct isr_slot isr_table[CONFIG_NUM_IRQS + 1];

void arch_irq_table_init(void)
{
	for (unsigned int i = 0; i <= CONFIG_NUM_IRQS; i++) {
		isr_table[i].isr = z_irq_spurious;
		isr_table[i].arg = (const void *)(uintptr_t)i;
		if (i < CONFIG_NUM_IRQS) {
			NVIC_IPR(i) = Z_ARM_IRQ_PRIO;
		}
	}
	STRUCT_SECTION_FOREACH(irq_entry, e) {
		__ASSERT(e->irq <= CONFIG_NUM_IRQS, "IRQ %u out of range", e->irq);
		isr_table[e->irq].isr = e->isr;
		isr_table[e->irq].arg = e->arg;
	}
}

void z_arm_irq_dispatch(void)
{
	uint32_t exc = z_arm_ipsr();
	unsigned int slot = exc == Z_ARM_EXC_SYSTICK ? Z_ARM_IRQ_SYSTICK : exc - Z_ARM_EXC_IRQ0;

	_current_cpu->nested++;
	isr_table[slot].isr(isr_table[slot].arg);
	_current_cpu->nested--;
	z_sched_isr_exit();
}

void arch_irq_enable(unsigned int irq)
{
	if (irq < CONFIG_NUM_IRQS) {
		NVIC_ISER(irq / 32U) = 1U << (irq % 32U);
	}
}

void arch_irq_disable(unsigned int irq)
{
	if (irq < CONFIG_NUM_IRQS) {
		NVIC_ICER(irq / 32U) = 1U << (irq % 32U);
		z_arm_dsb_isb();
	}
}

bool arch_irq_is_enabled(unsigned int irq)
{
	return irq < CONFIG_NUM_IRQS && (NVIC_ISER(irq / 32U) & (1U << (irq % 32U))) != 0U;
}
