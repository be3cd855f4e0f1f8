/*
 * Stack overflows caught by the stack guard of ARMv7-M (CONFIG_HW_STACK_PROTECTION):
 * the running thread's kernel stack - a supervisor thread's stack, or a user
 * thread's privileged stack while the kernel works for it - ends in a guard
 * that MPU region 2 makes inaccessible to the kernel too. A push into it
 * faults (a MemManage fault on the access, or on the exception's own
 * stacking) before anything outside the stack is written.
 *
 * The report, and who pays for it, are those of the RISC-V port: a user
 * thread that overflowed its privileged stack dies alone, like any other
 * fault of its own; an overflowed kernel stack is a kernel fatal error.
 *
 * ARMv7-M cannot guard the interrupt stack this way: a fault taken on an
 * overflowed main stack could not push its own frame (the core locks up).
 * It is sized instead (CONFIG_ISR_STACK_SIZE); ARMv8-M bounds it with MSPLIM.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_irq.h>

/* The frame the core pushes may straddle the guard's top, or be the stack pointer below it. */
#define FRAME_SLACK 32U

static bool hit_guard(const struct k_thread *t, const struct arch_esf *esf)
{
	uintptr_t g = t->arch.guard;

	if (g == 0U || _current_cpu->nested != 0U) {
		return false;
	}
	/*
	 * Only privileged code runs on the guarded stack: a user thread's fault
	 * in user mode near it is a fault of its own (its user stack region
	 * ends where the reserved part begins), not an overflow.
	 */
	if ((esf->exc_return & EXC_RETURN_THREAD_BIT) != 0U && (esf->control & 1U) != 0U) {
		return false;
	}
	if ((esf->cfsr & CFSR_MMARVALID) != 0U && esf->mmfar - g < Z_STACK_GUARD_SIZE) {
		return true;
	}
	/* The fault came while pushing the exception's frame onto the thread's stack. */
	return (esf->cfsr & CFSR_MSTKERR) != 0U && (esf->exc_return & EXC_RETURN_PSP_BIT) != 0U &&
	       esf->sp - (g - FRAME_SLACK) < Z_STACK_GUARD_SIZE + 2U * FRAME_SLACK;
}

bool z_arm_stack_overflow(struct arch_esf *esf)
{
	struct k_thread *t = _current;

	if (esf->vector != Z_ARM_EXC_MEM_FAULT || !hit_guard(t, esf)) {
		return false;
	}
	bool user = false;
#ifdef CONFIG_USERSPACE
	user = (t->base.user_options & K_USER) != 0U;
#endif
	printk("*** stack overflow: %s stack of thread '%s' (%p): sp 0x%08x, pc 0x%08x, "
	       "guard 0x%08x\n",
	       user ? "privileged" : "kernel",
	       IS_ENABLED(CONFIG_THREAD_NAME) ? k_thread_name_get(t) : "", (void *)t,
	       (unsigned int)esf->sp, (unsigned int)esf->pc, (unsigned int)t->arch.guard);
#ifdef CONFIG_USERSPACE
	if (user) {
		/*
		 * Blame the system call the privileged stack serves: its frame
		 * on the user stack says where the thread was. The thread alone
		 * dies, as for any fault of its own.
		 */
		const uint32_t *frame = (const uint32_t *)t->callee_saved.user_sp;
		const uint32_t *regs = &esf->r4;
		struct arch_esf user_esf;

		z_arm_esf_collect(&user_esf, frame, regs, esf->exc_return);
		user_esf.cfsr = esf->cfsr;
		user_esf.mmfar = esf->mmfar;
		user_esf.control = 3U;
		z_fatal_error(K_ERR_STACK_CHK_FAIL, &user_esf);
		return true;
	}
#endif
	z_fatal_error(K_ERR_STACK_CHK_FAIL, esf);
	k_fatal_halt(K_ERR_STACK_CHK_FAIL);
}
