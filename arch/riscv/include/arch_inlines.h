/*
 * Small port services the kernel calls on hot paths, inline.
 */
#ifndef BREEZE_RISCV_ARCH_INLINES_H
#define BREEZE_RISCV_ARCH_INLINES_H

#include <kernel_structs.h>
#include <riscv_hart.h>

#ifdef CONFIG_USERSPACE
#ifndef CONFIG_SPEED_OPTIMIZATIONS
/*
 * Built for size every ecall takes z_riscv_syscall(), which zeroes the result
 * of a void call itself (z_syscall_void_ids): such a call needs no marshaller.
 */
#define ARCH_SYSCALL_ZEROES_VOID_RESULT
extern const uint32_t z_syscall_void_ids[];
#else
/*
 * Built for speed the trap returns from each nonblocking call by the exit
 * z_syscall_nonblocking_table names beside its handler (arch/riscv/core/isr.S):
 * at first the one zeroing every scratch register of a void call or of a call
 * with a result, after the link a later point of it where the handler writes
 * fewer (scripts/syscall_exits.py).
 */
#define ARCH_SYSCALL_NONBLOCKING_EXITS 1
extern const char z_riscv_syscall_exit_void[];
extern const char z_riscv_syscall_exit_value[];
#define ARCH_SYSCALL_EXIT_VOID         z_riscv_syscall_exit_void
#define ARCH_SYSCALL_EXIT_VALUE        z_riscv_syscall_exit_value
/* fn(a0, ..., a5) from a cold path of a handler, its registers scrubbed (cold_call.S). */
uintptr_t z_riscv_call_scrubbed(uintptr_t (*fn)(uintptr_t, uintptr_t, uintptr_t, uintptr_t,
						uintptr_t, uintptr_t),
				uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
				uintptr_t a4, uintptr_t a5);
#define arch_syscall_cold_call         z_riscv_call_scrubbed
#endif

/* The frame of the current thread's system call, at the top of its privileged stack. */
static ALWAYS_INLINE struct arch_esf *arch_syscall_frame(void)
{
	return (struct arch_esf *)(_current->userspace.priv_stack_top - ESF_SIZE);
}

/* Machine mode reads executable user memory only without Smepmp. */
static ALWAYS_INLINE bool arch_user_region_kernel_readable(uint8_t perm)
{
	ARG_UNUSED(perm);
	return !IS_ENABLED(CONFIG_RISCV_PMP_SMEPMP);
}

/* Second result word of the system call in progress (a1; 0 unless set). */
static ALWAYS_INLINE void arch_syscall_ret_hi_set(uintptr_t hi)
{
	arch_syscall_frame()->a1 = hi;
}

/*
 * The domain images in each hart's PMP (arch/riscv/core/pmp.c), so a switch
 * skips what is there. A small image (four entries or fewer, the usual case)
 * sits in one of two slots, entries 4-7 (pmpcfg1) or 8-11 (pmpcfg2), and
 * stays there, its entries off, while the other slot's image is in force:
 * a switch between two domains then writes two configuration words. A large
 * image fills entries 4-12 and leaves no slot. Every image
 * arch_mem_domain_encode() makes gets a version of its own (a count from 1),
 * copied into one domain only: the version names the image, so that the
 * domain it belongs to need not be compared, and a changed domain's old
 * image, wherever it stays, is never taken for the new one.
 */
struct z_riscv_loaded_image {
	uint32_t version; /* the image in force (0: none) */
	uint32_t slot[2]; /* the small image in each slot, in force or off (0: none) */
	uint32_t large;   /* the image in force is a large one (a word, as the others) */
};

extern struct z_riscv_loaded_image z_riscv_loaded_images[CONFIG_MP_MAX_NUM_CPUS];

/* This hart's (interrupts masked). */
#define Z_RISCV_LOADED_IMAGE (&z_riscv_loaded_images[IS_ENABLED(CONFIG_SMP) ? arch_proc_id() : 0])

#ifdef CONFIG_SMP
#define Z_RISCV_LOADED_GET(field)      (Z_RISCV_LOADED_IMAGE->field)
#define Z_RISCV_LOADED_SET(field, val) (Z_RISCV_LOADED_IMAGE->field = (val))
#else
/*
 * A word of the one hart's record, read or written as the %hi/%lo pair the
 * linker relaxes into one instruction from gp. GCC, which sees two
 * instructions per access, would build the record's address in a register
 * for all of them instead, and hoist that into the switch's common path: one
 * more instruction on every switch to a user thread. Every access to the
 * record goes through these, volatile, so they stay in program order.
 */
#define Z_RISCV_LOADED_GET(field)                                         \
	({                                                                \
		uint32_t word_;                                           \
		__asm__ volatile("lui %0, %%hi(%1)\n\t"                   \
				 "lw %0, %%lo(%1)(%0)"                    \
				 : "=r"(word_)                            \
				 : "i"(&z_riscv_loaded_images[0].field)); \
		word_;                                                    \
	})
#define Z_RISCV_LOADED_SET(field, val)                                              \
	do {                                                                        \
		unsigned long hi_;                                                  \
		__asm__ volatile("lui %0, %%hi(%1)\n\t"                             \
				 "sw %2, %%lo(%1)(%0)"                              \
				 : "=&r"(hi_)                                       \
				 : "i"(&z_riscv_loaded_images[0].field), "r"(val)); \
	} while (0)
#endif

/* Put @domain's image in force in this hart's PMP, writing it first if it is not there. */
void z_riscv_domain_image_load(const struct k_mem_domain *domain);

/*
 * @domain's image into force if it sits in a slot already, its entries off:
 * its slot's configuration word on, the other's off. False, with nothing
 * written, if it is in no slot.
 */
static ALWAYS_INLINE bool z_riscv_resident_image_switch(const struct k_mem_domain *domain)
{
	const struct arch_mem_domain *d = &domain->arch;
	uint32_t version = d->version;

	if (version == Z_RISCV_LOADED_GET(slot[0])) {
		__asm__ volatile("csrw pmpcfg2, zero" : : : "memory");
		__asm__ volatile("csrw pmpcfg1, %0" : : "r"(d->pmpcfg[0]) : "memory");
	} else if (version == Z_RISCV_LOADED_GET(slot[1])) {
		__asm__ volatile("csrw pmpcfg1, zero" : : : "memory");
		__asm__ volatile("csrw pmpcfg2, %0" : : "r"(d->pmpcfg[0]) : "memory");
	} else {
		return false;
	}
	Z_RISCV_LOADED_SET(version, version); /* no slot is filled while a large one is in force */
	return true;
}

/*
 * @domain's image written into this hart's PMP if it and the one in force are
 * both small: into the slot the one in force does not use, which stays
 * resident, off. False, with nothing written, for a large image, or after
 * one (z_riscv_domain_image_load() clears what it used).
 */
static ALWAYS_INLINE bool z_riscv_small_image_load(const struct k_mem_domain *domain)
{
	const struct arch_mem_domain *d = &domain->arch;

	if (d->entries > 4U || Z_RISCV_LOADED_GET(large) != 0U) {
		return false;
	}
	if (Z_RISCV_LOADED_GET(version) == Z_RISCV_LOADED_GET(slot[0])) {
		__asm__ volatile("csrw pmpaddr8, %0" : : "r"(d->pmpaddr[0]) : "memory");
		__asm__ volatile("csrw pmpaddr9, %0" : : "r"(d->pmpaddr[1]) : "memory");
		__asm__ volatile("csrw pmpaddr10, %0" : : "r"(d->pmpaddr[2]) : "memory");
		__asm__ volatile("csrw pmpaddr11, %0" : : "r"(d->pmpaddr[3]) : "memory");
		__asm__ volatile("csrw pmpcfg1, zero" : : : "memory");
		__asm__ volatile("csrw pmpcfg2, %0" : : "r"(d->pmpcfg[0]) : "memory");
		Z_RISCV_LOADED_SET(slot[1], d->version);
	} else {
		__asm__ volatile("csrw pmpaddr4, %0" : : "r"(d->pmpaddr[0]) : "memory");
		__asm__ volatile("csrw pmpaddr5, %0" : : "r"(d->pmpaddr[1]) : "memory");
		__asm__ volatile("csrw pmpaddr6, %0" : : "r"(d->pmpaddr[2]) : "memory");
		__asm__ volatile("csrw pmpaddr7, %0" : : "r"(d->pmpaddr[3]) : "memory");
		__asm__ volatile("csrw pmpcfg2, zero" : : : "memory");
		__asm__ volatile("csrw pmpcfg1, %0" : : "r"(d->pmpcfg[0]) : "memory");
		Z_RISCV_LOADED_SET(slot[0], d->version);
	}
	Z_RISCV_LOADED_SET(version, d->version);
	return true;
}

/* A user thread's stack entries of the PMP (entries 1-2, and pmpcfg0). */
static ALWAYS_INLINE void z_riscv_user_stack_pmp_load(struct k_thread *t)
{
	__asm__ volatile("csrw pmpaddr1, %0" : : "r"(t->arch.pmp_addr[1]) : "memory");
	__asm__ volatile("csrw pmpaddr2, %0" : : "r"(t->arch.pmp_addr[2]) : "memory");
	__asm__ volatile("csrw pmpcfg0, %0" : : "r"(t->arch.pmp_cfg0) : "memory");
}

/* Whether this hart's PMP holds @domain's image as it is now. */
static ALWAYS_INLINE bool z_riscv_domain_is_loaded(const struct k_mem_domain *domain)
{
	return domain->arch.version == Z_RISCV_LOADED_GET(version);
}
#endif

/* The canary lives in each TLS block (kernel/tls.c): nothing to publish. */
static ALWAYS_INLINE void arch_stack_chk_guard_set(uintptr_t guard)
{
	ARG_UNUSED(guard);
}

/*
 * Before switching to @new: its stack guard goes in, and a user thread gets
 * its stack's entries. False when its domain's image must be loaded too: the
 * switch then calls arch_thread_switch_load() first, out of line, so that the
 * usual switch (to a supervisor thread, or to a thread of the domain already
 * there) makes no call.
 */
static ALWAYS_INLINE bool arch_thread_switch_prepare(struct k_thread *new)
{
#ifdef CONFIG_HW_STACK_PROTECTION
	Z_RISCV_STACK_LIMIT = new->arch.stack_limit;
	__asm__ volatile("csrw pmpaddr0, %0" : : "r"(new->arch.pmp_addr[0]) : "memory");
#endif
#ifdef CONFIG_USERSPACE
	/*
	 * A user thread: its user stack's first entry is encoded when it enters
	 * user mode (arch_thread_stack_encode()), 0 before, and never 0 after
	 * (a stack is a C object, never at address 0; a NAPOT entry has low
	 * bits set). The load is the one the entry's write needs.
	 */
	if (new->arch.pmp_addr[1] != 0U) {
		/* Built for size, all of it out of line (arch_mem_domain_thread_load()). */
		if (!IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS)) {
			return false;
		}
		z_riscv_user_stack_pmp_load(new);
		/*
		 * It left user mode by a trap and goes back by mret: if through
		 * the system call fast path, that writes no mstatus (isr.S), so
		 * user-mode MPP and MPIE go in here, whatever the thread before
		 * left (it may have been in a trap from machine mode). Interrupts
		 * stay masked, as they are. Any other way back (an interrupt's or
		 * a fault's exit) restores mstatus from its frame.
		 */
		__asm__ volatile("csrw mstatus, %0"
				 :
				 : "r"(MSTATUS_MPIE | MSTATUS_MPP_U)
				 : "memory");
		return z_riscv_domain_is_loaded(new->userspace.domain) ||
		       z_riscv_resident_image_switch(new->userspace.domain);
	}
#endif
#ifdef CONFIG_HW_STACK_PROTECTION
	__asm__ volatile("csrw pmpcfg0, %0" : : "r"(new->arch.pmp_cfg0) : "memory");
#else
	ARG_UNUSED(new);
#endif
	return true;
}

/*
 * The switch's load when arch_thread_switch_prepare() returned false (user
 * mode only; its stack's entries are in already, and its image is in no
 * slot): a small image inline, the usual case; false when the image needs
 * arch_thread_switch_load_call(), a large one or one after a large one, or
 * any built for size.
 */
static ALWAYS_INLINE bool arch_thread_switch_load(struct k_thread *new)
{
#ifdef CONFIG_USERSPACE
	return IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS) &&
	       likely(z_riscv_small_image_load(new->userspace.domain));
#else
	ARG_UNUSED(new);
	return true;
#endif
}

#endif /* BREEZE_RISCV_ARCH_INLINES_H */
