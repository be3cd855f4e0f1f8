/*
 * Code built for one mode only (mode_only_user.c with __ZEPHYR_USER__,
 * mode_only_supervisor.c with __ZEPHYR_SUPERVISOR__): its system call wrappers
 * decide at build time, with no run-time test, and still give the results of
 * the mixed code's.
 */
#ifndef SYSCALLS_MODE_ONLY_H
#define SYSCALLS_MODE_ONLY_H

#include "user_util.h"

#define MODE_ONLY_RESULTS 8

extern volatile int mode_only_r[MODE_ONLY_RESULTS];

/*
 * The calls both files make on @s (count 0, limit 2), into mode_only_r: each
 * file builds them with its own wrappers.
 */
static inline void mode_only_calls(struct k_sem *s)
{
	mode_only_r[0] = z_syscall_trap(); /* decided when the file was built */
	mode_only_r[1] = k_sem_take(s, K_NO_WAIT);
	k_sem_give(s);
	k_sem_give(s);
	mode_only_r[2] = (int)k_sem_count_get(s);
	mode_only_r[3] = k_sem_take(s, K_NO_WAIT);
	mode_only_r[4] = k_uptime_ticks() > 0;
	mode_only_r[5] = k_thread_priority_get(k_current_get());
}

/* Thread entries running those calls on @sem: built for user mode only, for supervisor mode only.
 */
void mode_only_user_calls(void *sem, void *unused2, void *unused3);
void mode_only_supervisor_calls(void *sem, void *unused2, void *unused3);

#endif /* SYSCALLS_MODE_ONLY_H */
