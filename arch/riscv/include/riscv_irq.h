/*
 * Interrupt dispatch inside the RISC-V port.
 */
#ifndef BREEZE_RISCV_IRQ_H
#define BREEZE_RISCV_IRQ_H

/* Call the handler connected to @irq (a local cause or an external source). */
void z_riscv_irq_dispatch(unsigned int irq);

/* The same, on the interrupt stack (isr.S): for the outermost interrupt. */
void z_riscv_irq_on_isr_stack(unsigned int irq);

#ifdef CONFIG_HW_STACK_PROTECTION
#include <breeze/kernel.h>

/* True if @addr lies in the stack guard of @t. */
bool z_riscv_in_guard(const struct k_thread *t, uintptr_t addr);

/*
 * Report a stack overflow and end the offender: a user thread that overflowed
 * its privileged stack dies alone, anything else is a kernel fatal error.
 * @esf is the frame of the trap that found it. Does not return.
 */
FUNC_NORETURN void z_riscv_stack_overflow(struct arch_esf *esf);
#endif

struct arch_esf;

/* An ecall from user mode: dispatch the system call in @esf. */
void z_riscv_syscall(struct arch_esf *esf);

#ifdef CONFIG_IRQ_OFFLOAD
/* The ID in a7 of irq_offload()'s ecall (a0: routine, a1: parameter). */
#define RV_ECALL_IRQ_OFFLOAD 0xfffffffeUL

/* The pseudo interrupt line whose dispatch runs the offloaded routine. */
#define Z_RISCV_IRQ_OFFLOAD CONFIG_NUM_IRQS

/* From the trap: take the routine from the ecall's frame, which resumes after it. */
void z_riscv_irq_offload_enter(struct arch_esf *esf);

/* From the dispatch of Z_RISCV_IRQ_OFFLOAD, in interrupt context. */
void z_riscv_irq_offload_run(void);
#endif

#endif /* BREEZE_RISCV_IRQ_H */
