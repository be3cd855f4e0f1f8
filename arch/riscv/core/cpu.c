/*
 * CPU-level services: boot setup, idle, halt and the fatal report.
 */
#include <arch_interface.h>
#include <riscv_csr.h>

void z_riscv_pmp_init(void);
void z_riscv_hart0_init(void);

void arch_kernel_init(void)
{
	csr_write(mie, 0);
	csr_write(mscratch, 0);
#ifdef CONFIG_SMP
	z_riscv_hart0_init();
	csr_set(mie, 1UL << RISCV_IRQ_MSOFT); /* IPIs from the other harts */
#endif
	/*
	 * Let user mode read cycle, time and instret (k_cycle_get_*, benchmarks).
	 * With supervisor mode implemented, user access needs scounteren too.
	 */
	csr_write(mcounteren, 0x7);
	csr_write(scounteren, 0x7);
#if defined(CONFIG_USERSPACE) || defined(CONFIG_RISCV_PMP_SMEPMP)
	z_riscv_pmp_init();
#endif
}

void arch_cpu_idle(void)
{
	__asm__ volatile("wfi");
}

FUNC_NORETURN void arch_cpu_halt(void)
{
	(void)arch_irq_lock();
	for (;;) {
		__asm__ volatile("wfi");
	}
}

static const char *cause_str(unsigned long mcause)
{
	static const char *const names[] = {
		"instruction address misaligned",
		"instruction access fault",
		"illegal instruction",
		"breakpoint",
		"load address misaligned",
		"load access fault",
		"store address misaligned",
		"store access fault",
		"ecall from user mode",
		"ecall from supervisor mode",
		"reserved",
		"ecall from machine mode",
		"instruction page fault",
		"load page fault",
		"reserved",
		"store page fault",
	};

	return mcause < ARRAY_SIZE(names) ? names[mcause] : "unknown";
}

void arch_fatal_report(const struct arch_esf *esf)
{
	printk("***   mcause %lu (%s), mtval 0x%08lx\n", esf->mcause, cause_str(esf->mcause),
	       esf->mtval);
	printk("***   mepc 0x%08lx, sp 0x%08lx, ra 0x%08lx, mstatus 0x%08lx\n", esf->mepc, esf->sp,
	       esf->ra, esf->mstatus);
}
