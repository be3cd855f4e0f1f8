/*
 * Trap dispatch: interrupts go to their handlers (on the interrupt stack) and
 * may end in a context switch; an ecall raising an error and every other
 * exception become a fatal error for the current thread.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <ksched.h>
#include <riscv_csr.h>
#include <riscv_irq.h>
#include <breeze/tracing.h>

static void run_isr(unsigned int irq)
{
	sys_port_trace_isr_enter(irq);
	if (_current_cpu->nested++ == 0U) {
		z_riscv_irq_on_isr_stack(irq);
	} else {
		z_riscv_irq_dispatch(irq);
	}
	_current_cpu->nested--;
	sys_port_trace_isr_exit(irq);
}

static void interrupt(unsigned int irq)
{
	run_isr(irq);
	/* Back on the interrupted thread's stack, which a switch may leave. */
	z_sched_isr_exit();
}

#ifdef CONFIG_HW_STACK_PROTECTION
/* A machine-mode access fault in the running stack's guard: an overflow. */
static bool hit_guard(const struct arch_esf *esf)
{
	bool access = esf->mcause == RV_EXC_LOAD_ACCESS || esf->mcause == RV_EXC_STORE_ACCESS;

	return access && (esf->mstatus & MSTATUS_MPP) == MSTATUS_MPP_M &&
	       z_riscv_in_guard(_current, esf->mtval);
}
#endif

void z_riscv_trap(struct arch_esf *esf)
{
	unsigned long mcause = csr_read(mcause);

	if ((mcause & MCAUSE_INTERRUPT) != 0U) {
		interrupt(mcause & MCAUSE_CODE_MASK);
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
#ifdef CONFIG_HW_STACK_PROTECTION
	if (hit_guard(esf)) {
		z_riscv_stack_overflow(esf);
	}
#endif
#ifdef CONFIG_IRQ_OFFLOAD
	if (mcause == RV_EXC_ECALL_M && esf->a7 == RV_ECALL_IRQ_OFFLOAD) {
		z_riscv_irq_offload_enter(esf);
		if ((esf->mstatus & MSTATUS_MPIE) != 0U) {
			interrupt(Z_RISCV_IRQ_OFFLOAD);
		} else {
			/*
			 * Offloaded with interrupts locked: no switch out of the
			 * caller's critical section (no real interrupt could come
			 * there); a thread the routine woke runs at the next
			 * scheduling point.
			 */
			run_isr(Z_RISCV_IRQ_OFFLOAD);
		}
		return;
	}
#endif
	unsigned int reason = K_ERR_CPU_EXCEPTION;

	if (mcause == RV_EXC_ECALL_M && esf->a7 == RV_ECALL_RUNTIME_EXCEPT) {
		/* ARCH_EXCEPT(): the reason is in a0. Report the ecall's own address. */
		reason = (unsigned int)esf->a0;
	} else if (mcause == RV_EXC_ECALL_M) {
		/*
		 * A system call's trap in supervisor mode: code built to run in
		 * user mode only (__ZEPHYR_USER__, <breeze/syscall.h>) run by a
		 * supervisor thread. It is no system call: a CPU exception, as an
		 * SVC from privileged code is on Cortex-M.
		 */
		printk("*** system call %lu trapped in machine mode\n", (unsigned long)esf->a7);
	}
	z_fatal_error(reason, esf);
	/* Only reached if the faulting thread could not be aborted. */
	k_fatal_halt(K_ERR_CPU_EXCEPTION);
}
