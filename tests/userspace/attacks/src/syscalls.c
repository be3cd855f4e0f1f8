/*
 * System call attacks on buffers and IDs: kernel memory passed as a buffer
 * (to read through k_str_out, to write through k_thread_name_copy), buffers
 * running past the end of the caller's partition, sizes that wrap around the
 * address space, a kernel pointer for the words a 10-argument call passes in
 * memory, and unknown call IDs. Each must be refused with an oops of the
 * caller alone (K_ERR_KERNEL_OOPS), before the kernel touched anything;
 * k_thread_name_copy() instead returns -EFAULT, as Zephyr's does.
 * Also: a system call hands no kernel value back in a scratch register
 * (syscalls_<arch>.c issue the raw traps), and returns to user mode even when
 * it switched to a thread that left the CPU from inside an interrupt.
 */
#include <string.h>
#include <syscall_list.h>
#include "attack.h"
#include "syscall_regs.h"
#include <zephyr/irq_offload.h>

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

/*
 * Void calls: the first result word comes back 0, or the caller's own first
 * argument where the port writes no result for a nonblocking void call
 * (ARCH_SYSCALL_KEEPS_VOID_FIRST_WORD), never what the handler last
 * computed there. The loot is how far each is from that.
 */
static uintptr_t void_call_difference(uintptr_t id, uintptr_t a0)
{
	uintptr_t expected = 0U;

#ifdef ARCH_SYSCALL_KEEPS_VOID_FIRST_WORD
	if (id < K_SYSCALL_NONBLOCKING_VOID_LIMIT) {
		expected = a0;
	}
#endif
	return (uintptr_t)arch_syscall_invoke1(a0, id) ^ expected;
}

static void void_calls(void *arg)
{
	ARG_UNUSED(arg);
	attack_log.loot =
	    void_call_difference(K_SYSCALL_K_YIELD, 0x5a5a5a5aU) |
	    void_call_difference(K_SYSCALL_K_THREAD_RESUME, (uintptr_t)k_current_get());
}

static void check_scratch_registers(uintptr_t id)
{
	for (unsigned int i = 0; i < SCRATCH_REGS; i++) {
		/* One of them may have held the ID, not a sentinel. */
		uintptr_t mine = (int)i == SCRATCH_ID_SLOT ? id : SENTINEL(i);

#ifdef SCRATCH_RA_SLOT
		if (i == SCRATCH_RA_SLOT) {
			mine = (uintptr_t)z_riscv_syscall_done;
			if (id < K_SYSCALL_NONBLOCKING_LIMIT &&
			    scratch_after[i] >= (uintptr_t)z_riscv_syscall_exits &&
			    scratch_after[i] < (uintptr_t)z_riscv_syscall_exits_end) {
				mine = scratch_after[i];
			}
		} else if (i == SCRATCH_T0_SLOT) {
			mine = scratch_resume;
		}
#endif

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

K_SEM_DEFINE(regs_sem, 0, 10);
K_MUTEX_DEFINE(regs_mutex);

/* Nonblocking call @id with a valid argument, as syscall_scratch_registers() issues it. */
static void nonblocking_scratch_registers(void *id)
{
	uintptr_t call[2] = { (uintptr_t)id, 0U };

	switch ((uintptr_t)id) {
	case K_SYSCALL_K_SEM_COUNT_GET:
	case K_SYSCALL_K_SEM_GIVE:
		call[1] = (uintptr_t)&regs_sem;
		break;
	case K_SYSCALL_K_MUTEX_UNLOCK:
		call[1] = (uintptr_t)&regs_mutex; /* not locked: refused with an error */
		break;
	case K_SYSCALL_K_THREAD_PRIORITY_GET:
		call[1] = (uintptr_t)k_current_get();
		break;
	default:
		break;
	}
	syscall_scratch_registers(call);
}

/*
 * Calls that never wait and return, whose handlers do work (object checks,
 * reading kernel state): where the port chooses each one's exit from what its
 * handler can write (scripts/syscall_exits.py), a choice that zeroed too
 * little would show a kernel value here.
 */
ZTEST(attacks_syscalls, test_no_kernel_value_in_registers_after_nonblocking_calls) {
	static const uintptr_t ids[] = {
		K_SYSCALL_K_SEM_COUNT_GET,     K_SYSCALL_K_THREAD_PRIORITY_GET,
		K_SYSCALL_K_IS_PREEMPT_THREAD, K_SYSCALL_K_SEM_GIVE,
		K_SYSCALL_K_MUTEX_UNLOCK,      K_SYSCALL_K_YIELD,
	};

	for (size_t i = 0; i < ARRAY_SIZE(ids); i++) {
		user_run(nonblocking_scratch_registers, (void *)ids[i],
			 ATTACK_GRANTS(&regs_sem, &regs_mutex));
		check_scratch_registers(ids[i]);
	}
	zassert_equal(k_sem_count_get(&regs_sem), 1U, "the give was lost");
}

ZTEST(attacks_syscalls, test_void_calls_return_zero) {
	user_run(void_calls, NULL, NULL);
	zassert_equal(attack_log.loot, 0U, "a void call's first word differed by 0x%08lx",
		      (unsigned long)attack_log.loot);
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

ZTEST(attacks_syscalls, test_syscall_id_1000_raw_trap) {
	attack_run(K_ERR_KERNEL_OOPS, raw_trap_1000, NULL, NULL);
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

/*
 * A nonblocking call whose switch goes to a thread that then leaves the CPU
 * from inside an interrupt (irq_offload(): a trap from kernel mode, whose
 * state the CPU keeps until that trap returns): the caller's call must still
 * return to user mode, where its next step, a read of kernel data, faults.
 */
static struct k_sem switch_sem;
static struct k_thread urgent_thread;
static K_THREAD_STACK_DEFINE(urgent_stack, 1024);

static void suspend_from_interrupt(const void *thread)
{
	k_thread_suspend((k_tid_t)thread);
}

static void urgent_offloader(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_sem_take(&switch_sem, K_FOREVER);
	irq_offload(suspend_from_interrupt, k_current_get());
}

static void give_then_read_kernel(void *target)
{
	/* Switches to urgent_offloader, and back from inside its interrupt. */
	k_sem_give(&switch_sem);
	attack_arm();
	attack_log.loot = *(volatile uint32_t *)target;
}

ZTEST(attacks_syscalls, test_nonblocking_switch_returns_to_user_mode) {
	void *const grants[] = { &switch_sem, NULL };

	k_sem_init(&switch_sem, 0, 1);
	k_thread_create(&urgent_thread, urgent_stack, K_THREAD_STACK_SIZEOF(urgent_stack),
			urgent_offloader, NULL, NULL, NULL, ATTACKER_PRIO - 1, 0, K_NO_WAIT);
	attack_print_target((const void *)&kernel_secret);
	attack_run(K_ERR_CPU_EXCEPTION, give_then_read_kernel, (void *)&kernel_secret, grants);
	zassert_true(k_thread_join(&urgent_thread, K_NO_WAIT) == -EBUSY, "the offloader ended");
	k_thread_abort(&urgent_thread);
}
