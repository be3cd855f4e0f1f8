/*
 * The vector table and the reset entry.
 *
 * QEMU loads the image and the core takes its first stack pointer and its
 * reset vector from the table at VTOR (address 0 on mps2-an385). Every
 * interrupt, SysTick included, enters z_arm_isr_wrapper, which finds its line
 * in IPSR; the faults enter z_arm_fault_entry; SVC enters z_arm_svc.
 */
#include <breeze/arch/arm/arch.h>

	.syntax unified
	.thumb

	.section .vectors, "a"
	.balign 128
	.global z_arm_vector_table
z_arm_vector_table:
	.word	z_interrupt_stack_top
	.word	z_arm_reset
#ifdef CONFIG_RUNTIME_NMI
	.word	z_arm_nmi		/* NMI */
#else
	.word	z_arm_fault_entry	/* NMI */
#endif
	.word	z_arm_fault_entry	/* HardFault */
	.word	z_arm_fault_entry	/* MemManage */
	.word	z_arm_fault_entry	/* BusFault */
	.word	z_arm_fault_entry	/* UsageFault */
	.word	z_arm_fault_entry	/* SecureFault (ARMv8-M) */
	.word	0
	.word	0
	.word	0
	.word	z_arm_svc
	.word	z_arm_fault_entry	/* DebugMonitor */
	.word	0
	.word	z_arm_pendsv		/* arch_switch() in Thread mode */
	.word	z_arm_isr_wrapper	/* SysTick */
	.rept	CONFIG_NUM_IRQS
	.word	z_arm_isr_wrapper
	.endr

/*
 * Reset: interrupts masked through BASEPRI until the first thread, .bss
 * zeroed (QEMU loads .data from the ELF), the boot context's TLS block
 * zeroed, then z_cstart() on the main stack, which is the interrupt stack.
 */
	.section .text.z_arm_reset, "ax"
	.thumb_func
	.global z_arm_reset
z_arm_reset:
	movs	r0, #Z_ARM_IRQ_PRIO
	msr	basepri, r0
#ifdef Z_ARM_STACK_LIMITS
	/*
	 * The main stack may not go below the interrupt stack (the reserve
	 * under it is the fault handler's); faults at HardFault priority, which
	 * nothing can take over, stack below it too (CCR.STKOFHFNMIGN).
	 */
	ldr	r0, =z_interrupt_stack
	msr	msplim, r0
	ldr	r1, =0xe000ed14		/* CCR */
	ldr	r0, [r1]
	orr	r0, r0, #(1 << 10)
	str	r0, [r1]
#endif
	ldr	r0, =z_interrupt_stack_top
	msr	msp, r0
	ldr	r0, =z_arm_vector_table
	ldr	r1, =0xe000ed08		/* VTOR */
	str	r0, [r1]

	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	movs	r2, #0
1:	cmp	r0, r1
	bhs	2f
	str	r2, [r0], #4
	b	1b
2:
	ldr	r0, =__boot_tls_start
	ldr	r1, =__boot_tls_end
3:	cmp	r0, r1
	bhs	4f
	str	r2, [r0], #4
	b	3b
4:
	bl	z_cstart
	b	.

#ifdef CONFIG_RUNTIME_NMI
/* The NMI: the installed handler, if any (nmi.c), else a fatal error. */
	.section .text.z_arm_nmi, "ax"
	.thumb_func
z_arm_nmi:
	ldr	r0, =z_arm_nmi_handler
	ldr	r0, [r0]
	cmp	r0, #0
	beq	z_arm_fault_entry
	push	{r0, lr}
	blx	r0
	pop	{r0, pc}		/* lr is EXC_RETURN: back to what the NMI interrupted */
#endif

/*
 * The interrupt stack: boot runs on it until the first thread, then every
 * exception handler (the main stack).
 */
	.section .noinit.stacks, "aw", %nobits
	.balign 32
#ifdef Z_ARM_STACK_LIMITS
	.global z_arm_exc_reserve
z_arm_exc_reserve:
	.skip Z_ARM_EXC_RESERVE
#endif
	.global z_interrupt_stack
	.global z_interrupt_stack_top
z_interrupt_stack:
	.skip CONFIG_ISR_STACK_SIZE
z_interrupt_stack_top:
