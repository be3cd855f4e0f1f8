/*
 * RISC-V PLIC, hart 0 machine-mode context. The PLIC's own interrupt (the
 * machine external interrupt) claims each pending source, runs the handler
 * connected to RISCV_IRQ_PLIC(source) and completes it.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/plic.h>
#include <riscv_irq.h>

#define PRIORITY(src) ((volatile uint32_t *)(CONFIG_PLIC_BASE + 4U * (src)))
#define ENABLE(src)   ((volatile uint32_t *)(CONFIG_PLIC_BASE + 0x2000 + 4U * ((src) / 32U)))
#define THRESHOLD     ((volatile uint32_t *)(CONFIG_PLIC_BASE + 0x200000))
#define CLAIM         ((volatile uint32_t *)(CONFIG_PLIC_BASE + 0x200004))

static bool valid(unsigned int src)
{
	return src > 0U && src < CONFIG_PLIC_NUM_SOURCES;
}

void riscv_plic_set_priority(unsigned int src, unsigned int priority)
{
	if (valid(src)) {
		*PRIORITY(src) = priority;
	}
}

void riscv_plic_irq_enable(unsigned int src)
{
	if (valid(src)) {
		*ENABLE(src) |= 1UL << (src % 32U);
		/*
		 * A source already pending must reach the hart now. QEMU's PLIC
		 * re-evaluates its output on threshold writes but not on enable
		 * writes; rewriting the threshold is harmless on real parts.
		 */
		*THRESHOLD = *THRESHOLD;
	}
}

void riscv_plic_irq_disable(unsigned int src)
{
	if (valid(src)) {
		*ENABLE(src) &= ~(1UL << (src % 32U));
	}
}

bool riscv_plic_irq_is_enabled(unsigned int src)
{
	return valid(src) && (*ENABLE(src) & (1UL << (src % 32U))) != 0U;
}

static void plic_isr(const void *arg)
{
	ARG_UNUSED(arg);
	uint32_t src;

	while ((src = *CLAIM) != 0U) {
		z_riscv_irq_dispatch(RISCV_IRQ_PLIC(src));
		*CLAIM = src;
	}
}

static int plic_init(void)
{
	for (unsigned int w = 0; w < DIV_ROUND_UP(CONFIG_PLIC_NUM_SOURCES, 32U); w++) {
		*ENABLE(w * 32U) = 0;
	}
	*THRESHOLD = 0;
	IRQ_CONNECT(RISCV_IRQ_MEXT, 0, plic_isr, NULL, 0);
	irq_enable(RISCV_IRQ_MEXT);
	return 0;
}

SYS_INIT(plic_init, PRE_KERNEL_1, 0);
