/*
 * Fatal errors a user thread raises itself (k_oops(), k_panic(), the
 * stack-check failure, or any reason word through the "raise a fatal error"
 * ecall). They end only that thread. As in Zephyr, user mode may only induce
 * an oops or a stack-check failure: any other reason it claims (a kernel
 * panic, a CPU exception, a spurious interrupt, garbage) is reported as
 * K_ERR_KERNEL_OOPS, so that a fatal-error policy keyed on the reason (halt
 * on a panic, say) cannot be triggered from user mode.
 *
 * Numbered: a reason other than the expected one ends the whole run, so the
 * checks that cannot do so come first.
 */
#include "attack.h"

static void raise_reason(void *reason)
{
	attack_arm();
	ARCH_EXCEPT((uintptr_t)reason);
}

static void raise_oops(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	k_oops();
}

static void raise_panic(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	k_panic();
}

/* Writes @n bytes into an 8-byte local: past it lies the stack canary. */
static __attribute__((noinline)) void overrun_local(uint32_t n)
{
	volatile uint8_t buf[8];

	for (uint32_t i = 0; i < n; i++) {
		buf[i] = 0xa5;
	}
	attack_log.loot = buf[0];
}

static void smash_canary(void *n)
{
	attack_arm();
	overrun_local((uint32_t)(uintptr_t)n);
}

ATTACK_SUITE(attacks_raised);

ZTEST(attacks_raised, test_1_oops) {
	attack_run(K_ERR_KERNEL_OOPS, raise_oops, NULL, NULL);
}

ZTEST(attacks_raised, test_2_stack_canary_smashed) {
	attack_run(K_ERR_STACK_CHK_FAIL, smash_canary, (void *)16, NULL);
}

ZTEST(attacks_raised, test_3_raised_stack_check) {
	attack_run(K_ERR_STACK_CHK_FAIL, raise_reason, (void *)K_ERR_STACK_CHK_FAIL, NULL);
}

ZTEST(attacks_raised, test_4_raised_unknown_reason) {
	attack_run(K_ERR_KERNEL_OOPS, raise_reason, (void *)1000, NULL);
}

ZTEST(attacks_raised, test_5_raised_cpu_exception) {
	attack_run(K_ERR_KERNEL_OOPS, raise_reason, (void *)K_ERR_CPU_EXCEPTION, NULL);
}

ZTEST(attacks_raised, test_6_raised_spurious_irq) {
	attack_run(K_ERR_KERNEL_OOPS, raise_reason, (void *)K_ERR_SPURIOUS_IRQ, NULL);
}

ZTEST(attacks_raised, test_7_panic) {
	attack_run(K_ERR_KERNEL_OOPS, raise_panic, NULL, NULL);
}
