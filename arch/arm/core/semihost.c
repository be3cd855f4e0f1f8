/*
 * Arm semihosting: a request is "bkpt 0xab" (M-profile) with the operation in
 * r0 and its parameter block in r1; the result comes back in r0.
 */
#include <arch_interface.h>

long arch_semihost_call(unsigned long op, void *arg)
{
	register unsigned long r0 __asm__("r0") = op;
	register void *r1 __asm__("r1") = arg;

	__asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
	return (long)r0;
}
