/*
 * Context switch and the first entry of a new thread.
 *
 * arch_switch(new, old) is an ordinary function call: it saves the registers a
 * C caller expects to survive (ra, sp, s0-s11) into old->callee_saved and
 * loads new's, and new's tp. A thread's kernel code always runs with its own
 * kernel TLS block in tp, set at its creation (callee_saved.tp, which the
 * traps from user mode read too): there is nothing of old's to save. A thread
 * interrupted by an ISR is switched out from inside z_riscv_trap(); its trap
 * frame stays on its stack and is restored when the switch returns there.
 * Interrupts are masked across the switch.
 */
#include <breeze/arch/riscv/arch.h>

#define CS(n) (Z_THREAD_CALLEE_SAVED_OFFSET + 4 * (n))

	.section .text.arch_switch, "ax"
	.global arch_switch
arch_switch:
	sw	ra, CS(0)(a1)
	sw	sp, CS(1)(a1)
	sw	s0, CS(2)(a1)
	sw	s1, CS(3)(a1)
	sw	s2, CS(4)(a1)
	sw	s3, CS(5)(a1)
	sw	s4, CS(6)(a1)
	sw	s5, CS(7)(a1)
	sw	s6, CS(8)(a1)
	sw	s7, CS(9)(a1)
	sw	s8, CS(10)(a1)
	sw	s9, CS(11)(a1)
	sw	s10, CS(12)(a1)
	sw	s11, CS(13)(a1)

	lw	ra, CS(0)(a0)
	lw	sp, CS(1)(a0)
	lw	s0, CS(2)(a0)
	lw	s1, CS(3)(a0)
	lw	s2, CS(4)(a0)
	lw	s3, CS(5)(a0)
	lw	s4, CS(6)(a0)
	lw	s5, CS(7)(a0)
	lw	s6, CS(8)(a0)
	lw	s7, CS(9)(a0)
	lw	s8, CS(10)(a0)
	lw	s9, CS(11)(a0)
	lw	s10, CS(12)(a0)
	lw	s11, CS(13)(a0)
	lw	tp, CS(14)(a0)
	ret

/*
 * First switch to a new thread lands here (arch_new_thread put this in ra):
 * s0-s3 hold entry and its three arguments.
 */
	.section .text.z_riscv_thread_start, "ax"
	.global z_riscv_thread_start
z_riscv_thread_start:
#ifdef CONFIG_SMP
	/* The switch here was made holding the scheduler's lock: release it. */
	call	z_smp_thread_start_unlock
#endif
	csrsi	mstatus, MSTATUS_MIE
	mv	a0, s0
	mv	a1, s1
	mv	a2, s2
	mv	a3, s3
	tail	z_thread_entry
