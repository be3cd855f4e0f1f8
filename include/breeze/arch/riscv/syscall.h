/*
 * RISC-V system call trap: ecall with the call ID in a7 and up to six argument
 * words in a0-a5. The result comes back in a0 (and a1 for 64-bit results).
 *
 * The kernel's fast path saves no registers for the caller and zeroes the
 * caller-saved ones its handler may have written on return (so no kernel value
 * leaks out): every one of them except a0/a1 is declared clobbered, and the
 * compiler keeps what it needs across the call itself.
 */
#ifndef BREEZE_ARCH_RISCV_SYSCALL_H
#define BREEZE_ARCH_RISCV_SYSCALL_H

#include <stdint.h>

#define Z_RV_CLOBBERS "memory", "ra", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a6"

#ifdef CONFIG_SPEED_OPTIMIZATIONS
/*
 * Built for speed, the trap's fast path tells the nonblocking void calls by
 * their IDs (below K_SYSCALL_NONBLOCKING_VOID_LIMIT) and zeroes their a0
 * itself: their verifiers are their handlers, with no marshaller.
 */
#define ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT 1
/*
 * It returns from each nonblocking call through an exit that zeroes only the
 * registers its handler may have written (arch/riscv/core/isr.S): after such a
 * call, which has a one-word result, a1 is 0 or the caller's own.
 */
#define ARCH_SYSCALL_MAY_KEEP_SECOND_WORD    1
#ifndef CONFIG_SMP
/*
 * On one hart the fast path runs every nonblocking call with interrupts off
 * (isr.S): a handler that would take the scheduler lock only to keep them
 * out may do without (k_yield's verifier).
 */
#define ARCH_SYSCALL_NONBLOCKING_LOCKED 1
#endif
#endif

static inline uint64_t arch_syscall_invoke0(uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0");
	register uintptr_t _a1 __asm__("a1");
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "=r"(_a0), "=r"(_a1), "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS, "a2", "a3", "a4", "a5");
	return ((uint64_t)_a1 << 32) | _a0;
}

static inline uint64_t arch_syscall_invoke1(uintptr_t a0, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1");
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "+r"(_a0), "=r"(_a1), "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS, "a2", "a3", "a4", "a5");
	return ((uint64_t)_a1 << 32) | _a0;
}

static inline uint64_t arch_syscall_invoke2(uintptr_t a0, uintptr_t a1, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "+r"(_a0), "+r"(_a1), "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS, "a2", "a3", "a4", "a5");
	return ((uint64_t)_a1 << 32) | _a0;
}

static inline uint64_t arch_syscall_invoke3(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "+r"(_a0), "+r"(_a1), "+r"(_a2), "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS, "a3", "a4", "a5");
	return ((uint64_t)_a1 << 32) | _a0;
}

static inline uint64_t arch_syscall_invoke4(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	register uintptr_t _a3 __asm__("a3") = a3;
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "+r"(_a0), "+r"(_a1), "+r"(_a2), "+r"(_a3), "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS, "a4", "a5");
	return ((uint64_t)_a1 << 32) | _a0;
}

static inline uint64_t arch_syscall_invoke5(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t a4, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	register uintptr_t _a3 __asm__("a3") = a3;
	register uintptr_t _a4 __asm__("a4") = a4;
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "+r"(_a0), "+r"(_a1), "+r"(_a2), "+r"(_a3), "+r"(_a4), "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS, "a5");
	return ((uint64_t)_a1 << 32) | _a0;
}

static inline uint64_t arch_syscall_invoke6(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t a4, uintptr_t a5, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	register uintptr_t _a3 __asm__("a3") = a3;
	register uintptr_t _a4 __asm__("a4") = a4;
	register uintptr_t _a5 __asm__("a5") = a5;
	register uintptr_t _a7 __asm__("a7") = id;
	__asm__ volatile("ecall"
			 : "+r"(_a0), "+r"(_a1), "+r"(_a2), "+r"(_a3), "+r"(_a4), "+r"(_a5),
			   "+r"(_a7)
			 :
			 : Z_RV_CLOBBERS);
	return ((uint64_t)_a1 << 32) | _a0;
}

#endif /* BREEZE_ARCH_RISCV_SYSCALL_H */
