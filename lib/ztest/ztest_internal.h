/*
 * What the ztest runner and its fatal-error handling share.
 */
#ifndef BREEZE_LIB_ZTEST_INTERNAL_H
#define BREEZE_LIB_ZTEST_INTERNAL_H

#include <breeze/ztest.h>

/* Fail the running test because of an unexpected fatal error and end the run. */
FUNC_NORETURN void z_ztest_abort_run(void);

/*
 * Withdraw any fatal-error expectation left when a test or hook ends. Returns
 * true if there was one, after printing why that fails the test if @report.
 */
bool z_ztest_withdraw_fault_expectation(bool report);

#endif /* BREEZE_LIB_ZTEST_INTERNAL_H */
