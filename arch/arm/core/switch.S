/*
 * Context switch and exception exit.
 *
 * A thread that an exception saved (an interrupt preempted it, or it made a
 * system call) is a basic exception frame on its process stack plus the
 * registers in its struct _callee_saved (r4-r11, PSP, BASEPRI, CONTROL,
 * PSPLIM), and resumes through an exception return.
 *
 * Built for speed, between two threads that both switch by calling
 * arch_switch() in Thread mode, the switch is a call and a return. Such a
 * thread needs no frame: nothing but r4-r11 is live across a call, and its
 * BASEPRI, CONTROL and PSPLIM are known (the one lock level, privileged Thread
 * mode on the process stack, its privileged stack's limit). So the old thread
 * keeps r4-r11, its stack pointer marked in bit 0, and in the BASEPRI slot
 * where it resumes (its return address); the new one, so marked, is loaded
 * and returned into. Any other switch goes through an exception, which saves
 * and loads the full context (z_arm_do_switch): in Thread mode arch_switch()
 * records it in z_arm_switch_pend (cpu.c) and raises PendSV, which is taken
 * at once even with interrupts locked (PendSV, like SVC, is above BASEPRI);
 * in Handler mode (an interrupt's end, a fault that ended its thread) the
 * outermost exception performs it on its way back to Thread mode
 * (z_arm_exc_exit). Interrupts do not nest, so that exception is the one
 * that interrupted the thread. An exception that resumes a thread saved by
 * a call first writes the basic frame its return pops (resume_call), below
 * the thread's stack pointer, where arch_thread_switch_prepare() probed the
 * room when the thread switched.
 */
#include <breeze/arch/arm/arch.h>
#ifdef CONFIG_USERSPACE
#include <syscall_list.h>
#include <syscall_attempt.h>
#endif

#define CS Z_THREAD_CALLEE_SAVED_OFFSET

/*
 * The switch by call is built for speed; built for size (CONFIG_SIZE_OPTIMIZATIONS,
 * as the footprint configurations are) every switch goes through an exception: the
 * call path is about 110 bytes of code.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define Z_ARM_SWITCH_BY_CALL 1
#endif

#define MPU_RNR  0xe000ed98 /* RBAR, then RASR (ARMv7-M) or RLAR (ARMv8-M) follow it */
#define MPU_RBAR 0xe000ed9c

	.syntax unified
	.thumb

/*
 * MPU region 2 (Z_ARM_MPU_REGION_STACK) := \rbar, \rasr (RLAR on ARMv8-M),
 * completed by a DSB. Clobbers r3, and \t1 and \t2 on ARMv8-M.
 */
.macro region2_write rbar, rasr, t1, t2
	ldr	r3, =MPU_RNR
#ifdef CONFIG_ARMV8_M_MPU
	/* Off while its base changes: a half-written region could overlap another. */
	movs	\t1, #2
	movs	\t2, #0
	str	\t1, [r3]
	str	\t2, [r3, #8]
	str	\rbar, [r3, #4]
	str	\rasr, [r3, #8]
#else
	strd	\rbar, \rasr, [r3, #4]	/* RBAR (region number in it), RASR */
#endif
	dsb
.endm

/*
 * PendSV: the switch arch_switch() recorded in Thread mode, falling into
 * z_arm_do_switch.
 */
	.section .text.z_arm_do_switch, "ax"
	.thumb_func
	.global z_arm_pendsv
z_arm_pendsv:
	ldr	r3, =z_arm_switch_pend
	ldrd	r1, r2, [r3]		/* new, old */
	movs	r0, #0
	str	r0, [r3]
	mrs	r0, psp
	tst	lr, #EXC_RETURN_PSP_BIT
	beq	boot_left
#ifdef Z_ARM_SWITCH_BY_CALL
	/*
	 * old's frame was pushed at the ISB in arch_switch(), whose return
	 * address is the frame's lr: old is saved as by a call (its stack
	 * pointer at the call, marked, and where it resumes), so that the next
	 * switch to it can be a return.
	 */
	ldr	r12, [r0, #ESF_LR]
	adds	r0, #(32 + 1)
	b	do_switch_save
#endif

/*
 * r0 = old's PSP as saved, r1 = new thread, r2 = old thread, lr = EXC_RETURN
 * of the exception that interrupted old: save old's context, return into
 * new's.
 */
	.thumb_func
	.global z_arm_do_switch
z_arm_do_switch:
	mrs	r12, basepri
do_switch_save:
	add	r3, r2, #(CS + Z_CS_R4)
	stmia	r3!, {r4-r11}
	mrs	lr, control		/* (lr is free: the return below is fixed) */
	stmia	r3!, {r0, r12, lr}	/* psp, basepri, control */
#ifdef CONFIG_ARMV8_M_MPU
	mrs	r12, psplim
	str	r12, [r3]
#endif
	add	r3, r1, #(CS + Z_CS_R4)
	ldmia	r3!, {r4-r11}
	ldmia	r3!, {r0, r2, r12}	/* psp, basepri, control */
#ifdef Z_ARM_SWITCH_BY_CALL
	tst	r0, #1
	bne	resume_call
#endif
#ifdef CONFIG_ARMV8_M_MPU
	ldr	r3, [r3]
resume_limit:
	msr	psplim, r3
#endif
resume_regs:
	msr	psp, r0
	msr	basepri, r2
	msr	control, r12
#if defined(CONFIG_USERSPACE) || defined(CONFIG_HW_STACK_PROTECTION)
	/*
	 * MPU region 2: the user stack if the thread resumes in user mode, its
	 * stack guard if in privileged code (mpu_v7m.c, mpu_v8m.c).
	 */
	and	r0, r12, #1		/* nPRIV */
	sub	r3, r1, r0, lsl #3	/* the user stack's region is 8 bytes before the guard's */
	ldrd	r0, r2, [r3, #(CS + Z_CS_REGION2 + 8)]
	region2_write r0, r2, r1, r12
#endif
	/* The exception return synchronises the new CONTROL and MPU state: no ISB. */
	ldr	pc, =0xfffffffd		/* EXC_RETURN: Thread mode, process stack */

#ifdef Z_ARM_SWITCH_BY_CALL
/*
 * new was saved by a call (r0 its stack pointer, marked; r2 where it
 * resumes): its basic frame below the stack pointer, pc and lr the return
 * address (pc without the Thumb bit), and the state such a thread is in.
 */
resume_call:
	subs	r0, #(32 + 1)
	bic	r12, r2, #1
	strd	r2, r12, [r0, #ESF_LR]	/* lr, pc */
	mov	r12, #Z_ARM_XPSR_T
	str	r12, [r0, #ESF_XPSR]
	movs	r2, #Z_ARM_IRQ_PRIO	/* BASEPRI: the scheduler's lock */
	mov	r12, #2			/* CONTROL: privileged, process stack */
#ifdef CONFIG_ARMV8_M_MPU
	ldr	r3, [r1, #(CS + Z_CS_PRIV_LIMIT)]
	b	resume_limit
#else
	b	resume_regs
#endif
#endif

/*
 * The boot context ran in Thread mode on the main stack, which is the
 * interrupt stack, and leaves it for good through PendSV (its one switch,
 * arch_switch() in Thread mode): the stack is empty again.
 */
boot_left:
	ldr	r3, =z_interrupt_stack_top
	msr	msp, r3
	b	z_arm_do_switch

/*
 * arch_switch(r0 = new, r1 = old). In Thread mode, if new was saved by a
 * call (the mark in its saved PSP), old is saved here the same way and new
 * resumed by a return: no exception. Otherwise the switch is recorded and
 * PendSV raised, taken at the ISB before the caller's next instruction: it
 * saves old from its own frame and loads new. (Only a thread's first switch
 * to the boot context's successor leaves the main stack, and that thread
 * is new, never saved by a call: old is on its process stack here.) The
 * call frame goes right below the stack pointer, which a call leaves 8-byte
 * aligned, as an exception's frame would. In Handler mode the switch is
 * recorded and made by the exception running now, at its exit; should a
 * second switch be asked for meanwhile, the context to save is still the
 * first one's old thread.
 */
	.section .text.arch_switch, "ax"
	.thumb_func
	.global arch_switch
arch_switch:
	mrs	r2, ipsr
	cbz	r2, 1f
	ldr	r3, =z_arm_switch_pend	/* Handler mode */
	ldr	r2, [r3]
	cbnz	r2, 2f
	strd	r0, r1, [r3]		/* new, and the first switch's old thread */
	bx	lr
2:	str	r0, [r3]
	bx	lr
1:
#ifdef Z_ARM_SWITCH_BY_CALL
	ldr	r2, [r0, #(CS + Z_CS_PSP)]
	tst	r2, #1
	beq	3f
	/*
	 * old: r4-r11, its stack pointer marked, where it resumes. (The 32
	 * bytes below the stack pointer that an exception's resume of it
	 * writes were probed by arch_thread_switch_prepare().)
	 */
	add	r3, sp, #1
	add	r12, r1, #(CS + Z_CS_R4)
	stmia	r12!, {r4-r11}
	strd	r3, lr, [r12]		/* psp, the BASEPRI slot */
	/*
	 * new resumes in privileged Thread mode on its process stack, as old
	 * ran, so CONTROL stays, and under the scheduler lock, as old called:
	 * BASEPRI stays Z_ARM_IRQ_PRIO, the one lock level.
	 */
#ifdef CONFIG_ARMV8_M_MPU
	movs	r1, #0
	msr	psplim, r1		/* no limit while the stack pointer moves */
	subs	r2, #1			/* the mark */
	mov	sp, r2
	ldr	r2, [r0, #(CS + Z_CS_PRIV_LIMIT)]
	msr	psplim, r2
#else
	subs	r2, #1			/* the mark */
	mov	sp, r2
#endif
#if defined(CONFIG_USERSPACE) || defined(CONFIG_HW_STACK_PROTECTION)
	/*
	 * MPU region 2, its stack guard (resuming in privileged code), comes
	 * with its registers: the guard's two words lie right before r4. No
	 * ISB: new resumes inside the scheduler's locked section, in the
	 * switch's caller, which leaves it through k_spin_unlock()'s ISB
	 * before it runs deeper on its stack than it was when it called, and
	 * the old guard, still in force until then, covers a stack no one else
	 * touches. (The DSB completes the write.)
	 */
	add	r3, r0, #(CS + Z_CS_REGION2 + 8)
	ldmia	r3, {r0, r1, r4-r11, r12, lr}	/* guard, r4-r11, (its psp), where it resumes */
	region2_write r0, r1, r2, r12
#else
	add	r3, r0, #(CS + Z_CS_R4)
	ldmia	r3, {r4-r11, r12, lr}	/* (r12: its psp again), lr: where it resumes */
#endif
	bx	lr
3:
#endif
	ldr	r3, =z_arm_switch_pend
	strd	r0, r1, [r3]		/* new, old */
	ldr	r3, =0xe000ed04		/* ICSR */
	mov	r2, #(1 << 28)		/* PENDSVSET */
	str	r2, [r3]
	dsb
	isb
	bx	lr

/*
 * The end of an exception that returns to Thread mode: the switch recorded
 * meanwhile, if any (clobbers r0-r3).
 */
.macro exit_to_thread
	ldr	r0, =z_arm_switch_pend
	ldrd	r1, r2, [r0]		/* new, old */
	cbz	r1, 1f
	movs	r3, #0
	str	r3, [r0]
	mrs	r0, psp
	b	z_arm_do_switch
1:	bx	lr
.endm

/*
 * The common end of every exception that may switch: if a switch was
 * recorded and this exception returns to Thread mode, perform it.
 */
	.section .text.z_arm_exc_exit, "ax"
	.thumb_func
	.global z_arm_exc_exit
z_arm_exc_exit:
	tst	lr, #EXC_RETURN_THREAD_BIT
	beq	1f
/* The same, for an exception known to return to Thread mode (a system call's SVC). */
z_arm_exc_exit_to_thread:
	exit_to_thread

/* Every interrupt: the handler, then the scheduler's decision (trap.c). */
	.section .text.z_arm_isr_wrapper, "ax"
	.thumb_func
	.global z_arm_isr_wrapper
z_arm_isr_wrapper:
	push	{r0, lr}
	bl	z_arm_irq_dispatch
	pop	{r0, lr}
	b	z_arm_exc_exit

/*
 * Faults, and the SVCs served in C: the full context goes to C as the
 * basic frame (on the stack that was in use), r4-r11 (pushed here) and
 * EXC_RETURN.
 */
.macro c_entry fn
	tst	lr, #EXC_RETURN_PSP_BIT
	ite	eq
	mrseq	r0, msp
	mrsne	r0, psp
	push	{r4-r11}
	mov	r1, sp
	mov	r2, lr
	push	{r2, r3}
	bl	\fn
	pop	{r2, r3}
	mov	lr, r2
	pop	{r4-r11}
	b	z_arm_exc_exit
.endm

	.section .text.z_arm_fault_entry, "ax"
	.thumb_func
	.global z_arm_fault_entry
z_arm_fault_entry:
#ifdef Z_ARM_STACK_LIMITS
	/*
	 * A fault may come from an overflow of the main stack itself, which
	 * then stands at its limit: the report runs on the reserve below it.
	 */
	ldr	r0, =z_arm_exc_reserve
	msr	msplim, r0
	c_entry z_arm_fault_on_reserve
#else
	c_entry z_arm_fault
#endif

	.section .text.z_arm_svc_c_entry, "ax"
	.thumb_func
z_arm_svc_c_entry:
	c_entry z_arm_svc_c

/*
 * SVC. From privileged code: a switch, the end of a system call, or (in C)
 * ARCH_EXCEPT() and irq_offload(). From user mode: a system call.
 */
	.section .text.z_arm_svc, "ax"
	.thumb_func
	.global z_arm_svc
z_arm_svc:
#ifdef CONFIG_USERSPACE
	/*
	 * From user mode: from Thread mode (EXC_RETURN bit 3) with CONTROL.nPRIV
	 * set. The other bits the test meets are 0: SPSEL reads 0 in Handler
	 * mode, and the FPU stays off (boards/mps2_an505/board.cmake), so FPCA
	 * and SFPA do too.
	 */
	mrs	r1, control
	tst	r1, lr, lsr #3
	itt	ne
	mrsne	r0, psp			/* user threads run on the process stack */
	bne	svc_user
#endif
	tst	lr, #EXC_RETURN_PSP_BIT
	ite	eq
	mrseq	r0, msp
	mrsne	r0, psp
svc_kernel:
#ifdef CONFIG_USERSPACE
	ldr	r1, [r0, #ESF_PC]
	ldrb	r1, [r1, #-2]		/* the SVC's number */
	cmp	r1, #Z_ARM_SVC_SYSCALL_RET
	beq	svc_syscall_return
#endif
	b	z_arm_svc_c_entry

#ifdef CONFIG_USERSPACE
/*
 * A system call: the caller's frame stays on its user stack (the core pushed
 * it with the caller's own rights, so a bad stack pointer faulted already).
 * The call runs in privileged Thread mode on the thread's privileged stack,
 * preemptible, from a fresh frame there: arguments r0-r3 and the ID (r12)
 * from the user frame, r4-r5 as the caller left them.
 */
svc_user:
	ldr	r12, [r0, #ESF_R12]	/* the call's ID */
	cmp	r12, #K_SYSCALL_NONBLOCKING_VOID_LIMIT
	blo	svc_nonblocking_void
	cmp	r12, #K_SYSCALL_NONBLOCKING_LIMIT
	blo	svc_nonblocking
#ifdef CONFIG_SYSCALL_ATTEMPT
	cmp	r12, #K_SYSCALL_ATTEMPT_LIMIT
	blo	svc_attempt
#endif
	cmp	r12, #K_SYSCALL_LIMIT
	bhs	z_arm_svc_c_entry	/* unknown ID, or k_oops() */
/* r0 = the caller's frame, r12 = a valid ID: on to privileged Thread mode. */
svc_thread:
	ldr	r3, =_kernel
	ldr	r3, [r3]		/* the current thread */
	str	r0, [r3, #(CS + Z_CS_USER_SP)]
	ldr	r2, [r3, #(CS + Z_CS_PRIV)]
#ifdef Z_ARM_STACK_LIMITS
	ldr	r1, [r3, #(CS + Z_CS_PRIV_LIMIT)]
	msr	psplim, r1		/* the limit before the lower stack */
#endif
	subs	r2, r2, #32
	str	r12, [r2, #ESF_R12]
#if defined(CONFIG_HW_STACK_PROTECTION) && defined(CONFIG_ARMV7_M_MPU)
	/* MPU region 2: from the user stack to the privileged stack's guard. */
	ldrd	r1, r3, [r3, #(CS + Z_CS_REGION2 + 8)]
	ldr	r12, =MPU_RBAR
	strd	r1, r3, [r12]
	dsb
#endif
	ldm	r0, {r0, r1, r3, r12}	/* the caller's r0-r3: arguments 1-4 */
	stm	r2, {r0, r1, r3, r12}
	ldr	r0, =z_arm_do_syscall
	bic	r0, r0, #1
	mov	r1, #Z_ARM_XPSR_T
	strd	r0, r1, [r2, #ESF_PC]
	msr	psp, r2
	mrs	r0, control
	bic	r0, r0, #1
	msr	control, r0
	bx	lr

/*
 * A call that never waits ([nonblocking] in kernel/syscalls.def) is served
 * right here in the SVC exception, on the interrupt stack, with interrupts
 * held off: no detour through privileged Thread mode, no second SVC. A switch
 * it asks for (a thread it woke, the caller suspended or yielding) is
 * recorded and performed on the way out by z_arm_exc_exit, after the results
 * went into the caller's frame. Should its verifier end the caller with an
 * oops, z_syscall_oops() leaves through z_arm_svc_nonblocking_abandon.
 */
/*
 * The handler of call r12, with its arguments from the caller's frame (r0:
 * calls served in the trap take at most four words, gen_syscalls.py), on the
 * interrupt stack below the block its caller pushed; then r2 = the frame,
 * r3 = what was pushed with it, r0 = the result.
 */
.macro call_in_trap
	ldr	r4, =z_syscall_table
	ldr	r12, [r4, r12, lsl #2]	/* the handler of call r12 */
	ldm	r0, {r0-r3}		/* arguments 1-4, from the caller's frame */
	blx	r12
	pop	{r2, r3, r4, lr}
.endm

svc_nonblocking:
	/*
	 * Frame, (r3 for alignment), the caller's r4, EXC_RETURN: at the top
	 * of the interrupt stack, which an SVC from Thread mode finds empty, so
	 * that z_arm_svc_nonblocking_abandon finds them there.
	 */
	push	{r0, r3, r4, lr}
	call_in_trap
	/*
	 * The caller's r0; a second result word (a 64-bit result) is in its
	 * r1 already (arch_syscall_ret_hi_set()), else r1 is the caller's own.
	 */
	str	r0, [r2]
	exit_to_thread

/*
 * The same for a void call: no result, the caller's r0 comes back its own
 * (its handler is the verifier itself, ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT).
 */
svc_nonblocking_void:
	push	{r0, r3, r4, lr}
	call_in_trap
	exit_to_thread

#ifdef CONFIG_SYSCALL_ATTEMPT
/*
 * An [attempt] call (kernel/include/syscall_attempt.h) is served here like a
 * nonblocking one as long as it need not wait. If it must, the kernel
 * declined the wait having changed nothing, and the call goes to privileged
 * Thread mode from the start. A switch it asked for was held back until its
 * results are in the caller's frame.
 */
svc_attempt:
	/* As svc_nonblocking, with the flags' address where it keeps the caller. */
	ldr	r3, =z_syscall_attempt
	push	{r0, r3, r4, lr}
	movs	r2, #Z_SYSCALL_ATTEMPT_ON
	str	r2, [r3]
	call_in_trap
	ldr	r1, [r3]		/* how it went */
	cmp	r1, #Z_SYSCALL_ATTEMPT_ON
	bne	svc_attempt_other
	movs	r1, #0
	str	r1, [r3]
	str	r0, [r2]		/* the caller's r0 (one word: gen_syscalls.py) */
	/*
	 * Nothing asked for a switch (that is _RESCHED), and nothing else could
	 * have: the trap masks the interrupts, and a Thread-mode caller had no
	 * switch pending. Straight back, past z_arm_exc_exit.
	 */
	bx	lr
svc_attempt_other:
	tst	r1, #Z_SYSCALL_ATTEMPT_DECLINED
	mov.w	r1, #0			/* (the flags stay those of the test) */
	str	r1, [r3]
	bne	svc_attempt_again
	str	r0, [r2]
	push	{r4, lr}
	bl	z_syscall_attempt_resched	/* recorded, performed by z_arm_exc_exit */
	pop	{r4, lr}
	b	z_arm_exc_exit_to_thread
svc_attempt_again:
	mov	r0, r2			/* the caller's frame */
	ldr	r12, [r0, #ESF_R12]
	b	svc_thread
#endif

/* z_syscall_oops() in a nonblocking call: the caller has been ended; leave the SVC. */
	.section .text.z_arm_svc_nonblocking_abandon, "ax"
	.thumb_func
	.global z_arm_svc_nonblocking_abandon
z_arm_svc_nonblocking_abandon:
	ldr	r0, =z_interrupt_stack_top
	subs	r0, #16			/* what svc_nonblocking(_void) or svc_attempt pushed first */
	mov	sp, r0
	pop	{r2, r3, r4, lr}
	b	z_arm_exc_exit

	.section .text.z_arm_svc, "ax"
/*
 * The end of a system call (from z_arm_do_syscall): the result goes into the
 * caller's frame, which the return to user mode then restores (a second
 * result word is there already: arch_syscall_ret_hi_set()).
 */
svc_syscall_return:
	ldr	r3, =_kernel
	ldr	r3, [r3]
	ldr	r2, [r3, #(CS + Z_CS_USER_SP)]
	ldr	r0, [r0]
	str	r0, [r2]
#ifdef Z_ARM_STACK_LIMITS
	ldr	r1, [r3, #(CS + Z_CS_USER_LIMIT)]
	msr	psplim, r1		/* the user stack's limit, PSP back on it below */
#endif
#if defined(CONFIG_HW_STACK_PROTECTION) && defined(CONFIG_ARMV7_M_MPU)
	/* MPU region 2: back to the user stack. */
	ldrd	r0, r1, [r3, #(CS + Z_CS_REGION2)]
	ldr	r3, =MPU_RBAR
	strd	r0, r1, [r3]
	dsb
#endif
	msr	psp, r2
	mrs	r0, control
	orr	r0, r0, #1
	msr	control, r0
	bx	lr

/* Privileged Thread mode, on the privileged stack: call the handler, trap back. */
	.section .text.z_arm_do_syscall, "ax"
	.thumb_func
	.global z_arm_do_syscall
z_arm_do_syscall:
	push	{r4, r5}		/* the caller's r4/r5, restored at the end */
	push	{r4, r5}		/* arguments 5 and 6: the handler owns these slots */
	ldr	r4, =z_syscall_table
	ldr	r12, [r4, r12, lsl #2]	/* the handler of call r12 */
	blx	r12
	add	sp, #8
	pop	{r4, r5}
	svc	#Z_ARM_SVC_SYSCALL_RET
#endif
