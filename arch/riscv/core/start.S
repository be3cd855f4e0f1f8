/*
 * Reset entry. QEMU 'virt' with -bios none jumps here in machine mode on every
 * hart, with the devicetree blob's address in a1. Hart 0 boots the kernel.
 * With SMP, harts 1 .. CONFIG_MP_MAX_NUM_CPUS - 1 wait until the kernel
 * starts them (arch/riscv/core/smp.c); the others, and every other hart
 * without SMP, park for good.
 */
#include <breeze/arch/riscv/arch.h>

	.section .text.boot, "ax"
	.global _start
_start:
	csrw	mie, zero
	csrw	mstatus, zero
	csrr	t0, mhartid
	bnez	t0, secondary

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
#ifdef CONFIG_SMP
	la	t0, z_riscv_boot_fdt
	sw	a1, 0(t0)
#endif
	la	t0, z_riscv_trap_entry
	csrw	mtvec, t0
	/* mscratch is 0 while in machine mode (see isr.S). */
	csrw	mscratch, zero
	call	z_cstart

secondary:
#ifdef CONFIG_SMP
	li	t1, CONFIG_MP_MAX_NUM_CPUS
	bgeu	t0, t1, park
	/* gp first: the linker may turn la into a gp-relative addi. */
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	slli	t0, t0, RISCV_HART_SHIFT
	la	t1, z_riscv_harts
	add	s0, t0, t1
	/*
	 * Only the software interrupt may end the wfi; mstatus.MIE stays clear,
	 * so nothing is taken. Hart 0 zeroing .bss meanwhile only writes the
	 * zeros the record already holds.
	 */
	li	t0, 1 << RISCV_IRQ_MSOFT
	csrw	mie, t0
1:	wfi
	lw	t0, RISCV_HART_BOOT_FN(s0)
	beqz	t0, 1b
	fence	r, rw			/* acquire: the record was written before boot_fn */
	lw	sp, RISCV_HART_BOOT_SP(s0)
	lw	tp, RISCV_HART_BOOT_TP(s0)
	la	t1, z_riscv_trap_entry
	csrw	mtvec, t1
	csrw	mscratch, zero
	lw	a0, RISCV_HART_BOOT_ARG(s0)
	jalr	t0
#endif
park:
	csrw	mie, zero
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
