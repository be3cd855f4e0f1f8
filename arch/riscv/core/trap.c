/*
 * Trap dispatch: interrupts go to their handlers and may end in a context
 * switch; an ecall raising an error and every other exception become a fatal
 * error for the current thread.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <ksched.h>
#include <riscv_csr.h>
#include <riscv_irq.h>

void z_riscv_trap(struct arch_esf *esf)
{
	unsigned long mcause = csr_read(mcause);

	if ((mcause & MCAUSE_INTERRUPT) != 0U) {
		_current_cpu->nested++;
		z_riscv_irq_dispatch(mcause & MCAUSE_CODE_MASK);
		_current_cpu->nested--;
		z_sched_isr_exit();
		return;
	}

	esf->mcause = mcause;
	esf->mtval = csr_read(mtval);
#ifdef CONFIG_USERSPACE
	if (mcause == RV_EXC_ECALL_U) {
		z_riscv_syscall(esf);
		return;
	}
#endif
	if (mcause == RV_EXC_ECALL_M) {
		/* ARCH_EXCEPT(): the reason is in a0. Report the ecall's own address. */
		z_fatal_error((unsigned int)esf->a0, esf);
	} else {
		z_fatal_error(K_ERR_CPU_EXCEPTION, esf);
	}
	/* Only reached if the faulting thread could not be aborted. */
	k_fatal_halt(K_ERR_CPU_EXCEPTION);
}
