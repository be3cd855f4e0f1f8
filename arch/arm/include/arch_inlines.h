/*
 * Small port services the kernel calls on hot paths, inline.
 */
#ifndef BREEZE_ARM_ARCH_INLINES_H
#define BREEZE_ARM_ARCH_INLINES_H

#include <kernel_structs.h>

/* The user TLS block of the running thread (arch/arm/core/tls.S). */
extern void *z_arm_user_tp;

/* Publish the kernel's stack canary in __stack_chk_guard (arch/arm/core/canary.c). */
void z_arm_stack_chk_guard_set(uintptr_t guard);

static ALWAYS_INLINE void arch_stack_chk_guard_set(uintptr_t guard)
{
	z_arm_stack_chk_guard_set(guard);
}

#ifdef CONFIG_USERSPACE
/* Privileged code may read whatever user mode may execute. */
static ALWAYS_INLINE bool arch_user_region_kernel_readable(uint8_t perm)
{
	ARG_UNUSED(perm);
	return true;
}

/* The exception frame of the running system call's SVC, on the caller's user stack. */
uint32_t *z_arm_syscall_frame(void);

/*
 * Second result word of the system call in progress: straight into r1 of the
 * caller's frame, which the call's end leaves alone (only r0 is written
 * there; a call with a one-word result returns the caller's own r1).
 */
static ALWAYS_INLINE void arch_syscall_ret_hi_set(uintptr_t hi)
{
	z_arm_syscall_frame()[1] = hi;
}
#endif

#if defined(CONFIG_USERSPACE) || defined(CONFIG_HW_STACK_PROTECTION)
#include <arm_mpu.h>
#endif

#ifdef CONFIG_USERSPACE
/*
 * The version of the domain image in the MPU now (mpu_v7m.c, mpu_v8m.c; 0:
 * none). Every image arch_mem_domain_encode() makes gets a version of its
 * own (a count from 1), and each is copied into one domain only: the version
 * names the image, so that the domain it belongs to need not be compared.
 */
extern uint32_t z_arm_mpu_loaded_version;

/* Load @domain's image into the MPU, whatever is there. */
void z_arm_mpu_domain_load(const struct k_mem_domain *domain);

/* Whether the MPU holds @domain's image as it is now. */
static ALWAYS_INLINE bool z_arm_mpu_domain_is_loaded(const struct k_mem_domain *domain)
{
	return domain->arch.version == z_arm_mpu_loaded_version;
}
#endif

#if defined(CONFIG_USERSPACE) && defined(CONFIG_ARMV8_M_MPU)
/*
 * ARMv8-M: the loaded domain regions that are read-only for privileged code
 * too (a bit each), and turning them off (mpu_v8m.c).
 */
extern uint32_t z_arm_mpu_ro_loaded;
void z_arm_mpu_ro_unload(void);
#endif

/*
 * Before switching to @new: a user thread's TLS block (arch.user_tp, set
 * when it entered user mode) becomes the one __aeabi_read_tp returns in user
 * mode (privileged code finds its block through _current, which the switch
 * changes anyway). False when the MPU needs more (arch_thread_switch_load(),
 * out of line, so that the usual switch makes no call): a user thread whose
 * domain is not the one loaded, or, on ARMv8-M, a supervisor thread while
 * read-only domain regions are in. (MPU region 2, its stack or its guard, is
 * loaded with its registers: z_arm_do_switch.)
 */
static ALWAYS_INLINE bool arch_thread_switch_prepare(struct k_thread *new)
{
	ARG_UNUSED(new); /* (without user mode) */

	/*
	 * The old thread's context is about to go below its stack pointer (the
	 * call frame arch_switch() writes, or PendSV's own stacking, 32 bytes),
	 * where an overflow would be caught only once _current is the new thread
	 * (and blamed on it), or on ARMv8-M, whose limit has no guard bytes
	 * below it, not at all for the call frame's plain stores. So those 32
	 * bytes are probed here, while the old thread still runs (switch_to()
	 * changes _current after this): ARMv8-M moves the stack pointer over
	 * them and back, which PSPLIM checks; ARMv7-M loads from their bottom,
	 * which the guard region refuses. Either faults now, as the old thread's
	 * overflow. (The caller's frame is below arch_switch()'s stack pointer:
	 * room here is room there.)
	 */
#if defined(Z_ARM_STACK_LIMITS)
	__asm__ volatile("sub sp, sp, #32\n\tadd sp, sp, #32" ::: "memory");
#elif defined(CONFIG_HW_STACK_PROTECTION)
	/* Into ip, which the caller need not save (any other register may cost it a push). */
	__asm__ volatile("ldr ip, [sp, #-32]" : : : "ip", "memory");
#endif
#ifdef CONFIG_USERSPACE
	void *user_tp = new->arch.user_tp; /* NULL: a supervisor thread */

	if (user_tp != NULL) {
		z_arm_user_tp = user_tp;
		/* Stored first: its registers are then free for the test (GCC needs no push). */
		__asm__ volatile("" ::: "memory");
		return z_arm_mpu_domain_is_loaded(new->userspace.domain);
	}
#ifdef CONFIG_ARMV8_M_MPU
	/* A supervisor thread may write what a user domain may only read. */
	return z_arm_mpu_ro_loaded == 0U;
#endif
#endif
	return true;
}

#ifdef CONFIG_USERSPACE
/*
 * @domain's image into the MPU (z_arm_mpu_domain_load() is this out of line),
 * four regions per store multiple (z_arm_mpu_regions4_store()). ARMv7-M:
 * each RBAR word names its region, and regions may overlap (the highest
 * wins), so old and new regions mixed half way are harmless. ARMv8-M: MPU_RNR
 * names the first of each four; overlapping regions fault even privileged
 * code, so the MPU is off while they change (privileged code keeps the
 * default map meanwhile), and the image knows its read-only regions.
 */
#ifdef CONFIG_ARMV8_M_MPU
BUILD_ASSERT(Z_ARM_MPU_REGION_DOMAIN % 4U == 0U && Z_ARM_MPU_DOMAIN_REGIONS % 4U == 0U,
	     "the domain's regions are stored four at a time, from a multiple of 4");
#else
BUILD_ASSERT(Z_ARM_MPU_DOMAIN_REGIONS == 4, "the domain's image is one store of four regions");
#endif

static ALWAYS_INLINE void z_arm_mpu_domain_load_inline(const struct k_mem_domain *domain)
{
#ifdef CONFIG_ARMV8_M_MPU
	MPU_CTRL = 0;
	__asm__ volatile("dsb" ::: "memory");
	for (unsigned int i = 0; i < Z_ARM_MPU_DOMAIN_REGIONS; i += 4U) {
		MPU_RNR = Z_ARM_MPU_REGION_DOMAIN + i;
		z_arm_mpu_regions4_store(&domain->arch.regs[i][0]);
	}
	z_arm_mpu_loaded_version = domain->arch.version;
	z_arm_mpu_ro_loaded = domain->arch.ro;
	MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
	z_arm_dsb_isb();
#else
	z_arm_mpu_regions4_store(&domain->arch.regs[0][0]);
	z_arm_mpu_loaded_version = domain->arch.version;
	__asm__ volatile("dsb" ::: "memory");
#endif
}
#endif

/*
 * The switch's load when arch_thread_switch_prepare() returned false (user
 * mode only): a user thread's domain image, inline when built for speed;
 * false otherwise, and for what ARMv8-M asks of a supervisor thread, turning
 * loaded read-only regions off (arch_thread_switch_load_call(), userspace.c).
 */
static ALWAYS_INLINE bool arch_thread_switch_load(struct k_thread *new)
{
#ifdef CONFIG_USERSPACE
	if (!IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS) ||
	    (IS_ENABLED(CONFIG_ARMV8_M_MPU) && new->arch.user_tp == NULL)) {
		return false;
	}
	z_arm_mpu_domain_load_inline(new->userspace.domain);
#else
	ARG_UNUSED(new);
#endif
	return true;
}

#endif /* BREEZE_ARM_ARCH_INLINES_H */
