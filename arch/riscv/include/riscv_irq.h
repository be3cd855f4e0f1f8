/*
 * Interrupt dispatch inside the RISC-V port.
 */
#ifndef BREEZE_RISCV_IRQ_H
#define BREEZE_RISCV_IRQ_H

/* Call the handler connected to @irq (a local cause or an external source). */
void z_riscv_irq_dispatch(unsigned int irq);

#endif /* BREEZE_RISCV_IRQ_H */
