/*
 * Stack limits on ARMv8-M (CONFIG_HW_STACK_PROTECTION). The core refuses to
 * move a stack pointer below its limit register (PSPLIM for threads, MSPLIM
 * for the main stack): the instruction that would, or the exception entry
 * that would stack a frame there, raises a UsageFault (CFSR.STKOF) instead.
 * No guard bytes are needed, and no frame is large enough to step over the
 * limit, unlike a guard region.
 *
 * The limits:
 * - a supervisor thread's PSPLIM is the lowest byte of its stack (for a
 *   thread stack object: of its privileged stack, the lowest part it may use);
 * - a user thread has two: its user stack's bottom while it runs in user
 *   mode, its privileged stack's bottom while a system call runs; the system
 *   call entry and exit (switch.S) switch PSPLIM with PSP;
 * - MSPLIM is the bottom of the interrupt stack (set at reset). The fault
 *   entry lowers it by Z_ARM_EXC_RESERVE bytes, so that an overflow of the
 *   main stack itself can still be reported, and this file puts it back when
 *   the fault returns. HardFault ignores the limits (CCR.STKOFHFNMIGN), so
 *   a fault escalated there still stacks its frame.
 *
 * A thread's own stack gets no such reserve: the frame of the fault is
 * stacked against the same limit, so when the overflow left less than a
 * frame above the limit, the core does not write it and sets the stack
 * pointer to the limit (the report then has no pc). The handler runs on the
 * main stack either way.
 *
 * Who pays, as for the PMP guards on RISC-V: a user thread that overflows its
 * user stack or, in a system call, its privileged stack dies alone; an
 * overflow of a kernel thread's stack or of the interrupt stack is a kernel
 * fatal error. Each is reported as a stack overflow (K_ERR_STACK_CHK_FAIL).
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_irq.h>
#include <arm_stack_limit.h>

extern char z_interrupt_stack[];

void arch_stack_guard_set(struct k_thread *t, uintptr_t guard)
{
	/* No guard bytes (Z_STACK_GUARD_SIZE is 0): the limit is where the guard would start. */
	t->arch.priv_stack_limit = guard + Z_STACK_GUARD_SIZE;
}

static uint32_t psplim_get(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, psplim" : "=r"(v));
	return v;
}

/* Every fault, from the entry that lowered MSPLIM to the reserve (switch.S). */
void z_arm_fault_on_reserve(uint32_t *frame, const uint32_t *regs, uint32_t exc_return)
{
	z_arm_fault(frame, regs, exc_return);
	/* Back to the thread, or to the interrupted handler: the main stack is above its limit. */
	__asm__ volatile("msr msplim, %0" ::"r"(z_interrupt_stack) : "memory");
}

/* The limit of the stack a fault's frame went to (as it was before the fault entry). */
static uint32_t stack_limit(uint32_t exc_return)
{
	return (exc_return & EXC_RETURN_PSP_BIT) != 0U ? psplim_get() : (uint32_t)z_interrupt_stack;
}

bool z_arm_stack_frame_lost(const uint32_t *frame, uint32_t exc_return)
{
	/* A refused frame leaves the stack pointer at the limit, with nothing written there. */
	return (uint32_t)frame == stack_limit(exc_return);
}

static bool is_user_thread(const struct k_thread *t)
{
#ifdef CONFIG_USERSPACE
	return (t->base.user_options & K_USER) != 0U;
#else
	ARG_UNUSED(t);
	return false;
#endif
}

/* The thread's own fatal error; if it could not be ended, the system halts (as fault.c). */
static void thread_fatal(const struct arch_esf *esf)
{
	z_fatal_error(K_ERR_STACK_CHK_FAIL, esf);
	if (z_arm_switch_pend.new_thread == NULL) {
		k_fatal_halt(K_ERR_STACK_CHK_FAIL);
	}
}

bool z_arm_stack_overflow(struct arch_esf *esf)
{
	if ((esf->cfsr & CFSR_STKOF) == 0U) {
		return false;
	}
	struct k_thread *t = _current;
	bool on_msp = (esf->exc_return & EXC_RETURN_PSP_BIT) == 0U;
	bool user_mode = !on_msp && (esf->control & 1U) != 0U;
	bool user = !on_msp && is_user_thread(t);
	const char *which = on_msp      ? "interrupt"
			    : user_mode ? "user"
			    : user      ? "privileged"
					: "kernel";

	printk("*** stack overflow: %s stack of thread '%s' (%p): sp 0x%08x, limit 0x%08x%s\n",
	       which, IS_ENABLED(CONFIG_THREAD_NAME) ? k_thread_name_get(t) : "", (void *)t,
	       (unsigned int)esf->sp, (unsigned int)stack_limit(esf->exc_return),
	       esf->pc == 0U ? " (no frame stacked: pc unknown)" : "");
	if (user_mode) {
		thread_fatal(esf); /* a fault of its own in user mode: it dies alone */
		return true;
	}
#ifdef CONFIG_USERSPACE
	if (user && t->callee_saved.user_sp != 0U) {
		/*
		 * Blame the system call the privileged stack served: its frame on
		 * the user stack says where the thread was, and that it ran in
		 * user mode, so the thread alone dies.
		 */
		uint32_t regs[8] = { 0 };
		struct arch_esf blame;

		z_arm_esf_collect(&blame, (uint32_t *)t->callee_saved.user_sp, regs, 0xfffffffdU);
		blame.control = 3U;
		blame.vector = esf->vector;
		blame.cfsr = esf->cfsr;
		blame.hfsr = esf->hfsr;
		thread_fatal(&blame);
		return true;
	}
#endif
	z_fatal_error(K_ERR_STACK_CHK_FAIL, esf);
	k_fatal_halt(K_ERR_STACK_CHK_FAIL);
}
