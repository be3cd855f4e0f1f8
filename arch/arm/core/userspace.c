/*
 * User mode on Cortex-M (CONFIG_USERSPACE): the one-way drop to user mode and
 * the fatal error of a system call. The system call trap itself is in
 * switch.S: an SVC from unprivileged Thread mode.
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_irq.h>
#include <arm_mpu.h>
#include <syscall_attempt.h>

#ifdef Z_ARM_STACK_LIMITS
/* ARMv8-M: the user stack's limit takes effect with the user stack itself. */
#define SET_PSPLIM "msr psplim, %[lim]\n\t"
#else
#define SET_PSPLIM ""
#endif

void z_arm_mpu_domain_load(const struct k_mem_domain *domain)
{
	z_arm_mpu_domain_load_inline(domain);
}

void arch_mem_domain_thread_load(struct k_thread *t)
{
	if (!z_arm_mpu_domain_is_loaded(t->userspace.domain)) {
		z_arm_mpu_domain_load(t->userspace.domain);
	}
}

/*
 * The switch's call when arch_thread_switch_load() did not load inline
 * (arch_inlines.h): on ARMv8-M, a supervisor thread while read-only domain
 * regions are in; built for size, a user thread's domain image.
 */
void arch_thread_switch_load_call(struct k_thread *new)
{
#ifdef CONFIG_ARMV8_M_MPU
	if (new->arch.user_tp == NULL) {
		z_arm_mpu_ro_unload();
		return;
	}
#endif
	z_arm_mpu_domain_load(new->userspace.domain);
}

FUNC_NORETURN void arch_user_mode_enter(struct k_thread *t,
					void (*fn)(void *, void *, void *, void *), void *a0,
					void *a1, void *a2, void *a3)
{
	/* The user stack starts below its TLS block and canary word (kernel/tls.c). */
	uint32_t sp = (uint32_t)t->userspace.user_tls - ARCH_STACK_PTR_ALIGN;

	(void)arch_irq_lock();
	arch_thread_stack_encode(t);
	t->callee_saved.priv_stack_top = t->userspace.priv_stack_top;
#ifdef Z_ARM_STACK_LIMITS
	/* From here on the thread's stack pointer stays inside its user stack. */
	t->arch.user_stack_limit = t->userspace.user_stack_start;
	t->callee_saved.user_stack_limit = t->arch.user_stack_limit;
#endif
	t->arch.user_tp = t->userspace.user_tls;
	z_arm_user_tp = t->arch.user_tp;
	arch_mem_domain_thread_load(t);
	z_arm_mpu_region2_load(t->callee_saved.stack_region);

	register uint32_t r0 __asm__("r0") = (uint32_t)a0;
	register uint32_t r1 __asm__("r1") = (uint32_t)a1;
	register uint32_t r2 __asm__("r2") = (uint32_t)a2;
	register uint32_t r3 __asm__("r3") = (uint32_t)a3;

	/*
	 * On the user stack, interrupts unmasked, privilege dropped, then into
	 * fn: the last instructions run unprivileged, from the shared code.
	 */
	__asm__ volatile("mov sp, %[sp]\n\t" SET_PSPLIM "mov lr, #0\n\t"
			 "msr basepri, %[zero]\n\t"
			 "msr control, %[ctl]\n\t"
			 "isb\n\t"
			 "bx %[fn]"
			 :
			 : [sp] "r"(sp), [fn] "r"(fn), [ctl] "r"(3U), [zero] "r"(0U),
			   [lim] "r"(t->arch.user_stack_limit), "r"(r0), "r"(r1), "r"(r2), "r"(r3)
			 /* lr is zeroed before the inputs are all used: none may be in it */
			 : "lr", "memory");
	CODE_UNREACHABLE;
}

uint32_t *z_arm_syscall_frame(void)
{
	/*
	 * Served in the SVC exception, the call's frame is where PSP still
	 * points; in privileged Thread mode, where svc_thread noted it.
	 */
	return z_arm_ipsr() == Z_ARM_EXC_SVC ? (uint32_t *)z_arm_psp()
					     : (uint32_t *)_current->callee_saved.user_sp;
}

/*
 * A system call's verifier found the caller at fault: the thread's fatal
 * error, reported from the frame of its SVC.
 */
FUNC_NORETURN void z_syscall_oops(void)
{
	const uint32_t *frame = z_arm_syscall_frame();
	uint32_t regs[8] = { 0 };
	struct arch_esf esf;

#ifdef CONFIG_SYSCALL_ATTEMPT
	z_syscall_attempt = 0U; /* ending the caller switches away at once */
#endif

	z_arm_esf_collect(&esf, frame, regs, 0xfffffffdU);
	esf.control = 3U; /* the caller ran unprivileged */
	esf.vector = Z_ARM_EXC_SVC;
	z_fatal_error(K_ERR_KERNEL_OOPS, &esf);
	/*
	 * Still here: the call was a nonblocking one, served in the SVC
	 * exception, where ending the caller only records the switch away.
	 */
	__ASSERT(z_arm_ipsr() == Z_ARM_EXC_SVC, "oops returned in Thread mode");
	z_arm_svc_nonblocking_abandon();
}

bool arch_esf_is_user(const struct arch_esf *esf)
{
	return esf != NULL && (esf->exc_return & EXC_RETURN_THREAD_BIT) != 0U &&
	       (esf->control & 1U) != 0U;
}
