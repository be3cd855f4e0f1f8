/*
 * Raw system call traps for syscalls.c, written per architecture in
 * syscalls_<arch>.c.
 */
#ifndef SYSCALL_REGS_H
#define SYSCALL_REGS_H

#include <stdint.h>

#if defined(CONFIG_ARM)
/*
 * The registers a system call leaves alone: r2-r12 and lr (r0/r1 carry the
 * result); r12, the eleventh, held the ID.
 */
#define SCRATCH_REGS    12
#define SCRATCH_ID_SLOT 10
#else
/*
 * The registers a system call may clobber: ra, t0-t6, a2-a7 and a1 (a0/a1
 * carry the result, a1 only for a 64-bit one); a7 held the ID. Built for
 * speed, the trap's fast path zeroes those its handler may have written, but
 * two come back with addresses the caller knows anyway
 * (arch/riscv/core/isr.S): ra the point in the trap code where the handler
 * returned (for a call that never waits, one of the exits between
 * z_riscv_syscall_exits and z_riscv_syscall_exits_end, chosen per call; for
 * the others, z_riscv_syscall_done), t0 the caller's own return address.
 * Built for size, every call takes the full path, which gives all of them
 * back as they were.
 */
#define SCRATCH_REGS    15
#define SCRATCH_ID_SLOT 13
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define SCRATCH_RA_SLOT 0
#define SCRATCH_T0_SLOT 1
#endif

/* The address right after the ecall of syscall_scratch_registers(). */
extern uintptr_t scratch_resume;
extern char z_riscv_syscall_done[];
extern char z_riscv_syscall_exits[];
extern char z_riscv_syscall_exits_end[];
#endif

/* What the caller put in scratch register i before the trap. */
#define SENTINEL(i) (0x5e000000U + (i))

/* The scratch registers as the trap left them, in the attacker's partition. */
extern uintptr_t scratch_after[SCRATCH_REGS];

/*
 * Trap with call = { ID, first argument }, every scratch register holding
 * its sentinel; store them into scratch_after and the result into the log's
 * loot. Each must come back as the caller left it or zero: anything else is
 * a value of the kernel or of another thread.
 */
void syscall_scratch_registers(void *call);

/* A raw trap for call 1000, as code not built with the kernel's headers would issue it. */
void raw_trap_1000(void *arg);

#endif /* SYSCALL_REGS_H */
