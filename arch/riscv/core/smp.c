/*
 * SMP on RISC-V: the per-hart records, starting harts, and inter-processor
 * interrupts through the CLINT's msip registers (the machine software
 * interrupt, which SMP reserves for them).
 *
 * Harts other than 0 wait in start.S, in wfi with only the software
 * interrupt enabled, until their record's boot_fn is set and their msip
 * raised; each then runs on its own interrupt stack. External interrupts
 * (the PLIC's hart 0 context) and the machine timer stay with hart 0.
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <riscv_csr.h>
#include <riscv_hart.h>
#include <riscv_irq.h>
#include <breeze/drivers/clint.h>

BUILD_ASSERT(sizeof(struct z_riscv_hart) == (1U << RISCV_HART_SHIFT), "see arch.h");
BUILD_ASSERT(offsetof(struct z_riscv_hart, stack_limit) == RISCV_HART_STACK_LIM);
BUILD_ASSERT(offsetof(struct z_riscv_hart, isr_top) == RISCV_HART_ISR_TOP);
BUILD_ASSERT(offsetof(struct z_riscv_hart, isr_base) == RISCV_HART_ISR_BASE);
BUILD_ASSERT(offsetof(struct z_riscv_hart, boot_sp) == RISCV_HART_BOOT_SP);
BUILD_ASSERT(offsetof(struct z_riscv_hart, boot_tp) == RISCV_HART_BOOT_TP);
BUILD_ASSERT(offsetof(struct z_riscv_hart, boot_arg) == RISCV_HART_BOOT_ARG);
BUILD_ASSERT(offsetof(struct z_riscv_hart, boot_fn) == RISCV_HART_BOOT_FN);
BUILD_ASSERT(offsetof(struct _cpu, current) == 0, "isr.S loads the current thread at 0");

struct z_riscv_hart z_riscv_harts[CONFIG_MP_MAX_NUM_CPUS];

/* The interrupt stacks of harts 1 ..: [guard | stack], like hart 0's (start.S). */
#ifdef CONFIG_HW_STACK_PROTECTION
#define ISR_GUARD CONFIG_HW_STACK_GUARD_SIZE
#else
#define ISR_GUARD 16
#endif
#define ISR_STACK_LEN ROUND_UP(ISR_GUARD + CONFIG_ISR_STACK_SIZE, ISR_GUARD)
static char Z_STACK_SECTION __aligned(ISR_GUARD)
    isr_stacks[CONFIG_MP_MAX_NUM_CPUS - 1][ISR_STACK_LEN];

void *z_tls_setup(char **stack_top, struct k_thread *t, bool user);
void z_riscv_pmp_init(void);
unsigned int z_riscv_fdt_harts(void);
void z_riscv_timer_secondary_init(void);

/* Hart 0's record, from arch_kernel_init(): before its first trap. */
void z_riscv_hart0_init(void)
{
	z_riscv_harts[0].cpu = &_kernel.cpus[0];
	z_riscv_harts[0].isr_top = (uintptr_t)z_interrupt_stack_top;
	z_riscv_harts[0].isr_base = (uintptr_t)z_interrupt_stack;
}

unsigned int arch_smp_cpus_present(void)
{
	return z_riscv_fdt_harts();
}

void arch_smp_cpu_start(unsigned int cpu, void (*fn)(void *arg), void *arg)
{
	struct z_riscv_hart *h = &z_riscv_harts[cpu];
	char *top = isr_stacks[cpu - 1] + ISR_STACK_LEN;

	h->cpu = &_kernel.cpus[cpu];
	h->isr_top = (uintptr_t)top;
	h->isr_base = (uintptr_t)isr_stacks[cpu - 1];
	/* The start-up code runs on the interrupt stack, below a TLS block of its own. */
	h->boot_tp = (uintptr_t)z_tls_setup(&top, NULL, false);
	h->boot_sp = (uintptr_t)top;
	h->boot_arg = (uintptr_t)arg;
	/* Release: the hart reads the record only after it sees boot_fn. */
	__atomic_store_n(&h->boot_fn, (uintptr_t)fn, __ATOMIC_RELEASE);
	riscv_clint_soft_irq_raise(cpu);
}

void arch_smp_cpu_init(void)
{
	unsigned int hart = arch_proc_id();

	csr_write(mcounteren, 0x7);
	csr_write(scounteren, 0x7);
#if defined(CONFIG_USERSPACE) || defined(CONFIG_RISCV_PMP_SMEPMP)
	z_riscv_pmp_init();
#endif
	/* The start request's msip is still raised: clear it, then take IPIs. */
	riscv_clint_soft_irq_clear(hart);
	csr_write(mie, 1UL << RISCV_IRQ_MSOFT);
#if defined(CONFIG_RISCV_MACHINE_TIMER) && CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US > 0
	z_riscv_timer_secondary_init();
#endif
}

void arch_sched_ipi_send(unsigned int cpu)
{
	riscv_clint_soft_irq_raise(cpu);
}

void arch_sched_ipi_clear(unsigned int cpu)
{
	riscv_clint_soft_irq_clear(cpu);
}

/* The machine software interrupt of this hart: an IPI (z_riscv_trap() routes it here). */
void z_riscv_ipi_isr(void)
{
	riscv_clint_soft_irq_clear(arch_proc_id());
	z_smp_ipi_serve();
}
