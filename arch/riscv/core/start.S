/*
 * Reset entry. QEMU 'virt' with -bios none jumps here in machine mode on every
 * hart. Hart 0 boots the kernel; the others park (there is no SMP yet).
 */
#include <breeze/arch/riscv/arch.h>

	.section .text.boot, "ax"
	.global _start
_start:
	csrw	mie, zero
	csrw	mstatus, zero
	csrr	t0, mhartid
	bnez	t0, park

	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	la	sp, z_interrupt_stack_top

	/* Zero .bss (QEMU loads .data from the ELF). */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sw	zero, 0(t0)
	addi	t0, t0, 4
	j	1b
2:
	/* The boot context's thread pointer: a zeroed TLS block of its own. */
	la	tp, __boot_tls_start
	la	t1, __boot_tls_end
	mv	t0, tp
3:	bgeu	t0, t1, 4f
	sw	zero, 0(t0)
	addi	t0, t0, 4
	j	3b
4:
	la	t0, z_riscv_trap_entry
	csrw	mtvec, t0
	/* mscratch is 0 while in machine mode (see isr.S). */
	csrw	mscratch, zero
	call	z_cstart

park:
	wfi
	j	park

/*
 * The interrupt stack: boot runs on it until the first thread, then every
 * interrupt handler (see z_riscv_irq_on_isr_stack). With hardware stack
 * protection its lowest bytes are a guard (pmp.c), aligned to their size.
 */
#ifdef CONFIG_HW_STACK_PROTECTION
#define ISR_GUARD CONFIG_HW_STACK_GUARD_SIZE
#else
#define ISR_GUARD 16
#endif
	.section .noinit.stacks, "aw", @nobits
	.balign ISR_GUARD
	.global z_interrupt_stack
	.global z_interrupt_stack_top
z_interrupt_stack:
	.skip ISR_GUARD + CONFIG_ISR_STACK_SIZE
z_interrupt_stack_top:
