/*
 * Thread-local storage on Cortex-M. GCC reaches a thread-local variable
 * through __aeabi_read_tp (-mtp=soft), which may clobber only r0, ip, lr and
 * the flags. Like the RISC-V port's tp register, its answer depends on who
 * asks: code in Handler mode or privileged Thread mode gets the running
 * thread's kernel TLS block, unprivileged code its user TLS block. The
 * context switch keeps both words current (arch_thread_switch_prepare()).
 *
 * The kernel's word lies in kernel memory. The user's word must be readable
 * by every user thread, so it sits alone in a 32-byte block the MPU maps for
 * user mode (arch/arm/core/mpu_*.c): a user thread can change it, but only
 * for itself - kernel code never reads it, and the next switch rewrites it.
 */
	.syntax unified
	.thumb

	.section .text.__aeabi_read_tp, "ax"
	.thumb_func
	.global __aeabi_read_tp
__aeabi_read_tp:
	mrs	r0, ipsr
	cbnz	r0, 1f			/* Handler mode: privileged */
	mrs	r0, control
	lsls	r0, r0, #31		/* nPRIV into Z (clear when set) */
	bne	2f
1:	ldr	r0, =z_arm_kernel_tp
	ldr	r0, [r0]
	bx	lr
2:	ldr	r0, =z_arm_user_tp
	ldr	r0, [r0]
	bx	lr

	.section .bss.z_arm_kernel_tp, "aw", %nobits
	.balign 4
	.global z_arm_kernel_tp
z_arm_kernel_tp:
	.skip 4

	.section .user_tp, "aw", %nobits
	.balign 32
	.global z_arm_user_tp
z_arm_user_tp:
	.skip 32
