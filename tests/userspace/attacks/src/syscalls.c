/*
 * System call attacks on buffers and IDs: kernel memory passed as a buffer
 * (to read through k_str_out, to write through k_thread_name_copy), buffers
 * running past the end of the caller's partition, sizes that wrap around the
 * address space, a kernel pointer for the words a 10-argument call passes in
 * memory, and unknown call IDs. Each must be refused with an oops of the
 * caller alone (K_ERR_KERNEL_OOPS), before the kernel touched anything;
 * k_thread_name_copy() instead returns -EFAULT, as Zephyr's does.
 * Also: a system call hands no kernel value back in a scratch register.
 */
#include <string.h>
#include <syscall_list.h>
#include "attack.h"

static volatile uint32_t kernel_secret = 0x6b5ec2e7U;
static char kernel_buf[16] = "kernel buffer";

K_APP_BMEM(attacker_part) static char user_buf[8];

static void str_out_buffer(void *buf)
{
	attack_arm();
	k_str_out(buf, 4);
}

static void name_copy_into(void *buf)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_thread_name_copy(k_current_get(), buf, 16);
}

/* @end: the end of the attacker's partition; the buffer's first half is its own. */
static void str_out_across_end(void *end)
{
	attack_arm();
	k_str_out((char *)end - 4, 8);
}

static void name_copy_across_end(void *end)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_thread_name_copy(k_current_get(), (char *)end - 4, 16);
}

static void str_out_size_max(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	k_str_out(user_buf, SIZE_MAX);
}

/* user_buf + size wraps around to a small address: 16 bytes past zero. */
static void str_out_wrapping_end(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	k_str_out(user_buf, (size_t)0 - (uintptr_t)user_buf + 16U);
}

static void name_copy_size_max(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	attack_log.loot = (uintptr_t)k_thread_name_copy(k_current_get(), user_buf, SIZE_MAX);
}

/* k_thread_create takes 11 words: a5 points at the 6 that do not fit in registers. */
static void thread_create_more_args_in_kernel(void *more)
{
	attack_arm();
	attack_log.loot = (uintptr_t)arch_syscall_invoke6(
	    (uintptr_t)&probe_thread, (uintptr_t)probe_stack, ATTACK_STACK_SIZE,
	    (uintptr_t)str_out_buffer, 0, (uintptr_t)more, K_SYSCALL_K_THREAD_CREATE);
}

static void syscall_id(void *id)
{
	attack_arm();
	attack_log.loot = (uintptr_t)arch_syscall_invoke0((uintptr_t)id);
}

/* A raw ecall, as code not built with the kernel's headers would issue it. */
static void raw_ecall_1000(void *arg)
{
	ARG_UNUSED(arg);
	register uintptr_t a0 __asm__("a0") = 0;
	register uintptr_t a7 __asm__("a7") = 1000;

	attack_arm();
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
	attack_log.loot = a0;
}

/*
 * The registers a system call may clobber: ra, t0-t6, a2-a7 (a0/a1 carry the
 * result). Each must come back as the caller left it or zero: anything else
 * is a value of the kernel or of another thread.
 */
#define SCRATCH_REGS 14
#define SENTINEL(i)  (0x5e000000U + (i))

K_APP_BMEM(attacker_part) static uintptr_t scratch_after[SCRATCH_REGS];

static void syscall_scratch_registers(void *call)
{
	const uintptr_t *c = call; /* { ID, first argument } */
	register uintptr_t *out __asm__("s1") = scratch_after;
	register uintptr_t a0 __asm__("a0") = c[1];
	register uintptr_t a7 __asm__("a7") = c[0];

	__asm__ volatile("li ra, 0x5e000000\n\t"
			 "li t0, 0x5e000001\n\t"
			 "li t1, 0x5e000002\n\t"
			 "li t2, 0x5e000003\n\t"
			 "li t3, 0x5e000004\n\t"
			 "li t4, 0x5e000005\n\t"
			 "li t5, 0x5e000006\n\t"
			 "li t6, 0x5e000007\n\t"
			 "li a2, 0x5e000008\n\t"
			 "li a3, 0x5e000009\n\t"
			 "li a4, 0x5e00000a\n\t"
			 "li a5, 0x5e00000b\n\t"
			 "li a6, 0x5e00000c\n\t"
			 "ecall\n\t"
			 "sw ra, 0(s1)\n\t"
			 "sw t0, 4(s1)\n\t"
			 "sw t1, 8(s1)\n\t"
			 "sw t2, 12(s1)\n\t"
			 "sw t3, 16(s1)\n\t"
			 "sw t4, 20(s1)\n\t"
			 "sw t5, 24(s1)\n\t"
			 "sw t6, 28(s1)\n\t"
			 "sw a2, 32(s1)\n\t"
			 "sw a3, 36(s1)\n\t"
			 "sw a4, 40(s1)\n\t"
			 "sw a5, 44(s1)\n\t"
			 "sw a6, 48(s1)\n\t"
			 "sw a7, 52(s1)"
			 : "+r"(a0), "+r"(a7)
			 : "r"(out)
			 : "memory", "ra", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a1", "a2",
			   "a3", "a4", "a5", "a6");
	attack_log.loot = a0;
}

static void check_scratch_registers(uintptr_t id)
{
	for (unsigned int i = 0; i < SCRATCH_REGS; i++) {
		/* a7 (the last) held the ID, not a sentinel. */
		uintptr_t mine = i == SCRATCH_REGS - 1U ? id : SENTINEL(i);

		zassert_true(scratch_after[i] == mine || scratch_after[i] == 0U,
			     "scratch register %u came back as 0x%08lx", i,
			     (unsigned long)scratch_after[i]);
	}
}

ATTACK_SUITE(attacks_syscalls);

ZTEST(attacks_syscalls, test_no_kernel_value_in_registers_after_null_call) {
	static const uintptr_t call[2] = { K_SYSCALL_K_SYSCALL_NULL, 0 };

	user_run(syscall_scratch_registers, (void *)call, NULL);
	zassert_equal(attack_log.loot, 0U);
	check_scratch_registers(call[0]);
}

/* A call that blocks: other threads and the idle thread run before it returns. */
ZTEST(attacks_syscalls, test_no_kernel_value_in_registers_after_sleep) {
	static const uintptr_t call[2] = { K_SYSCALL_K_USLEEP, 500 };

	user_run(syscall_scratch_registers, (void *)call, NULL);
	zassert_equal(attack_log.loot, 0U);
	check_scratch_registers(call[0]);
}

ZTEST(attacks_syscalls, test_str_out_kernel_buffer) {
	attack_print_target((const void *)&kernel_secret);
	attack_run(K_ERR_KERNEL_OOPS, str_out_buffer, (void *)&kernel_secret, NULL);
}

ZTEST(attacks_syscalls, test_name_copy_into_kernel_buffer) {
	user_run(name_copy_into, kernel_buf, NULL);
	zassert_str_equal(kernel_buf, "kernel buffer", "the kernel buffer was written");
	zassert_equal(attack_log.loot, (uintptr_t)-EFAULT);
}

/* Control: into its own partition the same call works. */
ZTEST(attacks_syscalls, test_name_copy_into_own_buffer_works) {
	static K_APP_BMEM(attacker_part) char name[16];

	user_run(name_copy_into, name, NULL);
	zassert_equal(attack_log.loot, 0U);
	zassert_str_equal(name, "attacker");
}

ZTEST(attacks_syscalls, test_str_out_across_partition_end) {
	void *end = (void *)(attacker_part.start + attacker_part.size);

	attack_run(K_ERR_KERNEL_OOPS, str_out_across_end, end, NULL);
}

ZTEST(attacks_syscalls, test_name_copy_across_partition_end) {
	uint8_t after[12];
	uint8_t *end = (uint8_t *)(attacker_part.start + attacker_part.size);

	memcpy(after, end, sizeof(after));
	user_run(name_copy_across_end, end, NULL);
	zassert_equal(attack_log.loot, (uintptr_t)-EFAULT);
	zassert_mem_equal(end, after, sizeof(after), "memory past the partition was written");
}

ZTEST(attacks_syscalls, test_str_out_size_max) {
	attack_run(K_ERR_KERNEL_OOPS, str_out_size_max, NULL, NULL);
}

ZTEST(attacks_syscalls, test_str_out_wrapping_end) {
	attack_run(K_ERR_KERNEL_OOPS, str_out_wrapping_end, NULL, NULL);
}

ZTEST(attacks_syscalls, test_name_copy_size_max) {
	user_run(name_copy_size_max, NULL, NULL);
	zassert_equal(attack_log.loot, (uintptr_t)-EFAULT);
}

/*
 * The thread object and stack named in registers are valid and granted, so
 * only the pointer to the other words is wrong (the report says so).
 */
ZTEST(attacks_syscalls, test_thread_create_args_in_kernel) {
	/* Registered and uninitialised again, as a user thread may create it. */
	k_thread_create(&probe_thread, probe_stack, ATTACK_STACK_SIZE, NULL, NULL, NULL, NULL,
			ATTACKER_PRIO, K_USER, K_FOREVER);
	k_thread_abort(&probe_thread);

	attack_print_target((const void *)&kernel_secret);
	attack_run(K_ERR_KERNEL_OOPS, thread_create_more_args_in_kernel, (void *)&kernel_secret,
		   ATTACK_GRANTS(&probe_thread, probe_stack));
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_syscalls, test_syscall_id_limit) {
	attack_run(K_ERR_KERNEL_OOPS, syscall_id, (void *)K_SYSCALL_LIMIT, NULL);
}

ZTEST(attacks_syscalls, test_syscall_id_1000_raw_ecall) {
	attack_run(K_ERR_KERNEL_OOPS, raw_ecall_1000, NULL, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

/* Negative as a signed number: a signed bounds check would let it through. */
ZTEST(attacks_syscalls, test_syscall_id_negative) {
	attack_run(K_ERR_KERNEL_OOPS, syscall_id, (void *)0x80000000U, NULL);
}

/* Just below the ID that raises a fatal error on purpose (k_oops()). */
ZTEST(attacks_syscalls, test_syscall_id_before_runtime_except) {
	attack_run(K_ERR_KERNEL_OOPS, syscall_id, (void *)0xfffffffeU, NULL);
}
