/*
 * Built with __ZEPHYR_SUPERVISOR__ (CMakeLists.txt): every wrapper here calls
 * the implementation directly, without asking the thread's mode first. The
 * suite of both files lives here: its test bodies run in supervisor mode.
 * Code built for one mode and run in the other faults, and only its thread
 * ends.
 */
#include "mode_only.h"

RESULT volatile int mode_only_r[MODE_ONLY_RESULTS];

static struct k_sem mode_sem;

void mode_only_supervisor_calls(void *sem, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	mode_only_calls(sem);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < MODE_ONLY_RESULTS; i++) {
		mode_only_r[i] = NOT_REACHED;
	}
	zassert_equal(k_sem_init(&mode_sem, 0, 2), 0);
}

ZTEST_SUITE(sys_mode_only, NULL, NULL, before, NULL, NULL);

/* The results every variant must give: a wrapper built for one mode changes no result. */
static void check_results(bool trapped, int prio)
{
	zassert_equal(mode_only_r[0], trapped);
	zassert_equal(mode_only_r[1], -EBUSY);
	zassert_equal(mode_only_r[2], 2);
	zassert_equal(mode_only_r[3], 0);
	zassert_equal(mode_only_r[4], 1);
	zassert_equal(mode_only_r[5], prio);
	zassert_equal(k_sem_count_get(&mode_sem), 1U);
}

ZTEST(sys_mode_only, test_user_only_code_traps) {
	k_tid_t t = user_create(0, mode_only_user_calls, &mode_sem, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&mode_sem, t);
	run_to_end(t);
	check_results(true, USER_PRIO);
}

ZTEST(sys_mode_only, test_supervisor_only_code_calls_directly) {
	mode_only_supervisor_calls(&mode_sem, NULL, NULL);
	check_results(false, TEST_PRIO);
}

/*
 * Supervisor-only code run by a user thread calls the implementation
 * directly, which cannot work in user mode: the thread faults, and only it.
 */
ZTEST(sys_mode_only, test_supervisor_only_code_faults_in_user_mode) {
	k_tid_t t = user_create(0, mode_only_supervisor_calls, &mode_sem, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&mode_sem, t);
	run_expect_fault(t, K_ERR_CPU_EXCEPTION);
	zassert_equal(k_sem_count_get(&mode_sem), 0U, "a direct call in user mode took effect");
}

/*
 * User-only code run by a supervisor thread traps, but a trap from supervisor
 * mode is no system call: the thread ends with a CPU exception, and only it.
 */
ZTEST(sys_mode_only, test_user_only_code_faults_in_supervisor_mode) {
	k_tid_t t = pool_create(0, mode_only_user_calls, &mode_sem, NULL, NULL, USER_PRIO, 0);

	run_expect_fault(t, K_ERR_CPU_EXCEPTION);
	zassert_equal(mode_only_r[0], 1, "the code did not run");
	zassert_equal(mode_only_r[1], NOT_REACHED, "a trap from supervisor mode was served");
	zassert_equal(k_sem_count_get(&mode_sem), 0U);
}
