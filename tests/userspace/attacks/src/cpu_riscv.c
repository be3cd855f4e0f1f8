/*
 * RISC-V processor attacks: machine-mode instructions and CSRs, illegal in
 * user mode (the PMP's own registers among them), and ebreak. Each ends the
 * attacker alone and changes nothing.
 */
#include "attack.h"

static volatile uint32_t kernel_secret = 0x6b5ec2e7U;

static void read_mstatus(void *arg)
{
	ARG_UNUSED(arg);
	unsigned long v;

	attack_arm();
	__asm__ volatile("csrr %0, mstatus" : "=r"(v));
	attack_log.loot = v;
}

/* Give user mode all memory through the last PMP entry, then read the kernel. */
static void open_pmp(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	__asm__ volatile("csrw pmpaddr15, %0\n\t"
			 "csrw pmpcfg3, %1" ::"r"(~0UL),
			 "r"(0x1fUL << 24)
			 : "memory");
	attack_log.loot = kernel_secret;
}

/* Point machine-mode traps at user code. */
static void write_mtvec(void *arg)
{
	attack_arm();
	__asm__ volatile("csrw mtvec, %0" ::"r"(arg) : "memory");
}

static void machine_return(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	__asm__ volatile("mret" ::: "memory");
}

static void breakpoint(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	__asm__ volatile("ebreak" ::: "memory");
}

ZTEST(attacks_cpu, test_read_mstatus) {
	attack_run(K_ERR_CPU_EXCEPTION, read_mstatus, NULL, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_cpu, test_write_pmp) {
	attack_run(K_ERR_CPU_EXCEPTION, open_pmp, NULL, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "kernel data leaked");
}

ZTEST(attacks_cpu, test_write_mtvec) {
	attack_run(K_ERR_CPU_EXCEPTION, write_mtvec, (void *)(uintptr_t)breakpoint, NULL);
}

ZTEST(attacks_cpu, test_mret) {
	attack_run(K_ERR_CPU_EXCEPTION, machine_return, NULL, NULL);
}

ZTEST(attacks_cpu, test_ebreak) {
	attack_run(K_ERR_CPU_EXCEPTION, breakpoint, NULL, NULL);
}
