/*
 * Interrupts: static connection of a handler to an IRQ line, enabling and
 * disabling lines, and masking all interrupts on the current CPU.
 *
 * IRQ numbers: 0..31 are the CPU's local interrupts (on RISC-V the mcause code,
 * e.g. RISCV_IRQ_MSOFT); external sources of the interrupt controller follow
 * (RISCV_IRQ_PLIC(n)). Handlers run with interrupts masked: Breeze does not
 * nest interrupts, so a handler is never preempted and needs no locking against
 * other handlers on the same CPU.
 */
#ifndef BREEZE_IRQ_H
#define BREEZE_IRQ_H

#include <stdbool.h>
#include <breeze/arch/cpu.h>
#include <breeze/sys/iterable_sections.h>

struct irq_entry {
	unsigned int irq;
	unsigned int priority;
	void (*isr)(const void *arg);
	const void *arg;
};

/*
 * Connect @isr_p(@isr_param_p) to line @irq_p. Usable at file scope or inside a
 * function; the table is built from these entries at boot. A line the table
 * does not have (CONFIG_NUM_IRQS; on RISC-V a PLIC source without CONFIG_PLIC)
 * does not build.
 */
#define IRQ_CONNECT(irq_p, priority_p, isr_p, isr_param_p, flags_p)                                \
	BUILD_ASSERT(                                                                              \
	    (irq_p) < ARCH_IRQ_TABLE_LINES,                                                        \
	    "IRQ_CONNECT: the line is beyond the interrupt table (CONFIG_NUM_IRQS, CONFIG_PLIC)"); \
	static const STRUCT_SECTION_ITERABLE(irq_entry, _CONCAT(_irq_entry_, __COUNTER__)) = {     \
		.irq = (irq_p),                                                                    \
		.priority = (priority_p),                                                          \
		.isr = (void (*)(const void *))(isr_p),                                            \
		.arg = (const void *)(isr_param_p),                                                \
	}

void irq_enable(unsigned int irq);
void irq_disable(unsigned int irq);
bool irq_is_enabled(unsigned int irq);

#define irq_lock()      arch_irq_lock()
#define irq_unlock(key) arch_irq_unlock(key)

#endif /* BREEZE_IRQ_H */
