/*
 * Interrupt dispatch inside the RISC-V port.
 */
#ifndef BREEZE_RISCV_IRQ_H
#define BREEZE_RISCV_IRQ_H

/* Call the handler connected to @irq (a local cause or an external source). */
void z_riscv_irq_dispatch(unsigned int irq);

struct arch_esf;

/* An ecall from user mode: dispatch the system call in @esf. */
void z_riscv_syscall(struct arch_esf *esf);

#endif /* BREEZE_RISCV_IRQ_H */
