/*
 * User mode on RISC-V (CONFIG_USERSPACE): the one-way drop to user mode and
 * the system call dispatcher.
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <ksched.h>
#include <syscall_handler.h>
#include <syscall_list.h>
#include <syscall_attempt.h>
#include <riscv_csr.h>
#include <riscv_irq.h>

extern void z_riscv_trap_return(void);
extern char __global_pointer$[];

#ifdef CONFIG_SPEED_OPTIMIZATIONS
/*
 * The kernel's gp, for the system call fast path (isr.S), which finds it in
 * the kernel TLS block it loads anyway: one load instead of building the
 * address. The copy in a user TLS block is never read.
 */
__thread uintptr_t z_riscv_kernel_gp = (uintptr_t)__global_pointer$;
#endif

FUNC_NORETURN void arch_user_mode_enter(struct k_thread *t,
					void (*fn)(void *, void *, void *, void *), void *a0,
					void *a1, void *a2, void *a3)
{
	struct arch_esf *esf = (struct arch_esf *)(t->userspace.priv_stack_top - ESF_SIZE);

	arch_thread_stack_encode(t);
	arch_mem_domain_thread_load(t);

	for (unsigned int i = 0; i < sizeof(*esf) / sizeof(unsigned long); i++) {
		((unsigned long *)esf)[i] = 0;
	}
	esf->mepc = (unsigned long)fn;
	esf->mstatus = MSTATUS_MPIE | MSTATUS_MPP_U;
	esf->a0 = (unsigned long)a0;
	esf->a1 = (unsigned long)a1;
	esf->a2 = (unsigned long)a2;
	esf->a3 = (unsigned long)a3;
	/* The user stack starts below its TLS block and canary word (kernel/tls.c). */
	esf->sp = (unsigned long)t->userspace.user_tls - ARCH_STACK_PTR_ALIGN;
	esf->tp = (unsigned long)t->userspace.user_tls;
	esf->gp = (unsigned long)__global_pointer$;
	/* Traps from user mode load it from here (isr.S): this thread's kernel TLS block. */
	esf->ktp = (unsigned long)__builtin_thread_pointer();

	__asm__ volatile("mv sp, %0\n\t"
			 "j z_riscv_trap_return"
			 :
			 : "r"(esf)
			 : "memory");
	CODE_UNREACHABLE;
}

/*
 * The slow path of an ecall from user mode (isr.S handles valid IDs itself):
 * a7 holds the call ID, a0-a5 the argument words.
 */
void z_riscv_syscall(struct arch_esf *esf)
{
	uintptr_t id = esf->a7;

	if (id == RV_ECALL_RUNTIME_EXCEPT) {
		/*
		 * k_oops()/k_panic() in user mode: the thread's own fatal error.
		 * User code cannot claim a kernel panic or a CPU exception: all
		 * it can raise is an oops, or a stack check failure.
		 */
		unsigned int reason = (unsigned int)esf->a0;

		z_fatal_error(reason == K_ERR_STACK_CHK_FAIL ? reason : K_ERR_KERNEL_OOPS, esf);
	}
	if (id >= K_SYSCALL_LIMIT) {
		printk("system call %lu does not exist\n", (unsigned long)id);
		z_fatal_error(K_ERR_KERNEL_OOPS, esf);
	}
	/* System calls are preemptible: interrupts stay on while they run. */
	uintptr_t a1 = esf->a1;

	esf->a1 = 0; /* the second result word, unless the call sets it */
	csr_set(mstatus, MSTATUS_MIE);
	uintptr_t ret = z_syscall_table[id](esf->a0, a1, esf->a2, esf->a3, esf->a4, esf->a5);

	csr_clear(mstatus, MSTATUS_MIE);
#ifdef ARCH_SYSCALL_ZEROES_VOID_RESULT
	if ((z_syscall_void_ids[id / 32U] & BIT(id % 32U)) != 0U) {
		ret = 0; /* a void handler's a0 is whatever it computed last */
	}
#endif
	esf->a0 = ret;
	esf->mepc += 4;
}

FUNC_NORETURN void z_syscall_oops(void)
{
	struct arch_esf *esf = arch_syscall_frame();

#ifdef CONFIG_SYSCALL_ATTEMPT
	z_syscall_attempt = 0U; /* an oops while attempting: ending the caller switches at once */
#endif
	esf->mcause = RV_EXC_ECALL_U; /* the fast path records only what it needs */
	esf->mtval = 0;
	esf->ra = 0;
	z_fatal_error(K_ERR_KERNEL_OOPS, esf);
	/*
	 * z_fatal_error() ends the current thread: it never comes back here.
	 * Said with a loop the image shows rather than to the compiler alone:
	 * scripts/syscall_exits.py then sees that nothing the report wrote
	 * reaches a handler's exit.
	 */
	for (;;) {
	}
}

bool arch_esf_is_user(const struct arch_esf *esf)
{
	return esf != NULL && (esf->mstatus & MSTATUS_MPP) == MSTATUS_MPP_U;
}
