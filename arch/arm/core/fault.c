/*
 * Faults and the SVCs served in C (ARCH_EXCEPT(), a bad system call, the
 * irq_offload() trap). Every fault becomes a fatal error of the running
 * thread, or of the system if it struck in an interrupt handler; the report
 * decodes the fault status registers.
 *
 * The fatal error ends the thread from Handler mode: the switch away from it
 * happens as this exception returns (switch.S), so z_fatal_error() returns
 * here first.
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_irq.h>
#ifdef Z_ARM_STACK_LIMITS
#include <arm_stack_limit.h>
#endif

#define HFSR_FORCED (1U << 30)

/* The basic frame is unreadable when pushing it faulted (or popping it). */
#define CFSR_FRAME_LOST (CFSR_MSTKERR | CFSR_MUNSTKERR | (1U << 12) | (1U << 11))
/* The exception entry could not push its frame (MemManage, BusFault, ARMv8-M stack limit). */
#define CFSR_STACKING   (CFSR_MSTKERR | (1U << 12) | CFSR_STKOF)

void z_arm_esf_collect(struct arch_esf *esf, const uint32_t *frame, const uint32_t *regs,
		       uint32_t exc_return)
{
	memset(esf, 0, sizeof(*esf));
	esf->cfsr = SCB_CFSR;
	esf->hfsr = SCB_HFSR;
	esf->mmfar = SCB_MMFAR;
	esf->bfar = SCB_BFAR;
	esf->vector = z_arm_ipsr();
	esf->exc_return = exc_return;
	esf->control = z_arm_control();
	bool lost = (esf->cfsr & CFSR_FRAME_LOST) != 0U;
#ifdef Z_ARM_STACK_LIMITS
	lost =
	    lost || ((esf->cfsr & CFSR_STKOF) != 0U && z_arm_stack_frame_lost(frame, exc_return));
#endif
	if (!lost) {
		memcpy(esf, frame, 8 * sizeof(uint32_t));
		/* A frame pushed with a padding word says so in xPSR bit 9. */
		esf->sp = (uint32_t)frame + 32U + ((esf->xpsr & (1U << 9)) != 0U ? 4U : 0U);
	} else {
		esf->sp = (uint32_t)frame;
	}
	memcpy(&esf->r4, regs, 8 * sizeof(uint32_t));
}

/* The run ends in fatal_error(); if the thread could not be ended, the system halts. */
static void fatal_error(unsigned int reason, const struct arch_esf *esf)
{
	z_fatal_error(reason, esf);
	if (z_arm_switch_pend.new_thread == NULL) {
		k_fatal_halt(reason);
	}
}

#ifdef CONFIG_USERSPACE
/* An SVC from user mode that the fast path did not take: k_oops(), or an unknown ID. */
static void user_svc(const struct arch_esf *esf)
{
	uint32_t id = esf->r12;

	if (id == Z_ARM_SYSCALL_EXCEPT) {
		/*
		 * k_oops()/k_panic() in user mode: the thread's own fatal error.
		 * User code cannot claim a kernel panic or a CPU exception: all
		 * it can raise is an oops, or a stack check failure.
		 */
		fatal_error(esf->r0 == K_ERR_STACK_CHK_FAIL ? K_ERR_STACK_CHK_FAIL
							    : K_ERR_KERNEL_OOPS,
			    esf);
		return;
	}
	printk("system call %u does not exist\n", (unsigned int)id);
	fatal_error(K_ERR_KERNEL_OOPS, esf);
}
#endif

static void kernel_svc(const struct arch_esf *esf, uint8_t number)
{
	switch (number) {
	case Z_ARM_SVC_EXCEPT:
		fatal_error((unsigned int)esf->r0, esf);
		return;
#ifdef CONFIG_IRQ_OFFLOAD
	case Z_ARM_SVC_IRQ_OFFLOAD:
		z_arm_irq_offload(esf);
		return;
#endif
	default:
		printk("*** SVC %u from privileged code\n", number);
		fatal_error(K_ERR_CPU_EXCEPTION, esf);
		return;
	}
}

static void svc(const struct arch_esf *esf)
{
#ifdef CONFIG_USERSPACE
	if (arch_esf_is_user(esf)) {
		user_svc(esf);
		return;
	}
#endif
	kernel_svc(esf, ((const uint8_t *)esf->pc)[-2]);
}

void z_arm_svc_c(uint32_t *frame, const uint32_t *regs, uint32_t exc_return)
{
	struct arch_esf esf;

	z_arm_esf_collect(&esf, frame, regs, exc_return);
	svc(&esf);
}

/* An SVC where SVC cannot be taken (an SVC handler, irq_offload()'s routine) escalates. */
static bool escalated_svc(const struct arch_esf *esf)
{
	return esf->vector == Z_ARM_EXC_HARD_FAULT && (esf->hfsr & HFSR_FORCED) != 0U &&
	       esf->cfsr == 0U && (((const uint16_t *)esf->pc)[-1] & 0xff00U) == 0xdf00U;
}

void z_arm_fault(uint32_t *frame, const uint32_t *regs, uint32_t exc_return)
{
	struct arch_esf esf;

	z_arm_esf_collect(&esf, frame, regs, exc_return);
	SCB_CFSR = esf.cfsr; /* write-one-to-clear: the next fault reports afresh */
	SCB_HFSR = esf.hfsr;
	if ((esf.cfsr & CFSR_STACKING) != 0U) {
		/*
		 * The entry of another exception (a fault, an SVC) failed to push
		 * its frame: that exception stays pending behind this one, with no
		 * frame of its own and its status bits consumed above. It is this
		 * same event, dealt with here: taken later, it would run on
		 * whatever context came next.
		 */
		SCB_SHCSR &= ~(SCB_SHCSR_USGFAULTPENDED | SCB_SHCSR_MEMFAULTPENDED |
			       SCB_SHCSR_BUSFAULTPENDED | SCB_SHCSR_SVCALLPENDED);
	}
	if (escalated_svc(&esf)) {
		svc(&esf);
		return;
	}
#ifdef CONFIG_HW_STACK_PROTECTION
	if (z_arm_stack_overflow(&esf)) {
		return;
	}
#endif
	fatal_error(K_ERR_CPU_EXCEPTION, &esf);
}

static const char *exception_str(uint32_t vector)
{
	static const char *const names[] = {
		[Z_ARM_EXC_NMI] = "NMI",
		[Z_ARM_EXC_HARD_FAULT] = "HardFault",
		[Z_ARM_EXC_MEM_FAULT] = "MemManage fault",
		[Z_ARM_EXC_BUS_FAULT] = "BusFault",
		[Z_ARM_EXC_USAGE] = "UsageFault",
		[7] = "SecureFault",
		[Z_ARM_EXC_SVC] = "SVC",
		[12] = "DebugMonitor",
		[14] = "PendSV",
	};

	return vector < ARRAY_SIZE(names) && names[vector] != NULL ? names[vector] : "exception";
}

/* What the configurable fault status says, most telling bit first. */
static const char *cfsr_str(uint32_t cfsr)
{
	static const struct {
		uint32_t bit;
		const char *what;
	} causes[] = {
		{ CFSR_STKOF, "stack limit overrun" },
		{ CFSR_MSTKERR, "MPU fault while stacking" },
		{ CFSR_MUNSTKERR, "MPU fault while unstacking" },
		{ CFSR_DACCVIOL, "data access violation" },
		{ CFSR_IACCVIOL, "instruction fetch violation" },
		{ 1U << 12, "bus fault while stacking" },
		{ 1U << 11, "bus fault while unstacking" },
		{ 1U << 9, "precise data bus error" },
		{ 1U << 10, "imprecise data bus error" },
		{ 1U << 8, "instruction bus error" },
		{ 1U << 16, "undefined instruction" },
		{ 1U << 17, "invalid state" },
		{ 1U << 18, "invalid exception return" },
		{ 1U << 19, "no coprocessor" },
		{ 1U << 24, "unaligned access" },
		{ 1U << 25, "divide by zero" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(causes); i++) {
		if ((cfsr & causes[i].bit) != 0U) {
			return causes[i].what;
		}
	}
	return "no fault status";
}

void arch_fatal_report(const struct arch_esf *esf)
{
	printk("***   %s (exception %u), CFSR 0x%08x (%s), HFSR 0x%08x\n",
	       exception_str(esf->vector), (unsigned int)esf->vector, (unsigned int)esf->cfsr,
	       cfsr_str(esf->cfsr), (unsigned int)esf->hfsr);
	if ((esf->cfsr & CFSR_MMARVALID) != 0U) {
		printk("***   MMFAR 0x%08x (faulting data address)\n", (unsigned int)esf->mmfar);
	}
	if ((esf->cfsr & CFSR_BFARVALID) != 0U) {
		printk("***   BFAR 0x%08x (faulting bus address)\n", (unsigned int)esf->bfar);
	}
	printk("***   pc 0x%08x, lr 0x%08x, sp 0x%08x, xpsr 0x%08x, %s\n", (unsigned int)esf->pc,
	       (unsigned int)esf->lr, (unsigned int)esf->sp, (unsigned int)esf->xpsr,
	       (esf->exc_return & EXC_RETURN_THREAD_BIT) == 0U ? "Handler mode"
	       : (esf->control & 1U) != 0U                     ? "Thread mode, unprivileged"
							       : "Thread mode, privileged");
}
