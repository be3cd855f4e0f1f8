/*
 * Trap entry and exit (all interrupts, exceptions and ecalls).
 *
 * mscratch is 0 while the hart runs in machine mode and, while it runs in user
 * mode, holds where the current thread's frame goes: the top of its privileged
 * stack less ESF_SIZE, so the swap itself makes room for the frame. Swapping
 * sp with mscratch therefore tells where the trap came from without touching
 * any other register:
 *   from machine mode - stay on the current stack;
 *   from user mode    - switch to the privileged stack, whatever sp the user
 *                       code left behind, and load gp and tp from trusted
 *                       values: tp becomes the thread's kernel TLS block
 *                       (kernel/tls.c), the user's tp is kept in the frame.
 * Neither TLS block is ever written here: whether code runs in user mode is
 * a property of the block tp points at.
 *
 * The frame (struct arch_esf) holds the caller-saved registers, mepc and
 * mstatus; z_riscv_trap() preserves the callee-saved ones like any C function.
 */
#include <breeze/arch/riscv/arch.h>
#ifdef CONFIG_USERSPACE
#include <syscall_list.h>
#include <syscall_attempt.h>
#endif

#define EMERGENCY_SHIFT 10 /* the emergency stack: 1 KiB per hart */

/* Save the registers a trap frame holds but t0, sp, gp and tp (stored by the caller). */
.macro save_frame_rest
	sw	ra, ESF_RA(sp)
	sw	t1, ESF_T1(sp)
	sw	t2, ESF_T2(sp)
	sw	t3, ESF_T3(sp)
	sw	t4, ESF_T4(sp)
	sw	t5, ESF_T5(sp)
	sw	t6, ESF_T6(sp)
	sw	a0, ESF_A0(sp)
	sw	a1, ESF_A1(sp)
	sw	a2, ESF_A2(sp)
	sw	a3, ESF_A3(sp)
	sw	a4, ESF_A4(sp)
	sw	a5, ESF_A5(sp)
	sw	a6, ESF_A6(sp)
	sw	a7, ESF_A7(sp)
	csrr	t0, mepc
	sw	t0, ESF_MEPC(sp)
	csrr	t0, mstatus
	sw	t0, ESF_MSTATUS(sp)
.endm

#if defined(CONFIG_USERSPACE) && defined(CONFIG_SPEED_OPTIMIZATIONS)
/*
 * The system call fast path's entry, past the ID checks: what the return
 * needs in the frame (mepc; the user sp and tp are there already; its
 * mstatus slot holds user-mode MPP since the thread first entered user mode,
 * as a fault report expects), then the kernel's tp and gp.
 */
.macro syscall_save_mepc
	csrr	t0, mepc
	sw	t0, ESF_MEPC(sp)
.endm

.macro syscall_kernel_tp_gp
	lw	tp, ESF_KTP(sp)		/* the thread's kernel TLS block */
	/* gp from it (userspace.c); the linker relaxes this to the load alone. */
	lui	gp, %tprel_hi(z_riscv_kernel_gp)
	add	gp, gp, tp, %tprel_add(z_riscv_kernel_gp)
	lw	gp, %tprel_lo(z_riscv_kernel_gp)(gp)
.endm

/*
 * The return to user mode, with interrupts masked and every scratch register
 * but t0 as the caller may see it: the frame's words back. mstatus needs no
 * write: the trap left user-mode MPP and MPIE set, any mret since (an
 * interrupt nested in a call that may wait) leaves them so again, and a
 * switch back to a user thread writes them (arch_thread_switch_prepare() in
 * arch_inlines.h), whatever the thread that ran meanwhile left behind. t0
 * becomes the caller's own return address.
 */
.macro syscall_return
	csrw	mscratch, sp		/* the frame's base, for the next trap */
	lw	tp, ESF_TP(sp)
	lw	t0, ESF_MEPC(sp)
	addi	t0, t0, 4
	csrw	mepc, t0
	lw	sp, ESF_SP(sp)
	mret
.endm

/*
 * Nothing of the kernel's may stay in a register the caller sees: these are
 * zeroed, all but a0 (the result), t0 (syscall_return writes it) and ra
 * (where the handler returned, an address of this file, which tells
 * nothing). In this order, the registers
 * compiled code writes least first: a nonblocking call's exit may start
 * part way in (below), past registers its handler never writes.
 */
.macro syscall_zero_scratch keep_a1=0
	li	t6, 0
	li	t5, 0
	li	t4, 0
	li	t3, 0
	li	t2, 0
	li	a7, 0
	li	a6, 0
	li	t1, 0
.if \keep_a1 == 0
	li	a1, 0
.endif
	li	a2, 0
	li	a3, 0
	li	a4, 0
	li	a5, 0
.endm
#endif

#ifdef CONFIG_SMP
/* \reg = this hart's record, z_riscv_harts[mhartid] (riscv_hart.h); clobbers \tmp. */
.macro this_hart reg, tmp
	csrr	\reg, mhartid
	slli	\reg, \reg, RISCV_HART_SHIFT
	la	\tmp, z_riscv_harts
	add	\reg, \reg, \tmp
.endm
#endif

#if defined(CONFIG_HW_STACK_PROTECTION) && !defined(CONFIG_SMP)
/*
 * One hart: the interrupt stack's guard limit in force (the old limit kept at
 * 4(sp) of the interrupt stack), and back. Clobber t1 and t2.
 */
.macro isr_stack_limit_set
	lui	t1, %hi(z_riscv_stack_limit)
	lw	t2, %lo(z_riscv_stack_limit)(t1)
	sw	t2, 4(sp)
	la	t2, z_interrupt_stack + CONFIG_HW_STACK_GUARD_SIZE + ESF_SIZE
	sw	t2, %lo(z_riscv_stack_limit)(t1)
.endm

.macro isr_stack_limit_restore
	lw	t2, 4(sp)
	lui	t1, %hi(z_riscv_stack_limit)
	sw	t2, %lo(z_riscv_stack_limit)(t1)
.endm
#endif

	.section .text.z_riscv_trap_entry, "ax"
	.balign 4
	.global z_riscv_trap_entry
z_riscv_trap_entry:
	csrrw	sp, mscratch, sp
	bnez	sp, from_user
	/* From machine mode: sp back, mscratch stays 0. */
	csrrw	sp, mscratch, sp
#ifdef CONFIG_HW_STACK_PROTECTION
	/*
	 * The frame goes on the current stack, unless it would reach the
	 * stack's guard: then the stack has overflowed, and storing the frame
	 * would fault again. sscratch holds t0 meanwhile.
	 */
	csrw	sscratch, t0
#ifdef CONFIG_SMP
	/* This hart's limit; t1 waits in mscratch, which is 0 in machine mode. */
	csrw	mscratch, t1
	this_hart t0, t1
	lw	t0, RISCV_HART_STACK_LIM(t0)
	csrr	t1, mscratch
	csrw	mscratch, zero
#else
	lui	t0, %hi(z_riscv_stack_limit)
	lw	t0, %lo(z_riscv_stack_limit)(t0)
#endif
	bltu	sp, t0, stack_overflow
	csrr	t0, sscratch
#endif
	addi	sp, sp, -ESF_SIZE
	sw	t0, ESF_T0(sp)
	addi	t0, sp, ESF_SIZE
	sw	t0, ESF_SP(sp)
	sw	gp, ESF_GP(sp)
	sw	tp, ESF_TP(sp)
	j	save_common

/*
 * Trusted gp and tp for kernel code: tp is the current thread's kernel TLS
 * block. Clobbers t0 (and t1 with SMP).
 */
.macro kernel_context
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
#ifdef CONFIG_SMP
	this_hart t0, t1
	lw	t0, RISCV_HART_CPU(t0)
	lw	t0, 0(t0)		/* this CPU's current thread */
#else
	la	t0, _kernel
	lw	t0, 0(t0)		/* _kernel.cpus[0].current */
#endif
	lw	tp, Z_THREAD_TP_OFFSET(t0)
.endm

from_user:
	sw	tp, ESF_TP(sp)
	csrrw	tp, mscratch, zero	/* the user's sp; mscratch is 0 from here */
	sw	tp, ESF_SP(sp)
#ifdef CONFIG_USERSPACE
#ifdef CONFIG_SPEED_OPTIMIZATIONS
	/*
	 * System call fast path (built for speed; built for size every ecall
	 * takes the full path, z_riscv_syscall(), whose return restores every
	 * register from the frame). The user-mode wrapper tells the compiler that
	 * the ecall clobbers every caller-saved register but a0/a1 (results),
	 * so nothing else is saved; on the way out the ones the kernel may
	 * have written are zeroed instead, so no kernel value leaks to user
	 * mode. Everything unusual (unknown ID,
	 * k_oops() from user mode, interrupts, faults) takes the full path.
	 * tp is the scratch register here: it is saved already and reloaded
	 * with the kernel's, so the fast path saves nothing else.
	 */
	csrr	tp, mcause
	addi	tp, tp, -8		/* ecall from user mode */
	bnez	tp, user_full
	/*
	 * IDs run nonblocking calls first, then [attempt] ones, then the others
	 * (scripts/gen_syscalls.py): one test finds the calls that never wait,
	 * the most frequent ones.
	 */
	li	tp, K_SYSCALL_NONBLOCKING_LIMIT
	bgeu	a7, tp, syscall_may_wait
	syscall_save_mepc
	/*
	 * A call that never waits: its handler, and where it returns, from
	 * z_syscall_nonblocking_table (8-byte entries, 8-byte aligned: both
	 * words share the %hi part). No relaxation: the index is added
	 * between the two halves of the address.
	 */
	.option push
	.option norelax
	slli	tp, a7, 3
	lui	t0, %hi(z_syscall_nonblocking_table)
	add	t0, t0, tp
	lw	ra, %lo(z_syscall_nonblocking_table + 4)(t0)
	lw	t0, %lo(z_syscall_nonblocking_table)(t0)
	.option pop
	syscall_kernel_tp_gp
	/*
	 * It runs as on Cortex-M, with interrupts held off on one hart
	 * (bounded like any interrupts-off section; a switch it makes is
	 * fine: the switch back writes mstatus, and the frame holds mepc,
	 * whatever ran meanwhile). On several harts it may still wait for
	 * another one (suspending a thread running there), so it takes
	 * interrupts like any other call.
	 */
#ifdef CONFIG_SMP
	csrsi	mstatus, MSTATUS_MIE
#endif
	jr	t0

/*
 * The exits of the calls that never wait: the handler returns to one of
 * these, where z_syscall_nonblocking_table says, for a one-word result (a1
 * is zeroed with the others) or none (a0 too: what a void handler leaves
 * there is no result; its verifier is its handler,
 * ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT). The table points every call at the
 * start of its exit; after the link, scripts/syscall_exits.py moves each one
 * past the zeroing of registers its handler never writes.
 */
	.global z_riscv_syscall_exits
z_riscv_syscall_exits:
	.global z_riscv_syscall_exit_void
z_riscv_syscall_exit_void:
	syscall_zero_scratch
	li	a0, 0
#ifdef CONFIG_SMP
	csrci	mstatus, MSTATUS_MIE
#endif
	syscall_return

	.global z_riscv_syscall_exit_value
z_riscv_syscall_exit_value:
	syscall_zero_scratch
#ifdef CONFIG_SMP
	csrci	mstatus, MSTATUS_MIE
#endif
	syscall_return
	.global z_riscv_syscall_exits_end
z_riscv_syscall_exits_end:

/* A call that may wait: the ID's other checks, and interrupts on (or an attempt). */
syscall_may_wait:
	li	tp, K_SYSCALL_LIMIT
	bgeu	a7, tp, user_full
	syscall_save_mepc
	syscall_kernel_tp_gp
	.option push
	.option norelax
	slli	t1, a7, 2
	lui	t0, %hi(z_syscall_table)
	add	t0, t0, t1
	lw	t0, %lo(z_syscall_table)(t0)
	.option pop
#ifdef CONFIG_SYSCALL_ATTEMPT
	li	t1, K_SYSCALL_ATTEMPT_LIMIT
	bltu	a7, t1, syscall_attempt
#endif
syscall_call:
	csrsi	mstatus, MSTATUS_MIE	/* system calls that may wait are preemptible */
	sw	zero, ESF_A1(sp)	/* the result's second word, unless the call sets it */
	jalr	t0
	/* Where a call that may wait returns: what ra shows the caller. */
	.global z_riscv_syscall_done
z_riscv_syscall_done:
	csrci	mstatus, MSTATUS_MIE
	lw	a1, ESF_A1(sp)
	syscall_zero_scratch keep_a1=1
	syscall_return

#ifdef CONFIG_SYSCALL_ATTEMPT
/*
 * An [attempt] call (kernel/include/syscall_attempt.h) is tried with
 * interrupts held off, t0 its handler: nothing else runs until it is done,
 * so a buffer it checked is the buffer it copies. If it must wait, the
 * kernel declined the wait having changed nothing, and the call runs again
 * from its start with interrupts on, where it may wait like any other. A
 * switch it asked for was held back until its result is in the frame.
 * Bounded like any interrupts-off section: these handlers take one object's
 * lock, and copy at most CONFIG_MSGQ_MAX_USER_MSG_SIZE bytes. Its one-word
 * result leaves by the full exit of the calls that never wait.
 */
syscall_attempt:
	/*
	 * The arguments, for a second run: at most four words for these calls
	 * (scripts/gen_syscalls.py refuses more).
	 */
	sw	a0, ESF_A0(sp)
	sw	a1, ESF_A1(sp)
	sw	a2, ESF_A2(sp)
	sw	a3, ESF_A3(sp)
	sw	t0, ESF_T0(sp)		/* and the handler */
	lui	t1, %hi(z_syscall_attempt)
	li	t2, Z_SYSCALL_ATTEMPT_ON
	sw	t2, %lo(z_syscall_attempt)(t1)
	jalr	t0
	lui	t1, %hi(z_syscall_attempt)
	lw	t2, %lo(z_syscall_attempt)(t1)
	sw	zero, %lo(z_syscall_attempt)(t1)
	addi	t2, t2, -Z_SYSCALL_ATTEMPT_ON
	/* Done, nothing switched: interrupts stayed off. */
	beqz	t2, z_riscv_syscall_exit_value
	andi	t1, t2, Z_SYSCALL_ATTEMPT_DECLINED
	bnez	t1, attempt_again
	sw	a0, ESF_A0(sp)		/* the result survives the switch in the frame */
	call	z_syscall_attempt_resched	/* returns with interrupts masked */
	lw	a0, ESF_A0(sp)
	j	z_riscv_syscall_exit_value
attempt_again:
	lw	a0, ESF_A0(sp)
	lw	a1, ESF_A1(sp)
	lw	a2, ESF_A2(sp)
	lw	a3, ESF_A3(sp)
	lw	t0, ESF_T0(sp)
	j	syscall_call
#endif
#endif /* CONFIG_SPEED_OPTIMIZATIONS */

user_full:
	sw	t0, ESF_T0(sp)
	sw	gp, ESF_GP(sp)
	save_frame_rest
	lw	tp, ESF_KTP(sp)
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	j	trap_call
#else
	/* Without user mode mscratch is never set: kept only for completeness. */
	sw	t0, ESF_T0(sp)
	sw	gp, ESF_GP(sp)
	save_frame_rest
	kernel_context
	j	trap_call
#endif

/*
 * An interrupt, built for speed on one hart without tracing, is dispatched
 * from here rather than by z_riscv_trap() (trap.c's interrupt() does the same
 * in C): no C frame around it. Everything else takes the call.
 */
#if defined(CONFIG_SPEED_OPTIMIZATIONS) && !defined(CONFIG_SMP) && !defined(CONFIG_TRACING)
#define IRQ_FAST_PATH 1
#define NESTED (_kernel + Z_CPU_NESTED_OFFSET)
#endif

save_common:
	save_frame_rest
trap_call:
#ifdef IRQ_FAST_PATH
	csrr	t0, mcause
	bltz	t0, irq_fast
#endif
	mv	a0, sp
	call	z_riscv_trap

	.global z_riscv_trap_return
z_riscv_trap_return:
	/* Interrupts are masked here: z_riscv_trap returns with MIE clear. */
	lw	t0, ESF_MEPC(sp)
	csrw	mepc, t0
	lw	t0, ESF_MSTATUS(sp)
	csrw	mstatus, t0
	li	t1, MSTATUS_MPP
	and	t0, t0, t1
	bnez	t0, 1f
	/* Back to user mode: the next trap's frame goes where this one is. */
	csrw	mscratch, sp
1:
	lw	ra, ESF_RA(sp)
	lw	gp, ESF_GP(sp)
	lw	tp, ESF_TP(sp)
	lw	t0, ESF_T0(sp)
	lw	t1, ESF_T1(sp)
	lw	t2, ESF_T2(sp)
	lw	t3, ESF_T3(sp)
	lw	t4, ESF_T4(sp)
	lw	t5, ESF_T5(sp)
	lw	t6, ESF_T6(sp)
	lw	a0, ESF_A0(sp)
	lw	a1, ESF_A1(sp)
	lw	a2, ESF_A2(sp)
	lw	a3, ESF_A3(sp)
	lw	a4, ESF_A4(sp)
	lw	a5, ESF_A5(sp)
	lw	a6, ESF_A6(sp)
	lw	a7, ESF_A7(sp)
	lw	sp, ESF_SP(sp)
	mret

#ifdef IRQ_FAST_PATH
irq_fast:
	slli	a0, t0, 1
	srli	a0, a0, 1		/* the interrupt's number */
	lui	t2, %hi(NESTED)
	lw	t1, %lo(NESTED)(t2)
	addi	t0, t1, 1
	sw	t0, %lo(NESTED)(t2)
	bnez	t1, irq_fast_nested	/* inside an offloaded routine: stay on its stack */
	/* z_riscv_irq_on_isr_stack(), inline: the interrupt stack and its guard's limit. */
	mv	t0, sp
	la	sp, z_interrupt_stack_top
	addi	sp, sp, -16
	sw	t0, 8(sp)
#ifdef CONFIG_HW_STACK_PROTECTION
	isr_stack_limit_set
#endif
	call	z_riscv_irq_dispatch
#ifdef CONFIG_HW_STACK_PROTECTION
	isr_stack_limit_restore
#endif
	lw	sp, 8(sp)
irq_fast_done:
	lui	t2, %hi(NESTED)
	lw	t1, %lo(NESTED)(t2)
	addi	t1, t1, -1
	sw	t1, %lo(NESTED)(t2)
	/* Back on the interrupted thread's stack, which a switch may leave. */
	call	z_sched_isr_exit
	j	z_riscv_trap_return
irq_fast_nested:
	call	z_riscv_irq_dispatch
	j	irq_fast_done
#endif

#ifdef CONFIG_HW_STACK_PROTECTION
/*
 * A machine-mode trap on a stack with no room left above its guard: the frame
 * goes on the emergency stack instead, and z_riscv_stack_overflow() reports
 * and ends the offender (it never returns). t0 is in sscratch.
 */
stack_overflow:
	mv	t0, sp
#ifdef CONFIG_SMP
	/* This hart's emergency stack; the old sp waits in mscratch meanwhile. */
	csrw	mscratch, t0
	csrr	t0, mhartid
	addi	t0, t0, 1
	slli	t0, t0, EMERGENCY_SHIFT
	la	sp, z_riscv_emergency_stack
	add	sp, sp, t0
	csrr	t0, mscratch
	csrw	mscratch, zero
#else
	la	sp, z_riscv_emergency_stack_top
#endif
	addi	sp, sp, -ESF_SIZE
	sw	t0, ESF_SP(sp)
	csrr	t0, sscratch
	sw	t0, ESF_T0(sp)
	sw	gp, ESF_GP(sp)
	sw	tp, ESF_TP(sp)
	save_frame_rest
	mv	a0, sp
	call	z_riscv_stack_overflow
1:	j	1b

	.section .noinit.stacks, "aw", @nobits
	.balign 16
z_riscv_emergency_stack:
	.skip (1 << EMERGENCY_SHIFT) * CONFIG_MP_MAX_NUM_CPUS
z_riscv_emergency_stack_top:
#endif

/*
 * void z_riscv_irq_on_isr_stack(unsigned long irq): z_riscv_irq_dispatch(irq)
 * on the interrupt stack, with its guard's limit in force meanwhile. Called
 * with interrupts masked, from the outermost interrupt only.
 */
	.section .text.z_riscv_irq_on_isr_stack, "ax"
	.global z_riscv_irq_on_isr_stack
z_riscv_irq_on_isr_stack:
	mv	t0, sp
#ifdef CONFIG_SMP
	this_hart t3, t1
	lw	sp, RISCV_HART_ISR_TOP(t3)
#else
	la	sp, z_interrupt_stack_top
#endif
	addi	sp, sp, -16
	sw	ra, 12(sp)
	sw	t0, 8(sp)
#ifdef CONFIG_HW_STACK_PROTECTION
#ifdef CONFIG_SMP
	lw	t2, RISCV_HART_STACK_LIM(t3)
	sw	t2, 4(sp)
	sw	t3, 0(sp)
	lw	t2, RISCV_HART_ISR_BASE(t3)
	li	t1, CONFIG_HW_STACK_GUARD_SIZE + ESF_SIZE
	add	t2, t2, t1
	sw	t2, RISCV_HART_STACK_LIM(t3)
#else
	isr_stack_limit_set
#endif
#endif
	call	z_riscv_irq_dispatch
#ifdef CONFIG_HW_STACK_PROTECTION
#ifdef CONFIG_SMP
	lw	t2, 4(sp)
	lw	t3, 0(sp)		/* interrupts stay masked: still this hart */
	sw	t2, RISCV_HART_STACK_LIM(t3)
#else
	isr_stack_limit_restore
#endif
#endif
	lw	ra, 12(sp)
	lw	sp, 8(sp)
	ret
