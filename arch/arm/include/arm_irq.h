/*
 * Interrupt and exception entry points inside the Cortex-M port.
 */
#ifndef BREEZE_ARM_IRQ_H
#define BREEZE_ARM_IRQ_H

#include <stdbool.h>
#include <stdint.h>

/* The table slot of SysTick, after the NVIC's lines (IRQ_CONNECT it there). */
#define Z_ARM_IRQ_SYSTICK CONFIG_NUM_IRQS

struct arch_esf;

/* From z_arm_isr_wrapper: the handler of the interrupt in IPSR, then the scheduler. */
void z_arm_irq_dispatch(void);

/*
 * From the fault and SVC entries: @frame is the basic frame the core pushed,
 * @regs r4-r11 as they were, @exc_return the exception's EXC_RETURN.
 */
void z_arm_fault(uint32_t *frame, const uint32_t *regs, uint32_t exc_return);
void z_arm_svc_c(uint32_t *frame, const uint32_t *regs, uint32_t exc_return);

/* Fill @esf from an exception's context (as above). */
void z_arm_esf_collect(struct arch_esf *esf, const uint32_t *frame, const uint32_t *regs,
		       uint32_t exc_return);

/* The switch recorded in Handler mode, performed at the exception's exit (switch.S). */
struct z_arm_switch_pend {
	struct k_thread *new_thread;
	struct k_thread *old_thread;
};
extern struct z_arm_switch_pend z_arm_switch_pend;

#ifdef CONFIG_USERSPACE
/* Leave the SVC exception of a nonblocking system call whose caller was ended (switch.S). */
FUNC_NORETURN void z_arm_svc_nonblocking_abandon(void);
#endif

#ifdef CONFIG_HW_STACK_PROTECTION
/* A fault in the running thread's stack guard: reported and dealt with (true), or not one. */
bool z_arm_stack_overflow(struct arch_esf *esf);
#endif

#ifdef CONFIG_IRQ_OFFLOAD
/* irq_offload()'s SVC: run the routine in @esf (r0, r1) as an interrupt would. */
void z_arm_irq_offload(const struct arch_esf *esf);
#endif

#endif /* BREEZE_ARM_IRQ_H */
