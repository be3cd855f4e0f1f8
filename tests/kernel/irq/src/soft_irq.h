/*
 * The hart's software interrupt (local_soft_irq.h: the machine one, or with
 * SMP the supervisor one) as a test source. A line has
 * one handler (IRQ_CONNECT is static), so the tests of the irq_soft suite
 * share one ISR: it clears the request, records what it saw and calls the
 * current test's hook, if any. The suite's after() disables the line and
 * resets all of this between tests.
 */
#ifndef IRQ_TEST_SOFT_IRQ_H
#define IRQ_TEST_SOFT_IRQ_H

#include <stdbool.h>
#include "local_soft_irq.h"

/* The argument connected with the ISR. */
extern const int soft_irq_token;

/* What the ISR saw: number of runs, its argument and k_is_in_isr() on the last run. */
extern volatile unsigned int soft_irq_runs;
extern const void *volatile soft_irq_last_arg;
extern volatile bool soft_irq_last_in_isr;

/* Called by the ISR on each run, after recording. */
extern void (*volatile soft_irq_hook)(void);

void soft_irq_raise(void);

/* True while the software interrupt is requested but not yet taken (its mip bit). */
bool soft_irq_is_pending(void);

#endif /* IRQ_TEST_SOFT_IRQ_H */
