/*
 * Memory attacks: a user thread reads, writes or executes memory its domain
 * does not grant (kernel data, kernel code, the kernel's stack canary, another
 * domain's partition, a read-only partition, another thread's stack, its own
 * privileged stack, device registers, the null page). Each must end in an
 * access fault (K_ERR_CPU_EXCEPTION: the PMP, the MPU, or the bus for the
 * Cortex-M system registers) of the attacker alone, with the target
 * unchanged. testspec.cmake checks the cause and faulting address of each
 * report.
 */
#include "arch_test.h"
#include "attack.h"

static volatile uint32_t kernel_secret = 0x6b5ec2e7U;
static volatile uint32_t kernel_target = 0x6b7a2937U;

/* Machine code in kernel RAM that returns 1. Kernel data is never executable for users. */
static uint32_t kernel_code[2] __aligned(4) = ARCH_TEST_RET_1_CODE;

static void read_word(void *addr)
{
	attack_arm();
	attack_log.loot = *(volatile uint32_t *)addr;
}

static void write_word(void *addr)
{
	attack_arm();
	*(volatile uint32_t *)addr = ATTACK_VALUE;
}

static void call_address(void *addr)
{
	attack_arm();
	attack_log.loot = ((uintptr_t(*)(void))ARCH_TEST_CODE_ENTRY(addr))();
}

/* Reading is allowed: the region is mapped; writing it is not. */
static void read_then_write_word(void *addr)
{
	attack_log.loot = *(volatile uint32_t *)addr;
	write_word(addr);
}

ATTACK_SUITE(attacks_memory);

ZTEST(attacks_memory, test_read_kernel_data) {
	attack_print_target((const void *)&kernel_secret);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, (void *)&kernel_secret, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "kernel data leaked");
}

ZTEST(attacks_memory, test_write_kernel_data) {
	attack_print_target((const void *)&kernel_target);
	attack_run(K_ERR_CPU_EXCEPTION, write_word, (void *)&kernel_target, NULL);
	zassert_equal(kernel_target, 0x6b7a2937U, "kernel data changed");
}

ZTEST(attacks_memory, test_execute_kernel_data) {
	if (!IS_ENABLED(CONFIG_RISCV_PMP_SMEPMP)) {
		/* The code is valid: the supervisor runs it (with Smepmp it may not). */
		zassert_equal(((uintptr_t(*)(void))ARCH_TEST_CODE_ENTRY(kernel_code))(), 1U);
	}
	attack_print_target(kernel_code);
	attack_run(K_ERR_CPU_EXCEPTION, call_address, kernel_code, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "kernel data ran as user code");
}

ZTEST(attacks_memory, test_write_kernel_text) {
	volatile uint32_t *code = (volatile uint32_t *)ARCH_TEST_CODE_ADDR(read_word);
	uint32_t before = *code;

	attack_print_target((const void *)code);
	attack_run(K_ERR_CPU_EXCEPTION, write_word, (void *)code, NULL);
	zassert_equal(*code, before, "kernel code patched");
}

/*
 * The canary kernel code checks while it runs for the attacker: in the kernel
 * TLS block inside the attacker's own stack object, below its user stack.
 */
ZTEST(attacks_memory, test_read_kernel_canary) {
	uint32_t *target = (uint32_t *)((char *)attacker_stack + Z_USER_STACK_KTLS) - 1;

	attack_print_target(target);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, target, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "the kernel's stack canary leaked");
}

ZTEST(attacks_memory, test_read_other_domain) {
	attack_print_target((const void *)&victim_secret);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, (void *)&victim_secret, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "another domain's data leaked");
}

ZTEST(attacks_memory, test_write_other_domain) {
	attack_print_target((const void *)&victim_secret);
	attack_run(K_ERR_CPU_EXCEPTION, write_word, (void *)&victim_secret, NULL);
	zassert_equal(victim_secret, VICTIM_SECRET, "another domain's data changed");
}

ZTEST(attacks_memory, test_write_read_only_partition) {
	attack_print_target((const void *)&ro_words[3]);
	attack_run(K_ERR_CPU_EXCEPTION, read_then_write_word, (void *)&ro_words[3], NULL);
	zassert_equal(attack_log.loot, RO_VALUE, "the read-only partition is not readable");
	zassert_equal(ro_words[3], RO_VALUE, "the read-only partition changed");
}

ZTEST(attacks_memory, test_read_other_thread_stack) {
	void *secret = (void *)bystander_log.stack_secret_addr;
	char *buf = K_THREAD_STACK_BUFFER(bystander_stack);

	/* It is a live local of the bystander, on its user stack. */
	zassert_true((char *)secret >= buf && (char *)secret < buf + ATTACK_STACK_SIZE);
	zassert_equal(*(volatile uint32_t *)secret, STACK_SECRET);
	attack_print_target(secret);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, secret, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "another thread's stack leaked");
}

ZTEST(attacks_memory, test_write_other_thread_stack) {
	void *secret = (void *)bystander_log.stack_secret_addr;

	attack_print_target(secret);
	attack_run(K_ERR_CPU_EXCEPTION, write_word, secret, NULL);
	/* The bystander checks its local when it wakes (attack_after). */
}

/* Below the attacker's user stack: its privileged stack, where its system calls ran. */
ZTEST(attacks_memory, test_read_own_privileged_stack) {
	char *target = K_THREAD_STACK_BUFFER(attacker_stack) - sizeof(uint32_t);

	attack_print_target(target);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, target, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "the privileged stack leaked");
}

ZTEST(attacks_memory, test_write_uart_register) {
	attack_print_target((const void *)DT_REG_ADDR(DT_NODELABEL(uart0)));
	attack_run(K_ERR_CPU_EXCEPTION, write_word, (void *)DT_REG_ADDR(DT_NODELABEL(uart0)), NULL);
}

/* Address 0 and the bytes above it: a null pointer, or a small offset from one, faults. */
ZTEST(attacks_memory, test_read_null_page) {
	attack_print_target((const void *)0x10);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, (void *)0x10, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "the null page is readable");
}

#if defined(CONFIG_ARM)
/*
 * The NVIC's set-pending word: a store would raise an interrupt. The system
 * control space is privileged, whatever the MPU says: a bus error.
 */
ZTEST(attacks_memory, test_write_nvic_set_pending) {
	attack_print_target((const void *)0xe000e200U);
	attack_run(K_ERR_CPU_EXCEPTION, write_word, (void *)0xe000e200U, NULL);
}
#else
/* The CLINT msip word: a store would raise a machine software interrupt. */
ZTEST(attacks_memory, test_write_clint_msip) {
	attack_print_target((const void *)DT_REG_ADDR(DT_NODELABEL(clint)));
	attack_run(K_ERR_CPU_EXCEPTION, write_word, (void *)DT_REG_ADDR(DT_NODELABEL(clint)), NULL);
}
#endif
