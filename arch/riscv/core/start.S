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
	la	sp, z_boot_stack
	li	t0, CONFIG_ISR_STACK_SIZE
	add	sp, sp, t0

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

	.section .noinit.stacks, "aw", @nobits
	.balign 16
	.global z_boot_stack
z_boot_stack:
	.skip CONFIG_ISR_STACK_SIZE
