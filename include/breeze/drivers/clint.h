/*
 * CLINT software interrupt (msip): lets code raise the machine software
 * interrupt (RISCV_IRQ_MSOFT) on a hart, e.g. to test or measure interrupt
 * handling. The handler must clear it.
 */
#ifndef BREEZE_DRIVERS_CLINT_H
#define BREEZE_DRIVERS_CLINT_H

void riscv_clint_soft_irq_raise(unsigned int hart);
void riscv_clint_soft_irq_clear(unsigned int hart);

#endif /* BREEZE_DRIVERS_CLINT_H */
