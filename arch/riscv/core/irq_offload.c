/*
 * irq_offload() on RISC-V: an ecall from machine mode with its own ID in a7.
 * The trap handler (trap.c) treats it as an interrupt: nesting
 * count raised, the routine run on the interrupt stack through the dispatch
 * of a pseudo interrupt line, the scheduler consulted on the way out. An
 * exception rather than the CLINT's software interrupt, so that the line
 * stays free for applications and the routine runs before irq_offload()
 * returns, whatever the interrupt mask.
 */
#include <arch_interface.h>
#include <riscv_irq.h>
#include <breeze/irq_offload.h>
#include <breeze/kernel.h>

/*
 * Zephyr serialises irq_offload() with this semaphore, and its tests give it
 * back after a routine has aborted the thread that offloaded it. Breeze needs
 * no such lock (the routine runs inside its caller's trap, before any other
 * thread can), so nothing takes it: it is there for that code alone.
 */
K_SEM_DEFINE(offload_sem, 1, 1);

/* What the pending offload runs: set by the trap from the ecall's a0 and a1. */
static irq_offload_routine_t offload_routine;
static const void *offload_parameter;

void irq_offload(irq_offload_routine_t routine, const void *parameter)
{
	/* From user mode the same ecall is an unknown system call: an oops. */
	register unsigned long a0 __asm__("a0") = (unsigned long)routine;
	register unsigned long a1 __asm__("a1") = (unsigned long)parameter;
	register unsigned long a7 __asm__("a7") = RV_ECALL_IRQ_OFFLOAD;

	__asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a7) : "memory");
}

void z_riscv_irq_offload_enter(struct arch_esf *esf)
{
	offload_routine = (irq_offload_routine_t)esf->a0;
	offload_parameter = (const void *)esf->a1;
	esf->mepc += 4U; /* resume after the ecall */
}

void z_riscv_irq_offload_run(void)
{
	/* Locals: a routine that offloads again overwrites the statics. */
	irq_offload_routine_t routine = offload_routine;
	const void *parameter = offload_parameter;

	routine(parameter);
}
