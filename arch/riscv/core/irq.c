/*
 * Interrupt table and line control. The table is filled at boot from the
 * IRQ_CONNECT entries, so dispatch is one indexed call. Lines 0..31 are the
 * hart's local interrupts (enabled in mie); higher lines belong to the PLIC.
 */
#include <arch_interface.h>
#include <riscv_csr.h>
#include <riscv_irq.h>
#include <breeze/drivers/plic.h>

struct isr_slot {
	void (*isr)(const void *arg);
	const void *arg;
};

static struct isr_slot isr_table[CONFIG_NUM_IRQS];

void arch_irq_table_init(void)
{
	for (unsigned int i = 0; i < CONFIG_NUM_IRQS; i++) {
		isr_table[i].isr = z_irq_spurious;
		isr_table[i].arg = (const void *)(uintptr_t)i;
	}
	STRUCT_SECTION_FOREACH(irq_entry, e) {
		__ASSERT(e->irq < CONFIG_NUM_IRQS, "IRQ %u out of range", e->irq);
		__ASSERT(!IS_ENABLED(CONFIG_SMP) || e->irq != RISCV_IRQ_MSOFT,
			 "SMP takes the machine software interrupt for IPIs");
		isr_table[e->irq].isr = e->isr;
		isr_table[e->irq].arg = e->arg;
		if (IS_ENABLED(CONFIG_PLIC) && e->irq >= RISCV_IRQ_PLIC(0)) {
			riscv_plic_set_priority(e->irq - RISCV_IRQ_PLIC(0), MAX(e->priority, 1U));
		}
	}
}

void z_riscv_ipi_isr(void);

void z_riscv_irq_dispatch(unsigned int irq)
{
	if (IS_ENABLED(CONFIG_SMP) && irq == RISCV_IRQ_MSOFT) {
		z_riscv_ipi_isr();
		return;
	}
	if (irq >= CONFIG_NUM_IRQS) {
#ifdef CONFIG_IRQ_OFFLOAD
		if (irq == Z_RISCV_IRQ_OFFLOAD) {
			z_riscv_irq_offload_run();
			return;
		}
#endif
		z_irq_spurious((const void *)(uintptr_t)irq);
		return;
	}
	isr_table[irq].isr(isr_table[irq].arg);
}

void arch_irq_enable(unsigned int irq)
{
	if (irq < RISCV_IRQ_PLIC(0)) {
		csr_set(mie, 1UL << irq);
	} else if (IS_ENABLED(CONFIG_PLIC)) {
		riscv_plic_irq_enable(irq - RISCV_IRQ_PLIC(0));
	}
}

void arch_irq_disable(unsigned int irq)
{
	if (irq < RISCV_IRQ_PLIC(0)) {
		csr_clear(mie, 1UL << irq);
	} else if (IS_ENABLED(CONFIG_PLIC)) {
		riscv_plic_irq_disable(irq - RISCV_IRQ_PLIC(0));
	}
}

bool arch_irq_is_enabled(unsigned int irq)
{
	if (irq < RISCV_IRQ_PLIC(0)) {
		return (csr_read(mie) & (1UL << irq)) != 0U;
	}
	return IS_ENABLED(CONFIG_PLIC) && riscv_plic_irq_is_enabled(irq - RISCV_IRQ_PLIC(0));
}
