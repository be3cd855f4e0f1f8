/*
 * Expected fatal errors: an oops in a thread the test created and a panic in
 * the test thread itself end only the faulting thread and are counted; any
 * reason is accepted after ztest_set_fault_valid(true); an expectation can
 * be withdrawn with ztest_set_fault_valid(false).
 */
#include <zephyr/ztest.h>
#include "arch_test.h"

#define CHILD_STACK_SIZE 1024

static struct k_thread child;
static K_THREAD_STACK_DEFINE(child_stack, CHILD_STACK_SIZE);

static volatile bool before_fault, after_fault;
static unsigned int count_before_panic;

static void oops_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before_fault = true;
	k_oops();
	after_fault = true;
}

static void illegal_instruction_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	before_fault = true;
	/* An instruction the architecture defines as undefined. */
	__asm__ volatile(ARCH_TEST_ILLEGAL_INSN);
	after_fault = true;
}

static void run_child(k_thread_entry_t entry)
{
	before_fault = false;
	after_fault = false;
	k_thread_create(&child, child_stack, K_THREAD_STACK_SIZEOF(child_stack), entry, NULL, NULL,
			NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&child, K_FOREVER));
}

ZTEST_SUITE(faults, NULL, NULL, NULL, NULL, NULL);

ZTEST(faults, test_1_oops_in_child) {
	unsigned int count = ztest_fault_count();

	ztest_expect_fault(K_ERR_KERNEL_OOPS);
	run_child(oops_entry);
	zassert_equal(ztest_fault_count(), count + 1U);
	zassert_true(before_fault);
	zassert_false(after_fault, "the child went on after its oops");
}

ZTEST(faults, test_2_panic_in_test_thread) {
	count_before_panic = ztest_fault_count();
	before_fault = true;
	after_fault = false;
	ztest_expect_fault(K_ERR_KERNEL_PANIC);
	k_panic();
	after_fault = true;
}

ZTEST(faults, test_3_panic_was_counted) {
	zassert_equal(ztest_fault_count(), count_before_panic + 1U);
	zassert_true(before_fault);
	zassert_false(after_fault, "the test thread went on after its panic");
}

ZTEST(faults, test_4_any_reason) {
	unsigned int count = ztest_fault_count();

	ztest_set_fault_valid(true);
	run_child(illegal_instruction_entry);
	zassert_equal(ztest_fault_count(), count + 1U);
	zassert_true(before_fault);
	zassert_false(after_fault, "the child went on after an illegal instruction");
}

ZTEST(faults, test_5_withdrawn_expectation) {
	unsigned int count = ztest_fault_count();

	ztest_expect_fault(K_ERR_KERNEL_OOPS);
	ztest_set_fault_valid(false);
	zassert_equal(ztest_fault_count(), count);
}
