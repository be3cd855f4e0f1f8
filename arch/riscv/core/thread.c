/*
 * New thread context: the first arch_switch() to the thread "returns" into
 * z_riscv_thread_start with entry and arguments in s0-s3.
 */
#include <stddef.h>
#include <arch_interface.h>
#include <kernel_structs.h>

BUILD_ASSERT(offsetof(struct k_thread, callee_saved) == Z_THREAD_CALLEE_SAVED_OFFSET);
BUILD_ASSERT(offsetof(struct k_thread, callee_saved.tp) == Z_THREAD_TP_OFFSET);
BUILD_ASSERT(sizeof(struct arch_esf) == ESF_SIZE);
BUILD_ASSERT(offsetof(struct arch_esf, tp) == ESF_TP);
BUILD_ASSERT(offsetof(struct arch_esf, mstatus) == ESF_MSTATUS);
BUILD_ASSERT(offsetof(struct arch_esf, ktp) == ESF_KTP);
BUILD_ASSERT(offsetof(struct arch_esf, a1) == ESF_A1);
BUILD_ASSERT(offsetof(struct arch_esf, mepc) == ESF_MEPC);
BUILD_ASSERT(offsetof(struct arch_esf, sp) == ESF_SP);
BUILD_ASSERT(offsetof(struct _cpu, nested) == Z_CPU_NESTED_OFFSET);

extern void z_riscv_thread_start(void);

void arch_new_thread(struct k_thread *thread, char *stack_top, void *tls, k_thread_entry_t entry,
		     void *p1, void *p2, void *p3)
{
	struct _callee_saved *cs = &thread->callee_saved;

	cs->ra = (unsigned long)z_riscv_thread_start;
	cs->sp = (unsigned long)stack_top;
	cs->tp = (unsigned long)tls;
	cs->s[0] = (unsigned long)entry;
	cs->s[1] = (unsigned long)p1;
	cs->s[2] = (unsigned long)p2;
	cs->s[3] = (unsigned long)p3;
}

#ifndef CONFIG_USERSPACE
/* Without user mode arch_thread_switch_prepare() never asks for more (pmp.c has the call). */
void arch_thread_switch_load_call(struct k_thread *new)
{
	ARG_UNUSED(new);
}
#endif
