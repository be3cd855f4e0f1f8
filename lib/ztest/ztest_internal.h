/*
 * What the ztest runner, its fatal-error handling and its user-mode support
 * share.
 */
#ifndef BREEZE_LIB_ZTEST_INTERNAL_H
#define BREEZE_LIB_ZTEST_INTERNAL_H

#include <breeze/ztest.h>

/*
 * Harness state that test code writes (results, fault expectations): in the
 * ztest partition, so that user-mode tests reach it (nothing without
 * CONFIG_USERSPACE). State only the harness's supervisor threads touch stays
 * in kernel RAM, out of user reach.
 */
#define Z_ZTEST_STATE ZTEST_BMEM

/*
 * ztest's policy for a fatal error: an expected one is counted and the
 * faulting thread ends, any other ends the run.
 */
void z_ztest_fatal_error(unsigned int reason, const struct arch_esf *esf);

/* Fail the running test because of an unexpected fatal error and end the run. */
FUNC_NORETURN void z_ztest_abort_run(void);

/*
 * Withdraw any fatal-error expectation left when a test or hook ends. Returns
 * true if there was one, after printing why that fails the test if @report.
 */
bool z_ztest_withdraw_fault_expectation(bool report);

/*
 * End the current phase's thread (if a phase is active and it is not
 * @requester), then @requester. Supervisor mode, with the scheduler locked or
 * from a cooperative thread, so that nothing runs in between.
 */
void z_ztest_end_threads(struct k_thread *requester);

/*
 * Parameterized tests (ztest_param.c): the value of run @index of @inst is the
 * current one until z_ztest_param_end(); @label receives the run's name.
 */
void z_ztest_param_begin(const struct ztest_param_inst *inst, size_t index, char *label,
			 size_t label_size);
void z_ztest_param_end(void);

#ifdef CONFIG_USERSPACE
/*
 * Before the first suite: the ztest partition joins the default domain and
 * the thread that ends tests for user threads starts.
 */
void z_ztest_user_init(void);

/*
 * z_ztest_end_threads(k_current_get()) for a user thread, which may lock
 * neither the scheduler nor, without a grant, abort the test's thread: a
 * supervisor thread does it on its behalf.
 */
FUNC_NORETURN void z_ztest_user_end_test(void);
#endif

#endif /* BREEZE_LIB_ZTEST_INTERNAL_H */
