/*
 * Thread-local storage on Cortex-M. GCC reaches a thread-local variable
 * through __aeabi_read_tp (-mtp=soft), which may clobber only r0, ip, lr and
 * the flags. Like the RISC-V port's tp register, its answer depends on who
 * asks: code in Handler mode or privileged Thread mode gets the running
 * thread's kernel TLS block, unprivileged code its user TLS block.
 *
 * The kernel's block is found through _current (the first word of _kernel),
 * in the thread's struct _callee_saved: a load more per read, but nothing
 * for the switch to write. The user's word must be readable
 * by every user thread, so it sits alone in a 32-byte block the MPU maps for
 * user mode (arch/arm/core/mpu_*.c): a user thread can change it, but only
 * for itself - kernel code never reads it, and the next switch to a user
 * thread rewrites it (arch_thread_switch_prepare()).
 */
#include <breeze/arch/arm/arch.h>
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
1:	ldr	r0, =_kernel
	ldr	r0, [r0]		/* _current */
	ldr	r0, [r0, #(Z_THREAD_CALLEE_SAVED_OFFSET + Z_CS_TLS)]
	bx	lr
2:	ldr	r0, =z_arm_user_tp
	ldr	r0, [r0]
	bx	lr

	.section .user_tp, "aw", %nobits
	.balign 32
	.global z_arm_user_tp
z_arm_user_tp:
	.skip 32
