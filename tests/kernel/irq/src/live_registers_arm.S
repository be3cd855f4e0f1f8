/*
 * unsigned int spin_with_live_registers(unsigned int iterations, volatile uint32_t *poke,
 *                                       uint32_t value)
 *
 * Cortex-M: fills every general register a thread may freely use (r3-r12,
 * lr) with a distinct value and keeps the round counter, @poke and @value
 * in r0-r2, then spins @iterations times, storing @value to *poke on each
 * round (pass the NVIC set-pending word and the test line's bit to raise the
 * software interrupt every round: the barriers make it taken at once; or a
 * RAM word to just spin; or NULL). Afterwards it checks every value.
 *
 * Returns 0 if all registers survived, else one more than the number of the
 * first one found changed (r1 gives 2, lr 15). Interrupts and context
 * switches during the spin must be invisible here.
 */
	.syntax unified
	.thumb

/* A different, non-trivial 32-bit value for each register number. */
#define PAT(n) ((((n) * 0x01000193) ^ 0x5bd1e995) & 0xffffffff)

#define F_VALUE 0
#define F_POKE  4

	.macro FILL reg, num
	ldr	\reg, =PAT(\num)
	.endm

	/* Uses r0 as scratch: the spin counter is spent by then. */
	.macro CHECK reg, num
	ldr	r0, =PAT(\num)
	cmp	\reg, r0
	beq	1f
	movs	r0, #(\num + 1)
	b	done
1:
	.endm

	.section .text.spin_with_live_registers, "ax"
	.thumb_func
	.global spin_with_live_registers
spin_with_live_registers:
	push	{r4-r11, lr}
	sub	sp, sp, #12		/* keeps the stack 8-byte aligned */
	str	r2, [sp, #F_VALUE]
	str	r1, [sp, #F_POKE]

	FILL	r3, 3
	FILL	r4, 4
	FILL	r5, 5
	FILL	r6, 6
	FILL	r7, 7
	FILL	r8, 8
	FILL	r9, 9
	FILL	r10, 10
	FILL	r11, 11
	FILL	r12, 12
	FILL	lr, 14

	cbz	r0, spun
spin:
	cbz	r1, next
	str	r2, [r1]
	dsb
	isb
next:
	subs	r0, r0, #1
	bne	spin
spun:

	CHECK	r3, 3
	CHECK	r4, 4
	CHECK	r5, 5
	CHECK	r6, 6
	CHECK	r7, 7
	CHECK	r8, 8
	CHECK	r9, 9
	CHECK	r10, 10
	CHECK	r11, 11
	CHECK	r12, 12
	CHECK	lr, 14

	movs	r0, #2			/* r1 */
	ldr	r3, [sp, #F_POKE]
	cmp	r1, r3
	bne	done
	movs	r0, #3			/* r2 */
	ldr	r3, [sp, #F_VALUE]
	cmp	r2, r3
	bne	done
	movs	r0, #0

done:
	add	sp, sp, #12
	pop	{r4-r11, pc}
	.ltorg
