/*
 * Per-hart data of the RISC-V port. With SMP each hart has a record in
 * z_riscv_harts[], indexed by mhartid (a CSR user mode cannot read, let
 * alone forge), which the trap entry reads in assembly (RISCV_HART_* offsets
 * in <breeze/arch/riscv/arch.h>). On one hart the same data are plain
 * globals, as they always were.
 */
#ifndef BREEZE_RISCV_HART_H
#define BREEZE_RISCV_HART_H

#include <kernel_structs.h>

extern char z_interrupt_stack[];
extern char z_interrupt_stack_top[];

#ifdef CONFIG_SMP
struct z_riscv_hart {
	struct _cpu *cpu;
	unsigned long stack_limit;
	uintptr_t isr_top;
	uintptr_t isr_base;
	uintptr_t boot_sp;
	uintptr_t boot_tp;
	uintptr_t boot_arg;
	uintptr_t boot_fn; /* written last: non-zero starts the hart (start.S) */
};

extern struct z_riscv_hart z_riscv_harts[CONFIG_MP_MAX_NUM_CPUS];

/* This hart's record (interrupts masked, or the thread could move meanwhile). */
#define Z_RISCV_HART (&z_riscv_harts[arch_proc_id()])

/* Traps in machine mode below this stack pointer are stack overflows (see isr.S). */
#define Z_RISCV_STACK_LIMIT (Z_RISCV_HART->stack_limit)

/* This hart's interrupt stack, from its guard. */
#define Z_RISCV_ISR_STACK ((char *)Z_RISCV_HART->isr_base)
#else
extern unsigned long z_riscv_stack_limit;
#define Z_RISCV_STACK_LIMIT z_riscv_stack_limit
#define Z_RISCV_ISR_STACK   z_interrupt_stack
#endif

#endif /* BREEZE_RISCV_HART_H */
