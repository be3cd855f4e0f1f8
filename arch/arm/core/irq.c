/*
 * Interrupt table and NVIC line control. The table is filled at boot from the
 * IRQ_CONNECT entries, so dispatch is one indexed call. Line n is the NVIC's
 * external interrupt n (exception 16 + n); SysTick, exception 15, is the extra
 * line Z_ARM_IRQ_SYSTICK. The table is indexed by exception number - 15,
 * SysTick first, so that IPSR finds any slot without a test. Every line gets
 * the one interrupt priority Z_ARM_IRQ_PRIO: interrupts do not nest, as on
 * RISC-V.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <ksched.h>
#include <cortex_m.h>
#include <breeze/tracing.h>
#include <arm_irq.h>

struct isr_slot {
	void (*isr)(const void *arg);
	const void *arg;
};

static struct isr_slot isr_table[1 + CONFIG_NUM_IRQS];

/*
 * Whether @irq is an NVIC line of this image's table. An image may have none
 * (CONFIG_NUM_IRQS=0: only the system exceptions), hence the variable, which
 * keeps the compiler from calling the test always false.
 */
static inline bool is_nvic_line(unsigned int irq)
{
	const unsigned int lines = CONFIG_NUM_IRQS;

	return irq < lines;
}

/* The slot of line @irq (a line of the NVIC or Z_ARM_IRQ_SYSTICK). */
static unsigned int slot_of(unsigned int irq)
{
	return irq == Z_ARM_IRQ_SYSTICK ? 0U : irq + 1U;
}

void arch_irq_table_init(void)
{
	for (unsigned int irq = 0; irq <= CONFIG_NUM_IRQS; irq++) {
		isr_table[slot_of(irq)].isr = z_irq_spurious;
		isr_table[slot_of(irq)].arg = (const void *)(uintptr_t)irq;
		if (is_nvic_line(irq)) {
			NVIC_IPR(irq) = Z_ARM_IRQ_PRIO;
		}
	}
	STRUCT_SECTION_FOREACH(irq_entry, e) {
		__ASSERT(e->irq <= CONFIG_NUM_IRQS, "IRQ %u out of range", e->irq);
		isr_table[slot_of(e->irq)].isr = e->isr;
		isr_table[slot_of(e->irq)].arg = e->arg;
	}
}

void z_arm_irq_dispatch(void)
{
	const struct isr_slot *slot = &isr_table[z_arm_ipsr() - Z_ARM_EXC_SYSTICK];

	sys_port_trace_isr_enter(z_arm_ipsr() - 16U);
	_current_cpu->nested++;
	slot->isr(slot->arg);
	_current_cpu->nested--;
	sys_port_trace_isr_exit(z_arm_ipsr() - 16U);
	z_sched_isr_exit();
}

void arch_irq_enable(unsigned int irq)
{
	if (is_nvic_line(irq)) {
		NVIC_ISER(irq / 32U) = 1U << (irq % 32U);
	}
}

void arch_irq_disable(unsigned int irq)
{
	if (is_nvic_line(irq)) {
		NVIC_ICER(irq / 32U) = 1U << (irq % 32U);
		z_arm_dsb_isb();
	}
}

bool arch_irq_is_enabled(unsigned int irq)
{
	return is_nvic_line(irq) && (NVIC_ISER(irq / 32U) & (1U << (irq % 32U))) != 0U;
}
