/*
 * irq_offload() on Cortex-M: an SVC of its own number. The SVC handler runs
 * the routine as an interrupt (nesting count raised, so k_is_in_isr() holds)
 * and consults the scheduler on the way out, unless the caller had
 * interrupts locked: then a thread the routine woke runs at the next
 * scheduling point, as no real interrupt could have come there.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <ksched.h>
#include <arm_irq.h>
#include <breeze/irq_offload.h>
#include <breeze/kernel.h>

/* Zephyr's tests give this back after an offload; Breeze never takes it (see RISC-V). */
K_SEM_DEFINE(offload_sem, 1, 1);

void irq_offload(irq_offload_routine_t routine, const void *parameter)
{
	/* From user mode the same SVC is a system call with a stray ID: an oops. */
	register irq_offload_routine_t r0 __asm__("r0") = routine;
	register const void *r1 __asm__("r1") = parameter;

	__asm__ volatile("svc %[n]"
			 :
			 : [n] "i"(Z_ARM_SVC_IRQ_OFFLOAD), "r"(r0), "r"(r1)
			 : "memory");
}

void z_arm_irq_offload(const struct arch_esf *esf)
{
	irq_offload_routine_t routine = (irq_offload_routine_t)esf->r0;
	unsigned int basepri;

	__asm__ volatile("mrs %0, basepri" : "=r"(basepri));
	_current_cpu->nested++;
	routine((const void *)esf->r1);
	_current_cpu->nested--;
	if (basepri == 0U && (esf->exc_return & EXC_RETURN_THREAD_BIT) != 0U) {
		z_sched_isr_exit();
	}
}
