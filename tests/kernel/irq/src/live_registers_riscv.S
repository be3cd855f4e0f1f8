/*
 * unsigned int spin_with_live_registers(unsigned int iterations, volatile uint32_t *poke,
 *                                       uint32_t value)
 *
 * Fills every general register a thread may freely use (ra, t0-t6, s0-s11,
 * a0-a7) with a distinct value, then spins @iterations times, storing @value
 * to *poke on each round (pass the CLINT msip word and 1 to raise the
 * software interrupt every round, or a RAM word to just spin); with @poke NULL it
 * raises the supervisor software interrupt instead (mip.SSIP, the tests'
 * line under SMP, local_soft_irq.h). Afterwards it checks
 * every value, and gp and tp, which it never touches.
 *
 * Returns 0 if all registers survived, else the number (x1..x31) of the
 * first one found changed. Interrupts and context switches during the spin
 * must be invisible here.
 */

/* A different, non-trivial 32-bit value for each register number. */
#define PAT(n) ((((n) * 0x01000193) ^ 0x5bd1e995) & 0xffffffff)

#define FRAME     80
#define F_RA      0
#define F_S(i)    (4 + 4 * (i))
#define F_GP      52
#define F_TP      56
#define F_POKE    60
#define F_VALUE   64

	.macro FILL reg, num
	li	\reg, PAT(\num)
	.endm

	/* Uses a7 as scratch: the spin counter is spent by then. */
	.macro CHECK reg, num
	li	a7, PAT(\num)
	beq	\reg, a7, 1f
	li	a0, \num
	j	done
1:
	.endm

	.section .text.spin_with_live_registers, "ax"
	.global spin_with_live_registers
spin_with_live_registers:
	addi	sp, sp, -FRAME
	sw	ra, F_RA(sp)
	sw	s0, F_S(0)(sp)
	sw	s1, F_S(1)(sp)
	sw	s2, F_S(2)(sp)
	sw	s3, F_S(3)(sp)
	sw	s4, F_S(4)(sp)
	sw	s5, F_S(5)(sp)
	sw	s6, F_S(6)(sp)
	sw	s7, F_S(7)(sp)
	sw	s8, F_S(8)(sp)
	sw	s9, F_S(9)(sp)
	sw	s10, F_S(10)(sp)
	sw	s11, F_S(11)(sp)
	sw	gp, F_GP(sp)
	sw	tp, F_TP(sp)
	sw	a1, F_POKE(sp)
	sw	a2, F_VALUE(sp)

	mv	a7, a0		/* round counter */
	mv	a6, a1		/* poke address */
	mv	a5, a2		/* value poked */
	FILL	ra, 1
	FILL	t0, 5
	FILL	t1, 6
	FILL	t2, 7
	FILL	s0, 8
	FILL	s1, 9
	FILL	a0, 10
	FILL	a1, 11
	FILL	a2, 12
	FILL	a3, 13
	FILL	a4, 14
	FILL	s2, 18
	FILL	s3, 19
	FILL	s4, 20
	FILL	s5, 21
	FILL	s6, 22
	FILL	s7, 23
	FILL	s8, 24
	FILL	s9, 25
	FILL	s10, 26
	FILL	s11, 27
	FILL	t3, 28
	FILL	t4, 29
	FILL	t5, 30
	FILL	t6, 31

	beqz	a7, spun
spin:
	bnez	a6, poke
	csrsi	mip, 2		/* no poke address: raise the supervisor software interrupt */
	j	next
poke:
	sw	a5, 0(a6)
next:
	addi	a7, a7, -1
	bnez	a7, spin
spun:

	CHECK	ra, 1
	CHECK	t0, 5
	CHECK	t1, 6
	CHECK	t2, 7
	CHECK	s0, 8
	CHECK	s1, 9
	CHECK	a0, 10
	CHECK	a1, 11
	CHECK	a2, 12
	CHECK	a3, 13
	CHECK	a4, 14
	CHECK	s2, 18
	CHECK	s3, 19
	CHECK	s4, 20
	CHECK	s5, 21
	CHECK	s6, 22
	CHECK	s7, 23
	CHECK	s8, 24
	CHECK	s9, 25
	CHECK	s10, 26
	CHECK	s11, 27
	CHECK	t3, 28
	CHECK	t4, 29
	CHECK	t5, 30
	CHECK	t6, 31

	li	a0, 15		/* a5 */
	lw	a7, F_VALUE(sp)
	bne	a5, a7, done
	li	a0, 16		/* a6 */
	lw	a7, F_POKE(sp)
	bne	a6, a7, done
	li	a0, 3		/* gp */
	lw	a7, F_GP(sp)
	bne	gp, a7, done
	li	a0, 4		/* tp */
	lw	a7, F_TP(sp)
	bne	tp, a7, done
	li	a0, 0

done:
	lw	ra, F_RA(sp)
	lw	s0, F_S(0)(sp)
	lw	s1, F_S(1)(sp)
	lw	s2, F_S(2)(sp)
	lw	s3, F_S(3)(sp)
	lw	s4, F_S(4)(sp)
	lw	s5, F_S(5)(sp)
	lw	s6, F_S(6)(sp)
	lw	s7, F_S(7)(sp)
	lw	s8, F_S(8)(sp)
	lw	s9, F_S(9)(sp)
	lw	s10, F_S(10)(sp)
	lw	s11, F_S(11)(sp)
	addi	sp, sp, FRAME
	ret
