/*
 * Cortex-M system call trap: SVC with the call ID in r12 and up to six argument
 * words in r0-r5. The result comes back in r0 (and r1 for 64-bit results).
 *
 * Every other register, the flags included, is as the caller left it: the
 * kernel resumes the caller from the frame the SVC pushed on its own stack,
 * with only the result words replaced (r1 only by a call with a 64-bit
 * result: after any other it is the caller's own again).
 */
#ifndef BREEZE_ARCH_ARM_SYSCALL_H
#define BREEZE_ARCH_ARM_SYSCALL_H

#include <stdint.h>
#include <stdbool.h>
#include <breeze/arch/arm/arch.h>

/* After a call with a one-word result r1 is the caller's own (see above). */
#define ARCH_SYSCALL_KEEPS_SECOND_WORD 1

/*
 * The SVC serves the nonblocking void calls (the first IDs,
 * K_SYSCALL_NONBLOCKING_VOID_LIMIT) and writes no result for them: the
 * caller's r0 comes back its own as well, and their verifiers are their
 * handlers, with no marshaller (arch/arm/core/switch.S).
 */
#define ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT 1
#define ARCH_SYSCALL_KEEPS_VOID_FIRST_WORD   1

/*
 * The SVC serves a nonblocking call at the highest configurable priority,
 * above every interrupt the kernel handles, on the one CPU: what the
 * scheduler lock would do is done, so a handler that takes it only for that
 * may do without (k_yield's verifier).
 */
#define ARCH_SYSCALL_NONBLOCKING_LOCKED 1

/*
 * Whether the caller runs in user mode: unprivileged (CONTROL.nPRIV) in
 * Thread mode. CONTROL, readable at any privilege, says both: user threads
 * run on the process stack (CONTROL.SPSEL set), and exception entry clears
 * SPSEL, Handler mode always using the main stack; nPRIV alone would not do,
 * as it stays what the interrupted thread had.
 */
static inline bool arch_is_user_context(void)
{
	uint32_t control;
#ifndef __clang__
	bool user;

	/*
	 * Both bits in one test: shifted left by 31, CONTROL leaves SPSEL in
	 * the carry and nPRIV as the whole result, so "higher" (carry set,
	 * result not zero) is exactly both set. (GCC's flag outputs; clang,
	 * which reads this header for the Rust bindings, has none on Arm.)
	 */
	__asm__ volatile("mrs %0, control\n\t"
			 "lsls %0, %0, #31"
			 : "=l"(control), "=@cchi"(user));
	return user;
#else
	__asm__ volatile("mrs %0, control" : "=r"(control));
	return (control & 3U) == 3U;
#endif
}
#define ARCH_HAS_IS_USER_CONTEXT 1

static inline uint64_t arch_syscall_invoke0(uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0");
	register uintptr_t _r1 __asm__("r1");
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "=r"(_r0), "=r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

static inline uint64_t arch_syscall_invoke1(uintptr_t a0, uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0") = a0;
	register uintptr_t _r1 __asm__("r1");
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "+r"(_r0), "=r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

static inline uint64_t arch_syscall_invoke2(uintptr_t a0, uintptr_t a1, uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0") = a0;
	register uintptr_t _r1 __asm__("r1") = a1;
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "+r"(_r0), "+r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

static inline uint64_t arch_syscall_invoke3(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0") = a0;
	register uintptr_t _r1 __asm__("r1") = a1;
	register uintptr_t _r2 __asm__("r2") = a2;
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "+r"(_r0), "+r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12), "r"(_r2)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

static inline uint64_t arch_syscall_invoke4(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0") = a0;
	register uintptr_t _r1 __asm__("r1") = a1;
	register uintptr_t _r2 __asm__("r2") = a2;
	register uintptr_t _r3 __asm__("r3") = a3;
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "+r"(_r0), "+r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12), "r"(_r2), "r"(_r3)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

static inline uint64_t arch_syscall_invoke5(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t a4, uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0") = a0;
	register uintptr_t _r1 __asm__("r1") = a1;
	register uintptr_t _r2 __asm__("r2") = a2;
	register uintptr_t _r3 __asm__("r3") = a3;
	register uintptr_t _r4 __asm__("r4") = a4;
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "+r"(_r0), "+r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12), "r"(_r2), "r"(_r3), "r"(_r4)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

static inline uint64_t arch_syscall_invoke6(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t a4, uintptr_t a5, uintptr_t id)
{
	register uintptr_t _r0 __asm__("r0") = a0;
	register uintptr_t _r1 __asm__("r1") = a1;
	register uintptr_t _r2 __asm__("r2") = a2;
	register uintptr_t _r3 __asm__("r3") = a3;
	register uintptr_t _r4 __asm__("r4") = a4;
	register uintptr_t _r5 __asm__("r5") = a5;
	register uintptr_t _r12 __asm__("r12") = id;
	__asm__ volatile("svc %[n]"
			 : "+r"(_r0), "+r"(_r1)
			 : [n] "i"(Z_ARM_SVC_SYSCALL), "r"(_r12), "r"(_r2), "r"(_r3), "r"(_r4),
			   "r"(_r5)
			 : "memory");
	return ((uint64_t)_r1 << 32) | _r0;
}

#endif /* BREEZE_ARCH_ARM_SYSCALL_H */
