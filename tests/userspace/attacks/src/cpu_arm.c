/*
 * Cortex-M processor attacks. Unprivileged code cannot fault its way through
 * the special registers: its writes to CONTROL, BASEPRI, PRIMASK and the
 * stack pointers are ignored, so those attacks check that nothing changed
 * and that the thread is still confined. The system control space (the MPU,
 * the vector table's address) is privileged: any access is a bus error.
 * Branching to an exception-return value in Thread mode is no return, and
 * breakpoints have no debugger to go to. Each ends the attacker alone.
 */
#include "attack.h"

#define SCB_VTOR 0xe000ed08U
#define MPU_RBAR 0xe000ed9cU
#define MPU_RASR 0xe000eda0U

#define CONTROL_NPRIV (1U << 0)
#define CONTROL_SPSEL (1U << 1)

static volatile uint32_t kernel_secret = 0x6b5ec2e7U;

K_APP_BMEM(attacker_part) static volatile uint32_t control_after;
K_APP_BMEM(attacker_part) static volatile uint32_t basepri_after;
K_APP_BMEM(attacker_part) static volatile uint32_t primask_after;
K_APP_BMEM(attacker_part) static uint32_t fake_msp_stack[32];

static uint32_t read_control(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, control" : "=r"(v));
	return v;
}

/* Clear nPRIV (and SPSEL: the main stack), then use the privilege: read kernel data. */
static void clear_npriv(void *arg)
{
	ARG_UNUSED(arg);
	__asm__ volatile("msr control, %0\n\t"
			 "isb" ::"r"(0U)
			 : "memory");
	control_after = read_control();
	attack_arm();
	attack_log.loot = kernel_secret;
}

/* Mask every interrupt and exception it can name, then keep the CPU for good. */
static void mask_interrupts(void *arg)
{
	ARG_UNUSED(arg);
	uint32_t v;

	__asm__ volatile("cpsid i\n\t"
			 "cpsid f\n\t"
			 "msr basepri, %0\n\t"
			 "isb" ::"r"(0x20U)
			 : "memory");
	__asm__ volatile("mrs %0, basepri" : "=r"(v));
	basepri_after = v;
	__asm__ volatile("mrs %0, primask" : "=r"(v));
	primask_after = v;
	attack_arm();
	for (;;) {
		/* The timer must still take the CPU away. */
	}
}

/* Point the main (exception) stack at user memory, then take an exception. */
static void move_main_stack(void *arg)
{
	ARG_UNUSED(arg);
	uint32_t top = (uint32_t)(uintptr_t)&fake_msp_stack[ARRAY_SIZE(fake_msp_stack) - 8];

	for (size_t i = 0; i < ARRAY_SIZE(fake_msp_stack); i++) {
		fake_msp_stack[i] = 0x5a5a5a5aU;
	}
	__asm__ volatile("msr msp, %0\n\t"
			 "isb" ::"r"(top)
			 : "memory");
	attack_arm();
	k_yield(); /* an SVC, and the switch to another thread and back */
}

static void read_word(void *addr)
{
	attack_arm();
	attack_log.loot = *(volatile uint32_t *)addr;
}

/* Give user mode all memory through the last MPU region, then read the kernel. */
static void open_mpu(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	*(volatile uint32_t *)MPU_RBAR = 0x0U | (1U << 4) | 7U;        /* base 0, region 7 */
	*(volatile uint32_t *)MPU_RASR = (3U << 24) | (31U << 1) | 1U; /* 4 GiB, full access */
	attack_log.loot = kernel_secret;
}

/* Point the exceptions at user code. */
static void write_vtor(void *arg)
{
	attack_arm();
	*(volatile uint32_t *)SCB_VTOR = (uint32_t)(uintptr_t)arg;
}

/* An EXC_RETURN value (to privileged Thread mode, main stack) as a branch target. */
static void forged_exception_return(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	__asm__ volatile("bx %0" ::"r"(0xfffffff9U) : "memory");
}

static void breakpoint(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	__asm__ volatile("bkpt #0" ::: "memory");
}

/*
 * SVC's immediate means nothing from user mode: every SVC is a system call,
 * its ID in r12. The numbers the kernel uses for itself (a switch, a fatal
 * error, irq_offload(), a system call's end) with an unknown ID are refused.
 */
static void svc_kernel_number(void *number)
{
	register uintptr_t r0 __asm__("r0") = (uintptr_t)&kernel_secret;
	register uintptr_t r1 __asm__("r1") = (uintptr_t)&kernel_secret;
	register uintptr_t r12 __asm__("r12") = 0x7fff0000U + (uintptr_t)number;

	attack_arm();
	switch ((uintptr_t)number) {
	case 0:
		__asm__ volatile("svc 0" : "+r"(r0), "+r"(r1) : "r"(r12) : "memory");
		break;
	case 1:
		__asm__ volatile("svc 1" : "+r"(r0), "+r"(r1) : "r"(r12) : "memory");
		break;
	case 2:
		__asm__ volatile("svc 2" : "+r"(r0), "+r"(r1) : "r"(r12) : "memory");
		break;
	default:
		__asm__ volatile("svc 3" : "+r"(r0), "+r"(r1) : "r"(r12) : "memory");
		break;
	}
	attack_log.loot = r0;
}

/*
 * A stack pointer into kernel memory, then an exception: its frame cannot be
 * pushed, and the stacking fault comes first, with the exception that wanted
 * the frame (an unaligned access's UsageFault, an SVC) still pending behind
 * it. Both are the one event: the thread dies once, and nothing runs later on
 * another thread's context.
 */
/* Where the stack limit registers bound the stacks (ARMv8-M), the pointer is below its limit. */
#ifdef Z_ARM_STACK_LIMITS
#define BAD_STACK_REASON K_ERR_STACK_CHK_FAIL
#else
#define BAD_STACK_REASON K_ERR_CPU_EXCEPTION
#endif

static void bad_stack_then(void *what)
{
	uintptr_t sp = ((uintptr_t)&kernel_secret + 64U) & ~(uintptr_t)7U;

	attack_arm();
	if (what == NULL) {
		__asm__ volatile("mov sp, %0\n\t"
				 "ldrd r2, r3, [%1]" ::"r"(sp),
				 "r"(9U)
				 : "r2", "r3", "memory");
	} else {
		__asm__ volatile("mov sp, %0\n\t"
				 "svc 4" ::"r"(sp)
				 : "memory");
	}
}

ZTEST(attacks_cpu, test_write_control) {
	control_after = 0U;
	attack_print_target((const void *)&kernel_secret);
	attack_run(K_ERR_CPU_EXCEPTION, clear_npriv, NULL, NULL);
	zassert_equal(control_after, CONTROL_NPRIV | CONTROL_SPSEL, "CONTROL became 0x%x",
		      control_after);
	zassert_equal(attack_log.loot, LOOT_NONE, "kernel data leaked");
}

/* Were the masks taken, the timer could not end this join. */
ZTEST(attacks_cpu, test_mask_interrupts) {
	unsigned int faults = ztest_fault_count();

	attack_prepare(&attacker_thread, attacker_stack, mask_interrupts, NULL, NULL);
	attack_log.armed = 0U;
	k_thread_start(&attacker_thread);
	zassert_equal(k_thread_join(&attacker_thread, K_MSEC(10)), -EAGAIN);
	zassert_true(attack_log.armed, "the attacker did not reach its loop");
	zassert_equal(basepri_after, 0U, "user mode sees BASEPRI 0x%x", basepri_after);
	zassert_equal(primask_after, 0U, "user mode sees PRIMASK 0x%x", primask_after);
	k_thread_abort(&attacker_thread);
	zassert_equal(ztest_fault_count(), faults);
}

/* Had the write taken, the SVC's frame and the kernel's would have gone into user memory. */
ZTEST(attacks_cpu, test_write_main_stack_pointer) {
	user_run(move_main_stack, NULL, NULL);
	zassert_true(attack_log.armed);
	for (size_t i = 0; i < ARRAY_SIZE(fake_msp_stack); i++) {
		zassert_equal(fake_msp_stack[i], 0x5a5a5a5aU, "word %u of the fake stack written",
			      (unsigned int)i);
	}
}

ZTEST(attacks_cpu, test_read_mpu) {
	attack_print_target((const void *)MPU_RBAR);
	attack_run(K_ERR_CPU_EXCEPTION, read_word, (void *)MPU_RBAR, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_cpu, test_write_mpu) {
	attack_print_target((const void *)MPU_RBAR);
	attack_run(K_ERR_CPU_EXCEPTION, open_mpu, NULL, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE, "kernel data leaked");
}

ZTEST(attacks_cpu, test_write_vtor) {
	attack_print_target((const void *)SCB_VTOR);
	attack_run(K_ERR_CPU_EXCEPTION, write_vtor, (void *)(uintptr_t)breakpoint, NULL);
}

ZTEST(attacks_cpu, test_forged_exception_return) {
	attack_run(K_ERR_CPU_EXCEPTION, forged_exception_return, NULL, NULL);
}

ZTEST(attacks_cpu, test_bkpt) {
	attack_run(K_ERR_CPU_EXCEPTION, breakpoint, NULL, NULL);
}

ZTEST(attacks_cpu, test_svc_switch_number) {
	attack_run(K_ERR_KERNEL_OOPS, svc_kernel_number, (void *)0, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_cpu, test_svc_except_number) {
	attack_run(K_ERR_KERNEL_OOPS, svc_kernel_number, (void *)1, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_cpu, test_svc_irq_offload_number) {
	attack_run(K_ERR_KERNEL_OOPS, svc_kernel_number, (void *)2, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_cpu, test_svc_syscall_return_number) {
	attack_run(K_ERR_KERNEL_OOPS, svc_kernel_number, (void *)3, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_cpu, test_bad_stack_then_unaligned_access) {
	attack_run(BAD_STACK_REASON, bad_stack_then, NULL, NULL);
	zassert_equal(kernel_secret, 0x6b5ec2e7U, "kernel data written");
}

ZTEST(attacks_cpu, test_bad_stack_then_svc) {
	attack_run(BAD_STACK_REASON, bad_stack_then, (void *)1, NULL);
	zassert_equal(kernel_secret, 0x6b5ec2e7U, "kernel data written");
}
