/*
 * RISC-V (RV32) architecture definitions visible to the whole kernel.
 *
 * The kernel runs in machine mode. Interrupt locking clears mstatus.MIE; the
 * key remembers whether MIE was set so that locks nest.
 */
#ifndef BREEZE_ARCH_RISCV_ARCH_H
#define BREEZE_ARCH_RISCV_ARCH_H

#define MSTATUS_MIE   0x00000008
#define MSTATUS_MPIE  0x00000080
#define MSTATUS_MPP   0x00001800
#define MSTATUS_MPP_M 0x00001800
#define MSTATUS_MPP_U 0x00000000
#define MSTATUS_MPRV  0x00020000

/* Local interrupt numbers (mcause codes); PLIC sources follow at RISCV_IRQ_PLIC(n). */
#define RISCV_IRQ_SSOFT   1 /* set by machine mode in mip; free for tests (SMP takes MSOFT) */
#define RISCV_IRQ_MSOFT   3
#define RISCV_IRQ_MTIMER  7
#define RISCV_IRQ_MEXT    11
#define RISCV_IRQ_PLIC(n) (32 + (n))

/*
 * Lines IRQ_CONNECT() takes: the local ones, and with the PLIC its sources,
 * CONFIG_NUM_IRQS in all.
 */
#ifdef CONFIG_PLIC
#define ARCH_IRQ_TABLE_LINES CONFIG_NUM_IRQS
#else
#define ARCH_IRQ_TABLE_LINES RISCV_IRQ_PLIC(0)
#endif

/* The ID in a7 of an ecall that raises a fatal error with the reason in a0. */
#define RV_ECALL_RUNTIME_EXCEPT 0xffffffff

#define ARCH_STACK_PTR_ALIGN 16

/* Offsets of struct arch_esf, shared with the assembly entry code. */
#define ESF_RA      0
#define ESF_T0      4
#define ESF_T1      8
#define ESF_T2      12
#define ESF_T3      16
#define ESF_T4      20
#define ESF_T5      24
#define ESF_T6      28
#define ESF_A0      32
#define ESF_A1      36
#define ESF_A2      40
#define ESF_A3      44
#define ESF_A4      48
#define ESF_A5      52
#define ESF_A6      56
#define ESF_A7      60
#define ESF_MEPC    64
#define ESF_MSTATUS 68
#define ESF_SP      72
#define ESF_GP      76
#define ESF_TP      80
#define ESF_MCAUSE  84
#define ESF_MTVAL   88
#define ESF_KTP     92 /* see struct arch_esf */
#define ESF_SIZE    96

/*
 * struct k_thread starts with the kernel object header (one word, with
 * CONFIG_USERSPACE) and then struct _callee_saved: ra, sp, s0-s11, tp.
 */
#ifdef CONFIG_USERSPACE
#define Z_THREAD_CALLEE_SAVED_OFFSET 4
#else
#define Z_THREAD_CALLEE_SAVED_OFFSET 0
#endif
#define Z_THREAD_TP_OFFSET (Z_THREAD_CALLEE_SAVED_OFFSET + 14 * 4)

/* struct _cpu (kernel/include/kernel_structs.h): its interrupt nesting count. */
#define Z_CPU_NESTED_OFFSET 8

/*
 * SMP: offsets in struct z_riscv_hart (arch/riscv/core/smp.c), the per-hart
 * record the trap code finds from mhartid (2^RISCV_HART_SHIFT bytes each).
 */
#define RISCV_HART_SHIFT     5
#define RISCV_HART_CPU       0  /* struct _cpu *: its current thread is its first word */
#define RISCV_HART_STACK_LIM 4  /* lowest sp at which a trap frame still fits (guards) */
#define RISCV_HART_ISR_TOP   8  /* top of its interrupt stack */
#define RISCV_HART_ISR_BASE  12 /* bottom of its interrupt stack: the guard */
#define RISCV_HART_BOOT_SP   16 /* start: stack, thread pointer, argument, function */
#define RISCV_HART_BOOT_TP   20
#define RISCV_HART_BOOT_ARG  24
#define RISCV_HART_BOOT_FN   28

#ifndef _ASMLANGUAGE

#include <stdbool.h>
#include <stdint.h>
#include <breeze/toolchain.h>

/*
 * Exception stack frame: what a trap saves on the stack. Callee-saved
 * registers are not here; C code preserves them and a context switch saves
 * them in struct _callee_saved.
 */
struct arch_esf {
	unsigned long ra;
	unsigned long t0, t1, t2, t3, t4, t5, t6;
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long mepc;
	unsigned long mstatus;
	unsigned long sp; /* stack pointer at the time of the trap */
	unsigned long gp;
	unsigned long tp;
	unsigned long mcause; /* filled in for exceptions only */
	unsigned long mtval;
	/*
	 * Only in the frame at the top of a user thread's privileged stack:
	 * the thread's kernel TLS block, set once as it enters user mode, so
	 * that a trap from user mode finds its trusted tp with one load.
	 * Nothing else writes it.
	 */
	unsigned long ktp;
};
typedef struct arch_esf z_arch_esf_t;

/* Registers a context switch saves: the callee-saved set, sp and the TLS pointer. */
struct _callee_saved {
	unsigned long ra;
	unsigned long sp;
	unsigned long s[12];
	unsigned long tp;
};

/*
 * Per-thread state of the port: the thread's own PMP entries (0: its stack
 * guard, 1-2: its user stack; see pmp.c), precomputed, and the lowest stack
 * pointer at which a machine-mode trap frame still fits above its guard.
 */
struct _thread_arch {
	unsigned long pmp_addr[3];
	unsigned long pmp_cfg0;
	unsigned long stack_limit;
};

/*
 * PMP entries a domain may use: 16 in all, minus 3 for the kernel code and
 * read-only data, 2 for the thread's stack and 2 for stack guards.
 */
#define Z_PMP_DOMAIN_ENTRIES   9
#define Z_PMP_DOMAIN_CFG_WORDS 3

/* The precomputed PMP image of a domain (entries 4..12, pmpcfg1-3), rebuilt on every change. */
struct arch_mem_domain {
	unsigned long pmpaddr[Z_PMP_DOMAIN_ENTRIES];
	unsigned long pmpcfg[Z_PMP_DOMAIN_CFG_WORDS];
	uint32_t version; /* changes with every new image */
	uint8_t entries;  /* how many of the entries are in use */
};

/* Smallest unit of a memory partition's start and size (PMP grain). */
#define ARCH_MEM_PARTITION_ALIGN 4U

/*
 * The CPU running the caller (Zephyr's arch_proc_id()): the hart id, which
 * machine mode reads from a CSR user mode cannot reach. Kernel only; a thread
 * may move to another CPU right after reading it unless interrupts are masked.
 */
static ALWAYS_INLINE uint32_t arch_proc_id(void)
{
	unsigned long id;

	__asm__ volatile("csrr %0, mhartid" : "=r"(id));
	return (uint32_t)id;
}

#ifdef CONFIG_SMP
/*
 * One round of a spin-wait, interrupts masked, with this CPU's own IPI
 * raised (kernel/smp.c): lets the other harts run, which QEMU's -icount
 * needs (one hart runs at a time until it halts).
 */
static ALWAYS_INLINE void arch_spin_relax(void)
{
	__asm__ volatile("wfi" ::: "memory");
}
#endif

static ALWAYS_INLINE unsigned int arch_irq_lock(void)
{
	unsigned long key;

	__asm__ volatile("csrrci %0, mstatus, %1" : "=r"(key) : "i"(MSTATUS_MIE) : "memory");
	return (unsigned int)(key & MSTATUS_MIE);
}

static ALWAYS_INLINE void arch_irq_unlock(unsigned int key)
{
	/* key is 0 or MSTATUS_MIE: setting those bits restores the old state. */
	__asm__ volatile("csrs mstatus, %0" : : "r"(key) : "memory");
}

static ALWAYS_INLINE bool arch_irq_unlocked(unsigned int key)
{
	return key != 0U;
}

/*
 * The machine timer through the time CSR (rdtime): the same count as mtime,
 * and readable from user mode because the kernel sets mcounteren.TM.
 */
static ALWAYS_INLINE uint64_t arch_k_cycle_get_64(void)
{
	uint32_t hi, lo, hi2;

	do {
		__asm__ volatile("rdtimeh %0" : "=r"(hi));
		__asm__ volatile("rdtime %0" : "=r"(lo));
		__asm__ volatile("rdtimeh %0" : "=r"(hi2));
	} while (hi != hi2);
	return ((uint64_t)hi << 32) | lo;
}

static ALWAYS_INLINE void arch_nop(void)
{
	__asm__ volatile("nop");
}

/* Raise a fatal error with @reason through an ecall, so the report has a PC. */
#define ARCH_EXCEPT(reason)                                                         \
	do {                                                                        \
		register unsigned long _a0 __asm__("a0") = (unsigned long)(reason); \
		register unsigned long _a7 __asm__("a7") = RV_ECALL_RUNTIME_EXCEPT; \
		__asm__ volatile("ecall" : : "r"(_a0), "r"(_a7) : "memory");        \
		CODE_UNREACHABLE;                                                   \
	} while (false)

#endif /* !_ASMLANGUAGE */

#endif /* BREEZE_ARCH_RISCV_ARCH_H */
