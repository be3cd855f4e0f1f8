/*
 * New thread context: a basic exception frame at the top of its stack, so
 * that the first switch to it "returns" into z_thread_entry(entry, p1, p2, p3)
 * in privileged Thread mode with interrupts unmasked.
 */
#include <stddef.h>
#include <string.h>
#include <arch_interface.h>
#include <arm_mpu.h>

BUILD_ASSERT(offsetof(struct k_thread, callee_saved) == Z_THREAD_CALLEE_SAVED_OFFSET);
BUILD_ASSERT(offsetof(struct _callee_saved, r4) == Z_CS_R4);
BUILD_ASSERT(offsetof(struct _callee_saved, psp) == Z_CS_PSP);
BUILD_ASSERT(offsetof(struct _callee_saved, basepri) == Z_CS_BASEPRI);
BUILD_ASSERT(offsetof(struct _callee_saved, control) == Z_CS_CONTROL);
BUILD_ASSERT(offsetof(struct _callee_saved, psplim) == Z_CS_PSPLIM);
BUILD_ASSERT(offsetof(struct _callee_saved, priv_stack_top) == Z_CS_PRIV);
BUILD_ASSERT(offsetof(struct _callee_saved, user_sp) == Z_CS_USER_SP);
BUILD_ASSERT(offsetof(struct _callee_saved, stack_region) == Z_CS_REGION2);
BUILD_ASSERT(offsetof(struct _callee_saved, guard_region) == Z_CS_REGION2 + 8);
BUILD_ASSERT(offsetof(struct _callee_saved, priv_stack_limit) == Z_CS_PRIV_LIMIT);
BUILD_ASSERT(offsetof(struct _callee_saved, user_stack_limit) == Z_CS_USER_LIMIT);
BUILD_ASSERT(offsetof(struct _callee_saved, tls) == Z_CS_TLS);
/* The assembly code finds _current as the first word of _kernel. */
BUILD_ASSERT(offsetof(struct z_kernel, cpus[0].current) == 0);
BUILD_ASSERT(sizeof(struct arch_esf) == ESF_SIZE);
BUILD_ASSERT(offsetof(struct arch_esf, lr) == ESF_LR);
BUILD_ASSERT(offsetof(struct arch_esf, pc) == ESF_PC);
BUILD_ASSERT(offsetof(struct arch_esf, xpsr) == ESF_XPSR);
BUILD_ASSERT(offsetof(struct arch_esf, r4) == ESF_R4);
BUILD_ASSERT(offsetof(struct arch_esf, sp) == ESF_SP);

/* The basic frame the core pushes on exception entry and pops on return. */
struct basic_frame {
	uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr;
};

void arch_new_thread(struct k_thread *thread, char *stack_top, void *tls, k_thread_entry_t entry,
		     void *p1, void *p2, void *p3)
{
	struct basic_frame *f =
	    (struct basic_frame *)ROUND_DOWN((uintptr_t)stack_top - sizeof(*f), 8);
	struct _callee_saved *cs = &thread->callee_saved;

	f->r0 = (uint32_t)entry;
	f->r1 = (uint32_t)p1;
	f->r2 = (uint32_t)p2;
	f->r3 = (uint32_t)p3;
	f->r12 = 0;
	f->lr = 0; /* z_thread_entry() never returns */
	f->pc = (uint32_t)z_thread_entry & ~1U;
	f->xpsr = Z_ARM_XPSR_T;
	uint32_t guard[2] = { cs->guard_region[0], cs->guard_region[1] };

	memset(cs, 0, sizeof(*cs));
	cs->psp = (uint32_t)f;
	/* Its stack's limit (arch_stack_guard_set(), ARMv8-M; 0, no limit, otherwise). */
	cs->psplim = thread->arch.priv_stack_limit;
	cs->priv_stack_limit = thread->arch.priv_stack_limit;
	thread->callee_saved.tls = tls;
	/*
	 * MPU region 2 off until arch_user_mode_enter() encodes a user stack or
	 * arch_stack_guard_set() (which ran before this) a guard.
	 */
	cs->stack_region[0] = Z_ARM_MPU_RBAR_VALID | Z_ARM_MPU_REGION_STACK;
	cs->guard_region[0] = guard[1] != 0U ? guard[0] : cs->stack_region[0];
	cs->guard_region[1] = guard[1];
}

#ifndef CONFIG_USERSPACE
/* Without user mode arch_thread_switch_prepare() never asks for more (userspace.c has the call). */
void arch_thread_switch_load_call(struct k_thread *new)
{
	ARG_UNUSED(new);
}
#endif
