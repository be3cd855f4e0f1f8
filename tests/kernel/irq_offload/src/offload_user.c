/*
 * irq_offload() is supervisor-only: from a user thread its trap is an unknown
 * system call, and the thread ends in an oops without the routine running.
 */
#include "user_util.h"
#include <zephyr/irq_offload.h>

static volatile bool routine_ran;

static void routine(const void *param)
{
	ARG_UNUSED(param);
	routine_ran = true;
}

static void user_offload(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	irq_offload(routine, NULL);
}

ZTEST_SUITE(irq_offload_user, NULL, NULL, NULL, NULL, NULL);

ZTEST(irq_offload_user, test_user_thread_oops) {
	routine_ran = false;
	run_expect_fault(user_create(0, user_offload, NULL, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_false(routine_ran);
}
