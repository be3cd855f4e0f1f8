/*
 * The shared software-interrupt ISR and the irq_soft suite's reset between
 * tests (see soft_irq.h).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <breeze/drivers/clint.h>
#include "soft_irq.h"

#define MIP_MSIP (1UL << 3)

const int soft_irq_token = 0x5017;
volatile unsigned int soft_irq_runs;
const void *volatile soft_irq_last_arg;
volatile bool soft_irq_last_in_isr;
void (*volatile soft_irq_hook)(void);

static void soft_isr(const void *arg)
{
	riscv_clint_soft_irq_clear(0);
	soft_irq_runs++;
	soft_irq_last_arg = arg;
	soft_irq_last_in_isr = k_is_in_isr();
	if (soft_irq_hook != NULL) {
		soft_irq_hook();
	}
}

IRQ_CONNECT(RISCV_IRQ_MSOFT, 0, soft_isr, &soft_irq_token, 0);

void soft_irq_raise(void)
{
	riscv_clint_soft_irq_raise(0);
}

bool soft_irq_is_pending(void)
{
	unsigned long mip;

	__asm__ volatile("csrr %0, mip" : "=r"(mip));
	return (mip & MIP_MSIP) != 0U;
}

static void soft_irq_reset(void *fixture)
{
	ARG_UNUSED(fixture);

	irq_disable(RISCV_IRQ_MSOFT);
	riscv_clint_soft_irq_clear(0);
	soft_irq_hook = NULL;
	soft_irq_runs = 0;
	soft_irq_last_arg = NULL;
	soft_irq_last_in_isr = false;
}

ZTEST_SUITE(irq_soft, NULL, NULL, soft_irq_reset, soft_irq_reset, NULL);
