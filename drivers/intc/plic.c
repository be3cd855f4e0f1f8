/*
 * RISC-V PLIC, hart 0 machine-mode context. The PLIC's own interrupt (the
 * machine external interrupt) claims each pending source, runs the handler
 * connected to RISCV_IRQ_PLIC(source) and completes it.
 *
 * The devicetree's one "riscv,plic0" node gives the registers, the number of
 * sources (riscv,ndev: sources 1 to ndev) and the hart interrupt it drives.
 */
#include <breeze/kernel.h>
#include <breeze/device.h>
#include <breeze/drivers/plic.h>
#include <riscv_irq.h>

#define DT_DRV_COMPAT riscv_plic0
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(DT_DRV_COMPAT) == 1, "one PLIC");

#define PLIC_BASE        DT_INST_REG_ADDR(0)
#define PLIC_NUM_SOURCES (DT_INST_PROP(0, riscv_ndev) + 1)

#define PRIORITY(src) ((volatile uint32_t *)(PLIC_BASE + 4U * (src)))
#define ENABLE(src)   ((volatile uint32_t *)(PLIC_BASE + 0x2000 + 4U * ((src) / 32U)))
#define THRESHOLD     ((volatile uint32_t *)(PLIC_BASE + 0x200000))
#define CLAIM         ((volatile uint32_t *)(PLIC_BASE + 0x200004))

static bool valid(unsigned int src)
{
	return src > 0U && src < PLIC_NUM_SOURCES;
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

static int plic_init(const struct device *dev)
{
	ARG_UNUSED(dev);
	for (unsigned int w = 0; w < DIV_ROUND_UP(PLIC_NUM_SOURCES, 32U); w++) {
		*ENABLE(w * 32U) = 0;
	}
	*THRESHOLD = 0;
	/* The first of its interrupts-extended: the hart's machine external interrupt. */
	IRQ_CONNECT(DT_INST_IRQN_BY_IDX(0, 0), 0, plic_isr, NULL, 0);
	irq_enable(DT_INST_IRQN_BY_IDX(0, 0));
	return 0;
}

DEVICE_DT_INST_DEFINE(0, plic_init, NULL, NULL, NULL, PRE_KERNEL_1, 0, NULL);
