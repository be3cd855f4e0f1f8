/*
 * RISC-V system call trap: ecall with the call ID in a7 and up to six argument
 * words in a0-a5. The result comes back in a0 (and a1 for 64-bit results).
 */
#ifndef BREEZE_ARCH_RISCV_SYSCALL_H
#define BREEZE_ARCH_RISCV_SYSCALL_H

#include <stdint.h>

#define Z_RV_SYSCALL_BODY(...)                                                                 \
	register uintptr_t _a7 __asm__("a7") = id;                                             \
	__asm__ volatile("ecall" : "+r"(_a0), "+r"(_a1) : "r"(_a7), ##__VA_ARGS__ : "memory"); \
	return ((uint64_t)_a1 << 32) | _a0

static inline uint64_t arch_syscall_invoke0(uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = 0;
	register uintptr_t _a1 __asm__("a1") = 0;
	Z_RV_SYSCALL_BODY();
}

static inline uint64_t arch_syscall_invoke1(uintptr_t a0, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = 0;
	Z_RV_SYSCALL_BODY();
}

static inline uint64_t arch_syscall_invoke2(uintptr_t a0, uintptr_t a1, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	Z_RV_SYSCALL_BODY();
}

static inline uint64_t arch_syscall_invoke3(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	Z_RV_SYSCALL_BODY("r"(_a2));
}

static inline uint64_t arch_syscall_invoke4(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	register uintptr_t _a3 __asm__("a3") = a3;
	Z_RV_SYSCALL_BODY("r"(_a2), "r"(_a3));
}

static inline uint64_t arch_syscall_invoke5(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					    uintptr_t a4, uintptr_t id)
{
	register uintptr_t _a0 __asm__("a0") = a0;
	register uintptr_t _a1 __asm__("a1") = a1;
	register uintptr_t _a2 __asm__("a2") = a2;
	register uintptr_t _a3 __asm__("a3") = a3;
	register uintptr_t _a4 __asm__("a4") = a4;
	Z_RV_SYSCALL_BODY("r"(_a2), "r"(_a3), "r"(_a4));
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
	Z_RV_SYSCALL_BODY("r"(_a2), "r"(_a3), "r"(_a4), "r"(_a5));
}

#endif /* BREEZE_ARCH_RISCV_SYSCALL_H */
