/*
 * uintptr_t z_riscv_call_scrubbed(uintptr_t (*fn)(...), a0, a1, a2, a3, a4, a5):
 * fn(a0, ..., a5), then back with its result and every other caller-saved
 * register zeroed.
 *
 * A nonblocking system call returns through an exit that zeroes only the
 * scratch registers its handler can write (scripts/syscall_exits.py, from
 * the linked code). Code that analysis cannot follow (a call through a
 * pointer, as printing through the console driver makes) counts as writing
 * all of them, wherever it is reachable, however rarely it runs. A cold
 * path of a handler calls such code through here instead: the script
 * follows this straight-line function instruction by instruction, and sees
 * every register the call may have written zeroed before it returns, but
 * a0: the result, which the handler computes from (a call with a result
 * returns its own in a0, a void call's exit zeroes it).
 */
#include <breeze/arch/riscv/arch.h>

	.section .text.z_riscv_call_scrubbed, "ax"
	.global z_riscv_call_scrubbed
z_riscv_call_scrubbed:
	addi	sp, sp, -16
	sw	ra, 12(sp)
	mv	t0, a0
	mv	a0, a1
	mv	a1, a2
	mv	a2, a3
	mv	a3, a4
	mv	a4, a5
	mv	a5, a6
	jalr	t0
	li	t0, 0
	li	t1, 0
	li	t2, 0
	li	t3, 0
	li	t4, 0
	li	t5, 0
	li	t6, 0
	li	a1, 0
	li	a2, 0
	li	a3, 0
	li	a4, 0
	li	a5, 0
	li	a6, 0
	li	a7, 0
	lw	ra, 12(sp)
	addi	sp, sp, 16
	ret
