/*
 * Attacks on the processor and the thread's own context: a user stack
 * overflow (the privileged stack below it is not the user's), kernel code
 * entered past the system call checks, and forging the per-thread data user
 * code can write (the "in user mode" flag and the current-thread pointer in
 * its TLS block). cpu_<arch>.c adds the privileged instructions and registers
 * of each architecture. Each ends the attacker alone and changes nothing.
 */
#include "attack.h"

static K_SEM_DEFINE(untouched_sem, 0, 1);

/* Each frame holds an array, so no call is a tail call and every one uses stack. */
static uint32_t recurse(volatile uintptr_t *depth)
{
	volatile uint32_t frame[8];

	frame[0] = (uint32_t)*depth;
	*depth += 1U;
	frame[1] = *depth < 1000000U ? recurse(depth) : 0U;
	return frame[0] + frame[1];
}

static void overflow_by_recursion(void *arg)
{
	ARG_UNUSED(arg);
	attack_log.loot = 0U;
	attack_arm();
	(void)recurse(&attack_log.loot);
}

/* The frame is far larger than the stack: its lowest bytes lie below the stack. */
static __attribute__((noinline)) void touch_large_local(uint32_t index)
{
	volatile uint8_t big[2 * ATTACK_STACK_SIZE];

	big[index] = 0x5a;
	attack_log.loot = big[index];
}

static void overflow_by_large_local(void *arg)
{
	attack_arm();
	touch_large_local((uint32_t)(uintptr_t)arg);
}

static void call_sem_give_impl(void *sem)
{
	attack_arm();
	z_impl_k_sem_give(sem);
}

/*
 * The wrappers trust the flag to choose a trap or a direct call: clear it.
 * Where the CPU itself tells user mode (ARCH_HAS_IS_USER_CONTEXT: Cortex-M)
 * the flag decides nothing, the call still traps, and the verifier refuses
 * the ungranted semaphore.
 */
static void forge_kernel_mode_flag(void *sem)
{
	z_tls_user_mode = false;
	attack_arm();
	k_sem_give(sem);
}

#ifdef ARCH_HAS_IS_USER_CONTEXT
#define FORGED_FLAG_REASON K_ERR_KERNEL_OOPS
#else
#define FORGED_FLAG_REASON K_ERR_CPU_EXCEPTION
#endif

/*
 * k_current_get() reads the thread's TLS block, at the top of its user stack:
 * rewrite it to name the bystander, then ask the kernel to abort "myself".
 */
static void forge_current_thread(void *victim)
{
	uintptr_t me = (uintptr_t)k_current_get();
	uintptr_t *slot = (uintptr_t *)__builtin_thread_pointer();
	uintptr_t *stack_end =
	    (uintptr_t *)(K_THREAD_STACK_BUFFER(attacker_stack) + ATTACK_STACK_SIZE);

	while (slot < stack_end && *slot != me) {
		slot++;
	}
	if (slot == stack_end) {
		return; /* not found: the test fails as "not armed" */
	}
	*slot = (uintptr_t)victim;
	attack_log.loot = (uintptr_t)k_current_get();
	attack_arm();
	k_thread_abort(k_current_get());
}

ATTACK_SUITE(attacks_cpu);

/*
 * Where the hardware bounds the user stack pointer itself (ARMv8-M's PSPLIM),
 * the overflow is reported as such; elsewhere the MPU or PMP stops the first
 * access below the stack.
 */
#ifdef CONFIG_ARMV8_M_MPU
#define USER_STACK_OVERFLOW_REASON K_ERR_STACK_CHK_FAIL
#else
#define USER_STACK_OVERFLOW_REASON K_ERR_CPU_EXCEPTION
#endif

ZTEST(attacks_cpu, test_stack_overflow_recursion) {
	attack_print_target(K_THREAD_STACK_BUFFER(attacker_stack));
	attack_run(USER_STACK_OVERFLOW_REASON, overflow_by_recursion, NULL, NULL);
	/* It went some frames deep before hitting the bottom of its stack. */
	zassert_true(attack_log.loot > 4U && attack_log.loot < ATTACK_STACK_SIZE / 32U, "depth %u",
		     (unsigned int)attack_log.loot);
}

ZTEST(attacks_cpu, test_stack_overflow_large_local) {
	attack_run(USER_STACK_OVERFLOW_REASON, overflow_by_large_local, (void *)0, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

/* z_impl_k_sem_give() is user-executable code, but it works on kernel data. */
ZTEST(attacks_cpu, test_call_implementation_directly) {
	attack_run(K_ERR_CPU_EXCEPTION, call_sem_give_impl, &untouched_sem, NULL);
	zassert_equal(k_sem_count_get(&untouched_sem), 0U, "the semaphore was given");
	k_sem_give(&untouched_sem);
	zassert_ok(k_sem_take(&untouched_sem, K_NO_WAIT), "the semaphore is broken");
}

ZTEST(attacks_cpu, test_forged_kernel_mode_flag) {
	attack_run(FORGED_FLAG_REASON, forge_kernel_mode_flag, &untouched_sem, NULL);
	zassert_equal(k_sem_count_get(&untouched_sem), 0U, "the semaphore was given");
}

/* The bystander must live on (attack_after checks it). */
ZTEST(attacks_cpu, test_forged_current_thread) {
	attack_run(K_ERR_KERNEL_OOPS, forge_current_thread, &bystander_thread, NULL);
	zassert_equal(attack_log.loot, (uintptr_t)&bystander_thread, "the forgery did not take");
}
