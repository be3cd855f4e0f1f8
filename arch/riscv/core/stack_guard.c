/*
 * Stack overflows caught by the PMP stack guards (CONFIG_HW_STACK_PROTECTION):
 * the report, and who pays for it. A user thread that overflows its privileged
 * stack dies alone, like any other fault of its own; an overflow of a kernel
 * thread's stack or of the interrupt stack is a kernel fatal error.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <riscv_csr.h>
#include <riscv_irq.h>
#include <riscv_hart.h>

static uintptr_t thread_guard(const struct k_thread *t)
{
	return t->arch.stack_limit - ESF_SIZE - Z_STACK_GUARD_SIZE;
}

bool z_riscv_in_guard(const struct k_thread *t, uintptr_t addr)
{
	if (addr - (uintptr_t)Z_RISCV_ISR_STACK < Z_STACK_GUARD_SIZE) {
		return true;
	}
	return t->arch.stack_limit != 0U && addr - thread_guard(t) < Z_STACK_GUARD_SIZE;
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

FUNC_NORETURN void z_riscv_stack_overflow(struct arch_esf *esf)
{
	struct k_thread *t = _current;
	bool in_isr = _current_cpu->nested != 0U;
	bool user = !in_isr && is_user_thread(t);

	/* What runs from here runs on the emergency stack: no limit applies. */
	Z_RISCV_STACK_LIMIT = 0;
	esf->mcause = csr_read(mcause);
	esf->mtval = csr_read(mtval);
	printk("*** stack overflow: %s stack of thread '%s' (%p): sp 0x%08lx, pc 0x%08lx, "
	       "guard 0x%08lx\n",
	       in_isr ? "interrupt" : (user ? "privileged" : "kernel"),
	       IS_ENABLED(CONFIG_THREAD_NAME) ? k_thread_name_get(t) : "", (void *)t, esf->sp,
	       esf->mepc, in_isr ? (unsigned long)(uintptr_t)Z_RISCV_ISR_STACK : thread_guard(t));
#ifdef CONFIG_USERSPACE
	if (user) {
		/*
		 * Blame the trap from user mode that the privileged stack serves
		 * (a system call or an interrupt): its frame says where the
		 * thread was, the cause and address say what happened. The
		 * thread alone dies, as for any fault of its own.
		 */
		struct arch_esf *frame = arch_syscall_frame();

		frame->mcause = esf->mcause;
		frame->mtval = esf->mtval;
		z_fatal_error(K_ERR_STACK_CHK_FAIL, frame);
	}
#endif
	z_fatal_error(K_ERR_STACK_CHK_FAIL, esf);
	k_fatal_halt(K_ERR_STACK_CHK_FAIL);
}
