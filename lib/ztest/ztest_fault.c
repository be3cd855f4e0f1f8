/*
 * Expected fatal errors: what ztest's k_sys_fatal_error_handler() does
 * (ztest_fatal_handler.c calls z_ztest_fatal_error()).
 *
 * The kernel prints its report, then calls the handler. An expected fault
 * (allowed by ztest_set_fault_valid(true), announced by ztest_expect_fault())
 * is counted and the handler returns, so the kernel aborts only the faulting thread. Any
 * other fault ends the whole run as a failure: after an unplanned fault
 * nothing the system does afterwards can be trusted. So does a fault in an
 * interrupt, expected or not, since the kernel halts after one anyway; the
 * run then still ends with the summary. User threads fault the same way: the
 * kernel aborts only the faulting thread once this handler returns.
 *
 * A test piece that ends while ztest_expect_fault() still waits for its fault
 * fails: the negative test tested nothing. ztest_set_fault_valid(true) only
 * allows one, as Zephyr's does (Zephyr's own suites rely on it).
 */
#include <breeze/ztest.h>
#include "ztest_internal.h"

enum expectation {
	EXPECT_NONE,
	EXPECT_ANY,    /* ztest_set_fault_valid(true) */
	EXPECT_REASON, /* ztest_expect_fault(expected_reason) */
};

/* Set from test code, user-mode tests included: in the ztest partition. */
static Z_ZTEST_STATE volatile enum expectation expectation;
static Z_ZTEST_STATE volatile unsigned int expected_reason;
static Z_ZTEST_STATE volatile unsigned int faults_caught;

void ztest_set_fault_valid(bool valid)
{
	expectation = valid ? EXPECT_ANY : EXPECT_NONE;
}

void ztest_expect_fault(unsigned int reason)
{
	expected_reason = reason;
	expectation = EXPECT_REASON;
}

unsigned int ztest_fault_count(void)
{
	return faults_caught;
}

bool z_ztest_withdraw_fault_expectation(bool report)
{
	enum expectation was = expectation;

	expectation = EXPECT_NONE;
	if (was != EXPECT_REASON) {
		/* ztest_set_fault_valid(true) allows a fault; as in Zephyr, it need not come. */
		return false;
	}
	if (report) {
		printk("\n    Expected fatal error %u did not happen\n", expected_reason);
	}
	return true;
}

/* Runs with interrupts locked, in the context that faulted. */
void z_ztest_fatal_error(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	bool expected = expectation == EXPECT_ANY ||
			(expectation == EXPECT_REASON && reason == expected_reason);

	if (k_is_in_isr()) {
		/* The kernel halts after a fault in an interrupt: report it our way first. */
		printk("\n    Fatal error %u in interrupt context (%s): the run cannot go on\n",
		       reason, expected ? "expected" : "unexpected");
	} else if (expected) {
		expectation = EXPECT_NONE;
		faults_caught++;
		printk("    (fatal error %u was expected: the faulting thread ends, tests go on)\n",
		       reason);
		return;
	} else if (expectation == EXPECT_REASON) {
		printk("\n    Unexpected fatal error %u (error %u was expected): ending the run\n",
		       reason, expected_reason);
	} else {
		printk("\n    Unexpected fatal error %u: ending the run\n", reason);
	}
	z_ztest_abort_run();
}
