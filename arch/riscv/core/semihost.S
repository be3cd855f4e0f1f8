/*
 * long arch_semihost_call(unsigned long op, void *arg): a semihosting request.
 *
 * RISC-V marks a semihosting ebreak by the two instructions around it (the
 * sequence of the RISC-V semihosting specification). The emulator recognises
 * only the uncompressed forms, and reads all three from one page: hence
 * norvc and the alignment. op is in a0, arg in a1, the result comes back in a0.
 */
	.section .text.arch_semihost_call, "ax"
	.balign 16
	.global arch_semihost_call
arch_semihost_call:
	.option push
	.option norvc
	slli	zero, zero, 0x1f
	ebreak
	srai	zero, zero, 7
	.option pop
	ret
