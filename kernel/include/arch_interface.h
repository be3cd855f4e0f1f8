/*
 * Everything an architecture port provides to the kernel. The kernel includes
 * no arch header but this one (and the public <breeze/arch/cpu.h>).
 */
#ifndef BREEZE_ARCH_INTERFACE_H
#define BREEZE_ARCH_INTERFACE_H

#include <breeze/kernel.h>

struct _cpu;

/*
 * Prepare @thread so that the first switch to it runs entry(p1, p2, p3) through
 * z_thread_entry() on a stack whose initial top is @stack_top, with @tls as its
 * thread-local storage pointer. Interrupts are enabled when the entry runs.
 */
void arch_new_thread(struct k_thread *thread, char *stack_top, void *tls, k_thread_entry_t entry,
		     void *p1, void *p2, void *p3);

/*
 * Save the running context into @old and resume @new where it last switched
 * out (or at its entry). Called with interrupts masked; returns when @old is
 * switched back in.
 *
 * A port whose exceptions run in a context of their own (Cortex-M Handler
 * mode) may instead record a switch asked for in exception context and
 * perform it as the exception returns to a thread: arch_switch() then
 * returns at once, and the caller (the end of an interrupt, a fatal error
 * ending the running thread) must simply return.
 */
void arch_switch(struct k_thread *new, struct k_thread *old);

/* Wait for an interrupt; called by the idle thread with interrupts enabled. */
void arch_cpu_idle(void);

/* Per-boot setup of the CPU (trap vector, interrupt controller state). */
void arch_kernel_init(void);

/* Enable, disable and query one interrupt line; build the table from IRQ_CONNECT. */
void arch_irq_enable(unsigned int irq);
void arch_irq_disable(unsigned int irq);
bool arch_irq_is_enabled(unsigned int irq);
void arch_irq_table_init(void);

#ifdef CONFIG_SMP
/* How many CPUs the machine has (they need not all be started). */
unsigned int arch_smp_cpus_present(void);

/*
 * Start CPU @cpu (1 ..): it runs fn(arg) on its own interrupt stack, with a
 * thread pointer of its own, interrupts masked, its trap vector installed.
 */
void arch_smp_cpu_start(unsigned int cpu, void (*fn)(void *arg), void *arg);

/* Per-CPU setup on a CPU other than 0, from its fn: memory protection, IPIs on. */
void arch_smp_cpu_init(void);

/* Interrupt CPU @cpu; its handler calls z_smp_ipi_serve(), then reschedules. */
void arch_sched_ipi_send(unsigned int cpu);

/* Withdraw the interrupt CPU @cpu was sent (the caller is that CPU, interrupts masked). */
void arch_sched_ipi_clear(unsigned int cpu);

/* Kernel entry points of the SMP port: an IPI's requests; a new thread's first step. */
void z_smp_ipi_serve(void);
void z_smp_thread_start_unlock(void);
#endif

/* Print the architecture's part of a fatal error report (registers, cause). */
void arch_fatal_report(const struct arch_esf *esf);

/* Stop this CPU forever (after the board could not power off). */
FUNC_NORETURN void arch_cpu_halt(void);

#ifdef CONFIG_USERSPACE
/* Switch the running thread to user mode for good: fn(a0, a1, a2, a3) on its user stack. */
FUNC_NORETURN void arch_user_mode_enter(struct k_thread *t,
					void (*fn)(void *, void *, void *, void *), void *a0,
					void *a1, void *a2, void *a3);

/*
 * Compute @domain's MPU/PMP image from its partitions: 0, or -ENOSPC if it does
 * not fit. @domain is the kernel's scratch copy: a refusal may leave its image
 * half-written.
 */
int arch_mem_domain_encode(struct k_mem_domain *domain);

/* Compute the MPU/PMP entries of @t's own stack region. */
void arch_thread_stack_encode(struct k_thread *t);

/* Load the protection of @t (its stack and its domain's image) into the hardware. */
void arch_mem_domain_thread_load(struct k_thread *t);

/* Readable bytes from @addr to the end of the caller's region holding it (0: none). */
size_t arch_user_readable_len(const void *addr);

/*
 * Whether the kernel may read, for a system call, user memory that is
 * executable for user mode with permissions @perm (Z_MEM_*); inline, in
 * <arch_inlines.h>. (kernel/user_regions.c does the rest of the checks.)
 */

/* True if @esf was saved on a trap from user mode. */
bool arch_esf_is_user(const struct arch_esf *esf);
#endif

#ifdef CONFIG_STACK_CANARIES
/*
 * The kernel's stack canary, once, at boot: a port whose compiler reads the
 * canary from a global rather than from the TLS block (Cortex-M) publishes it
 * there; inline, in <arch_inlines.h>.
 */
#endif

#ifdef CONFIG_HW_STACK_PROTECTION
/*
 * @t's stack guard starts at @guard (Z_STACK_GUARD_SIZE bytes, aligned to its
 * size): from @t's next switch in, touching it from machine mode faults, and
 * the fault is reported as a stack overflow. With stack limit registers
 * (ARMv8-M) the guard is empty and @guard is the lowest address @t's stack
 * pointer may reach.
 */
void arch_stack_guard_set(struct k_thread *t, uintptr_t guard);
#endif

/*
 * Called by the scheduler just before switching to @new (user threads: load
 * their protection); inline, in <arch_inlines.h>.
 */

/* Kernel entry points the port calls. */
FUNC_NORETURN void z_cstart(void);
FUNC_NORETURN void z_thread_entry(k_thread_entry_t entry, void *p1, void *p2, void *p3);
void z_fatal_error(unsigned int reason, const struct arch_esf *esf);
void z_irq_spurious(const void *arg);

/* Board hook: end the run with @status (QEMU: exit status). */
FUNC_NORETURN void z_board_exit(int status);

/* Driver hook: power off (a syscon-poweroff device); by default z_board_exit(0). */
FUNC_NORETURN void z_sys_poweroff(void);

/*
 * Semihosting (CONFIG_SEMIHOST): the request @op with parameter block @arg to
 * the emulator or debugger, in machine/privileged mode; its result.
 */
long arch_semihost_call(unsigned long op, void *arg);

/* System timer driver. */
uint64_t sys_clock_cycle_get_64(void);
void sys_clock_set_deadline(uint64_t cycles); /* UINT64_MAX: none */

/*
 * The port's inline part (<arch_inlines.h>): arch_thread_switch_prepare(),
 * arch_syscall_ret_hi_set(), ... The switch runs arch_thread_switch_load(@new)
 * out of line when arch_thread_switch_prepare(@new) returns false (typically:
 * @new's domain is not the image in the hardware), so that the usual switch
 * makes no call; that one loads what it can without a call and returns false
 * when the rest needs one, arch_thread_switch_load_call(@new), which the
 * switch then makes from a function of its own (so that a load done inline
 * needs no stack frame either).
 */
void arch_thread_switch_load_call(struct k_thread *new);

#include <arch_inlines.h>

#endif /* BREEZE_ARCH_INTERFACE_H */
