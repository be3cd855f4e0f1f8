/*
 * RISC-V PLIC: external interrupt sources, numbered RISCV_IRQ_PLIC(source).
 */
#ifndef BREEZE_DRIVERS_PLIC_H
#define BREEZE_DRIVERS_PLIC_H

#include <stdbool.h>

void riscv_plic_irq_enable(unsigned int source);
void riscv_plic_irq_disable(unsigned int source);
bool riscv_plic_irq_is_enabled(unsigned int source);
void riscv_plic_set_priority(unsigned int source, unsigned int priority);

#endif /* BREEZE_DRIVERS_PLIC_H */
