/*
 * The shared software-interrupt ISR and the irq_soft suite's reset between
 * tests (see soft_irq.h).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "soft_irq.h"

const int soft_irq_token = 0x5017;
volatile unsigned int soft_irq_runs;
const void *volatile soft_irq_last_arg;
volatile bool soft_irq_last_in_isr;
void (*volatile soft_irq_hook)(void);

static void soft_isr(const void *arg)
{
	local_soft_irq_clear();
	soft_irq_runs++;
	soft_irq_last_arg = arg;
	soft_irq_last_in_isr = k_is_in_isr();
	if (soft_irq_hook != NULL) {
		soft_irq_hook();
	}
}

IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, soft_isr, &soft_irq_token, 0);

void soft_irq_raise(void)
{
	local_soft_irq_raise();
}

bool soft_irq_is_pending(void)
{
	return local_soft_irq_is_pending();
}

static void soft_irq_reset(void *fixture)
{
	ARG_UNUSED(fixture);

	irq_disable(LOCAL_SOFT_IRQ);
	local_soft_irq_clear();
	soft_irq_hook = NULL;
	soft_irq_runs = 0;
	soft_irq_last_arg = NULL;
	soft_irq_last_in_isr = false;
}

ZTEST_SUITE(irq_soft, NULL, NULL, soft_irq_reset, soft_irq_reset, NULL);
