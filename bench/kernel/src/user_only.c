/*
 * The null system call from code built to run in user mode only
 * (__ZEPHYR_USER__, CMakeLists.txt): its wrapper traps without first asking
 * the thread's mode, which the wrappers of mixed code (sync.c) do.
 */
#include "common.h"

void bench_null_user_only(void)
{
	BENCH_LOOP("syscall.null.user_only", ITERS, 0, (void)k_syscall_null());
}
