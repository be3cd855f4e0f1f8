/*
 * Arm Cortex-M (ARMv7-M, ARMv8-M Mainline) definitions visible to the whole
 * kernel.
 *
 * Threads run in Thread mode on the process stack (PSP); exceptions run in
 * Handler mode on the main stack (MSP), which is the interrupt stack. Kernel
 * code is privileged; a user thread runs unprivileged (CONTROL.nPRIV) except
 * while the kernel serves its system calls.
 *
 * Interrupt locking raises BASEPRI to Z_ARM_IRQ_PRIO: every interrupt waits,
 * but the SVC exception (the context switch and the system call trap) and the
 * faults, which sit above it, are still taken. The key is the old BASEPRI.
 */
#ifndef BREEZE_ARCH_ARM_ARCH_H
#define BREEZE_ARCH_ARM_ARCH_H

/* Exception priorities (upper bits only: a core may implement as few as three). */
#define Z_ARM_EXC_PRIO 0x00 /* SVC and the configurable faults */
#define Z_ARM_IRQ_PRIO 0x20 /* every interrupt, SysTick included: they do not nest */

/* Lines IRQ_CONNECT() takes: the NVIC's CONFIG_NUM_IRQS, then SysTick's. */
#define ARCH_IRQ_TABLE_LINES (CONFIG_NUM_IRQS + 1)

/* SVC numbers used by privileged code (user threads have one trap: the system call). */
#define Z_ARM_SVC_UNUSED      0 /* reserved: arch_switch() raises PendSV */
#define Z_ARM_SVC_EXCEPT      1 /* ARCH_EXCEPT(): a fatal error, reason in r0 */
#define Z_ARM_SVC_IRQ_OFFLOAD 2 /* irq_offload(): r0 routine, r1 parameter */
#define Z_ARM_SVC_SYSCALL_RET 3 /* end of a system call, back to user mode */
#define Z_ARM_SVC_SYSCALL     4 /* a system call from user mode: ID in r12 */

/* The system call ID in r12 of a user-mode ARCH_EXCEPT(): k_oops() in a user thread. */
#define Z_ARM_SYSCALL_EXCEPT 0xffffffff

#define ARCH_STACK_PTR_ALIGN 8

/* The Arm TLS ABI puts an 8-byte thread control block before the variables. */
#define ARCH_TLS_TCB_SIZE 8

/*
 * The kernel may load a word from any address of RAM, aligned or not (the
 * M3 and M33 do unaligned LDR; Breeze leaves CCR.UNALIGN_TRP clear): the
 * object check then needs no alignment test before reading a header.
 */
#define ARCH_UNALIGNED_WORD_LOADS 1

/* struct arch_esf, shared with the assembly entry code. */
#define ESF_R0         0
#define ESF_R12        16
#define ESF_LR         20
#define ESF_PC         24
#define ESF_XPSR       28
#define ESF_R4         32
#define ESF_SP         64
#define ESF_EXC_RETURN 68
#define ESF_SIZE       96

/*
 * struct k_thread starts with the kernel object header (one word, with
 * CONFIG_USERSPACE) and then struct _callee_saved.
 */
#ifdef CONFIG_USERSPACE
#define Z_THREAD_CALLEE_SAVED_OFFSET 4
#else
#define Z_THREAD_CALLEE_SAVED_OFFSET 0
#endif
#define Z_CS_REGION2    0 /* RBAR, RASR: the thread's user stack, then its stack guard */
#define Z_CS_R4         16
#define Z_CS_PSP        48
#define Z_CS_BASEPRI    52
#define Z_CS_CONTROL    56
#define Z_CS_PSPLIM     60
#define Z_CS_PRIV       64
#define Z_CS_USER_SP    68
#define Z_CS_PRIV_LIMIT 72
#define Z_CS_USER_LIMIT 76
#define Z_CS_TLS        80 /* its kernel TLS block (__aeabi_read_tp, tls.S) */

/*
 * ARMv8-M: the stack limit registers bound the stacks (CONFIG_HW_STACK_PROTECTION,
 * arch/arm/core/stack_limit.c). Z_ARM_EXC_RESERVE is the bytes below the
 * interrupt stack, outside its limit, on which a fault is still reported when
 * the main stack overflowed.
 */
#if defined(CONFIG_HW_STACK_PROTECTION) && defined(CONFIG_ARMV8_M_MPU)
#define Z_ARM_STACK_LIMITS 1
#define Z_ARM_EXC_RESERVE  1024
#endif

/* EXC_RETURN bits: the exception returns to Thread mode; its frame is on the PSP. */
#define EXC_RETURN_THREAD_BIT 0x8
#define EXC_RETURN_PSP_BIT    0x4

/* The xPSR of a new context: Thumb state. */
#define Z_ARM_XPSR_T 0x01000000

#ifndef _ASMLANGUAGE

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <breeze/toolchain.h>

/*
 * Exception stack frame as the fault code collects it: the basic frame the
 * core pushed (r0-r3, r12, lr, pc, xPSR), then the callee-saved registers,
 * the stack pointer before the exception and the fault status registers.
 */
struct arch_esf {
	uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr;
	uint32_t r4, r5, r6, r7, r8, r9, r10, r11;
	uint32_t sp;         /* stack pointer of the interrupted code, above the frame */
	uint32_t exc_return; /* how the exception returns (mode, stack) */
	uint32_t control;    /* CONTROL at the exception (nPRIV: user mode) */
	uint32_t vector;     /* IPSR: which exception */
	uint32_t cfsr, hfsr, mmfar, bfar;
};
typedef struct arch_esf z_arch_esf_t;

/*
 * What the switch and trap code keep in the thread, at a fixed offset: the
 * callee-saved registers, the thread's stack pointer, interrupt mask,
 * privilege and (ARMv8-M) stack limit - the rest of its context is a basic
 * frame on its stack - and, for user threads, the top of the privileged
 * stack and the user stack pointer while a system call runs, its MPU
 * regions 2 and stack limits, and its kernel TLS block.
 */
struct _callee_saved {
	uint32_t stack_region[2]; /* MPU region 2 in user mode: the user stack */
	/*
	 * MPU region 2 in privileged mode: the stack guard. Right before r4, so
	 * that the switch by call loads it with the registers (switch.S).
	 */
	uint32_t guard_region[2];
	uint32_t r4, r5, r6, r7, r8, r9, r10, r11;
	uint32_t psp;     /* bit 0: saved by a call (arch/arm/core/switch.S) */
	uint32_t basepri; /* saved by a call: where it resumes instead */
	uint32_t control;
	uint32_t psplim;
	uint32_t priv_stack_top;
	uint32_t user_sp;
	/*
	 * ARMv8-M (Z_ARM_STACK_LIMITS): PSPLIM for each of a thread's stacks,
	 * which the system call entry and exit switch with PSP.
	 */
	uint32_t priv_stack_limit;
	uint32_t user_stack_limit;
	/*
	 * Its kernel TLS block, read through _current by privileged code: the
	 * switch writes nothing for it.
	 */
	void *tls;
};

/* struct k_thread always holds a struct _thread_arch. */
#define ARCH_HAS_THREAD_STATE 1

/* Per-thread state of the port: its stack guard and the stack limits of its two stacks. */
struct _thread_arch {
	uintptr_t guard;           /* its kernel stack's guard (0: none) */
	uint32_t priv_stack_limit; /* lowest PSP of its privileged stack (ARMv8-M PSPLIM) */
	uint32_t user_stack_limit; /* lowest PSP of its user stack (ARMv8-M PSPLIM) */
#ifdef CONFIG_USERSPACE
	/*
	 * Its user TLS block once it has entered user mode, NULL before: what
	 * a switch to it publishes for __aeabi_read_tp, and the switch's test
	 * for a user thread (one load and a compare with zero).
	 */
	void *user_tp;
#endif
};

/* The least power of two of at least 32 that holds @x (a constant expression). */
#define Z_ARM_POW2_CEIL(x)                \
	((x) <= 0x20U        ? 0x20U      \
	 : (x) <= 0x40U      ? 0x40U      \
	 : (x) <= 0x80U      ? 0x80U      \
	 : (x) <= 0x100U     ? 0x100U     \
	 : (x) <= 0x200U     ? 0x200U     \
	 : (x) <= 0x400U     ? 0x400U     \
	 : (x) <= 0x800U     ? 0x800U     \
	 : (x) <= 0x1000U    ? 0x1000U    \
	 : (x) <= 0x2000U    ? 0x2000U    \
	 : (x) <= 0x4000U    ? 0x4000U    \
	 : (x) <= 0x8000U    ? 0x8000U    \
	 : (x) <= 0x10000U   ? 0x10000U   \
	 : (x) <= 0x20000U   ? 0x20000U   \
	 : (x) <= 0x40000U   ? 0x40000U   \
	 : (x) <= 0x80000U   ? 0x80000U   \
	 : (x) <= 0x100000U  ? 0x100000U  \
	 : (x) <= 0x200000U  ? 0x200000U  \
	 : (x) <= 0x400000U  ? 0x400000U  \
	 : (x) <= 0x800000U  ? 0x800000U  \
	 : (x) <= 0x1000000U ? 0x1000000U \
			     : 0U)

/*
 * The same for a value known only at run time: a count of leading zeros
 * instead of the constant form's ladder of 20 comparisons (0.2 to 0.4 KiB
 * of code where it is used).
 */
static inline size_t z_arm_pow2_ceil(size_t x)
{
	if (x <= 0x20U) {
		return 0x20U;
	}
	return x <= 0x1000000U ? (size_t)1U << (32 - __builtin_clz((unsigned int)x - 1U)) : 0U;
}

#if defined(CONFIG_USERSPACE) && defined(CONFIG_ARMV7_M_MPU)
/*
 * ARMv7-M maps a user stack as one region: a power of two, aligned to its
 * size (see ARCH_USER_STACK_LEN in <breeze/kernel/thread_stack.h>).
 */
#define ARCH_USER_STACK_LEN(size) Z_ARM_POW2_CEIL(size)
#define arch_user_stack_len(size) z_arm_pow2_ceil(size)
#define ARCH_USER_STACK_ALIGN(len) \
	((len) > Z_THREAD_STACK_OBJ_ALIGN ? (len) : Z_THREAD_STACK_OBJ_ALIGN)
#define Z_ARM_STACK_FITS(t, len) (Z_USER_STACK_RESERVED_OF(len) + (len) <= (t))
#define ARCH_USER_STACK_LEN_OF(t)                      \
	(Z_ARM_STACK_FITS(t, 0x1000000U)  ? 0x1000000U \
	 : Z_ARM_STACK_FITS(t, 0x800000U) ? 0x800000U  \
	 : Z_ARM_STACK_FITS(t, 0x400000U) ? 0x400000U  \
	 : Z_ARM_STACK_FITS(t, 0x200000U) ? 0x200000U  \
	 : Z_ARM_STACK_FITS(t, 0x100000U) ? 0x100000U  \
	 : Z_ARM_STACK_FITS(t, 0x80000U)  ? 0x80000U   \
	 : Z_ARM_STACK_FITS(t, 0x40000U)  ? 0x40000U   \
	 : Z_ARM_STACK_FITS(t, 0x20000U)  ? 0x20000U   \
	 : Z_ARM_STACK_FITS(t, 0x10000U)  ? 0x10000U   \
	 : Z_ARM_STACK_FITS(t, 0x8000U)   ? 0x8000U    \
	 : Z_ARM_STACK_FITS(t, 0x4000U)   ? 0x4000U    \
	 : Z_ARM_STACK_FITS(t, 0x2000U)   ? 0x2000U    \
	 : Z_ARM_STACK_FITS(t, 0x1000U)   ? 0x1000U    \
	 : Z_ARM_STACK_FITS(t, 0x800U)    ? 0x800U     \
	 : Z_ARM_STACK_FITS(t, 0x400U)    ? 0x400U     \
	 : Z_ARM_STACK_FITS(t, 0x200U)    ? 0x200U     \
	 : Z_ARM_STACK_FITS(t, 0x100U)    ? 0x100U     \
	 : Z_ARM_STACK_FITS(t, 0x80U)     ? 0x80U      \
	 : Z_ARM_STACK_FITS(t, 0x40U)     ? 0x40U      \
					  : 0x20U)

/*
 * The same for a stack object whose size is known only at run time: a loop
 * (a macro, as the stack geometry it uses comes later, in thread_stack.h).
 */
#define arch_user_stack_len_of(total)                                              \
	({                                                                         \
		size_t _len = 0x1000000U;                                          \
		while (_len > 0x20U && !Z_ARM_STACK_FITS((size_t)(total), _len)) { \
			_len >>= 1;                                                \
		}                                                                  \
		_len;                                                              \
	})
#endif

#if defined(CONFIG_USERSPACE) && defined(CONFIG_ARMV8_M_MPU)
/*
 * ARMv8-M maps a user stack as one base/limit region: any multiple of the
 * MPU's 32 bytes, aligned to 32 bytes.
 */
#define ARCH_USER_STACK_LEN(size)     ROUND_UP(size, 32U)
#define ARCH_USER_STACK_ALIGN(len)    MAX(32U, Z_THREAD_STACK_OBJ_ALIGN)
#define ARCH_USER_STACK_LEN_OF(total) ((total)-Z_USER_STACK_RESERVED_OF(0))
#endif

/*
 * MPU regions a domain may use: ARMv7-M has 8, of which the shared code and
 * read-only data, the user TLS pointer's block, the thread's stack and the
 * null-pointer guard take four (arch/arm/include/arm_mpu.h). ARMv8-M keeps the
 * same four, 8 for the domain and a second null-pointer guard (mpu_v8m.c):
 * 13, checked at boot (QEMU's mps2-an505 Cortex-M33 has 16).
 */
#ifdef CONFIG_ARMV8_M_MPU
#define Z_ARM_MPU_DOMAIN_REGIONS 8
#else
#define Z_ARM_MPU_DOMAIN_REGIONS 4
#endif

/*
 * The precomputed MPU image of a domain, rebuilt on every change: the
 * register pairs (RBAR, RASR on ARMv7-M; RBAR, RLAR on ARMv8-M) of its
 * regions, unused ones disabled, so that loading it only stores words.
 */
struct arch_mem_domain {
	uint32_t regs[Z_ARM_MPU_DOMAIN_REGIONS][2];
	uint32_t version; /* changes with every new image */
#ifdef CONFIG_ARMV8_M_MPU
	uint32_t ro; /* its read-only regions, a bit each (bit i: region 4 + i) */
#endif
};

/* Smallest unit of a memory partition's start and size (MPU grain). */
#define ARCH_MEM_PARTITION_ALIGN 32U

/* One CPU: it is CPU 0. */
static ALWAYS_INLINE uint32_t arch_proc_id(void)
{
	return 0;
}

static ALWAYS_INLINE unsigned int arch_irq_lock(void)
{
	unsigned int key;

	__asm__ volatile("mrs %0, basepri\n\t"
			 "msr basepri_max, %1"
			 : "=&r"(key)
			 : "r"(Z_ARM_IRQ_PRIO)
			 : "memory");
	return key;
}

static ALWAYS_INLINE void arch_irq_unlock(unsigned int key)
{
	__asm__ volatile("msr basepri, %0\n\t"
			 "isb"
			 :
			 : "r"(key)
			 : "memory");
}

static ALWAYS_INLINE bool arch_irq_unlocked(unsigned int key)
{
	return key == 0U;
}

/*
 * The system timer's cycle count: SysTick, extended to 64 bits. User mode
 * cannot read the core's timer, so there it is a system call (kernel/syscalls.def).
 */
static inline uint64_t z_arm_cycle_get_64(void);

static ALWAYS_INLINE uint64_t arch_k_cycle_get_64(void)
{
	return z_arm_cycle_get_64();
}

static ALWAYS_INLINE void arch_nop(void)
{
	__asm__ volatile("nop");
}

/*
 * Raise a fatal error with @reason through an SVC, so the report has a PC. In
 * user mode the trap is a system call; r12 then names it an exception.
 */
#define ARCH_EXCEPT(reason)                                                       \
	do {                                                                      \
		register uint32_t _r0 __asm__("r0") = (uint32_t)(reason);         \
		register uint32_t _r12 __asm__("r12") = Z_ARM_SYSCALL_EXCEPT;     \
		__asm__ volatile("svc %[n]"                                       \
				 :                                                \
				 : [n] "i"(Z_ARM_SVC_EXCEPT), "r"(_r0), "r"(_r12) \
				 : "memory");                                     \
		CODE_UNREACHABLE;                                                 \
	} while (false)

#endif /* !_ASMLANGUAGE */

#endif /* BREEZE_ARCH_ARM_ARCH_H */
