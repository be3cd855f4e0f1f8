/*
 * System calls tried in the trap ([attempt] in kernel/syscalls.def,
 * CONFIG_SYSCALL_ATTEMPT). A port that serves such a call inside its trap
 * sets z_syscall_attempt to Z_SYSCALL_ATTEMPT_ON around the handler. If the
 * call must wait, z_pend_curr() declines instead: it marks the attempt
 * DECLINED and returns Z_PEND_DECLINED, the handler returns that at once
 * (having changed nothing), and the port runs the call again from the start
 * in a thread context, where it may wait. A switch the handler asks for
 * (z_reschedule() after waking a more urgent thread) is only marked
 * RESCHED: _current stays the caller while the handler finishes (its copies
 * to user memory are checked against the caller's regions), and the port
 * calls z_syscall_attempt_resched() once the results are in the caller's
 * frame. One CPU only: the state is global.
 */
#ifndef BREEZE_SYSCALL_ATTEMPT_H
#define BREEZE_SYSCALL_ATTEMPT_H

#define Z_SYSCALL_ATTEMPT_ON       1
#define Z_SYSCALL_ATTEMPT_DECLINED 2
#define Z_SYSCALL_ATTEMPT_RESCHED  4

#ifndef _ASMLANGUAGE
#include <breeze/kernel.h>

/* What z_pend_curr() returns for a wait it declined: no errno value. */
#define Z_PEND_DECLINED (-0x7ffe)

#ifdef CONFIG_SYSCALL_ATTEMPT
extern uint32_t z_syscall_attempt;

static ALWAYS_INLINE bool z_syscall_attempting(void)
{
	return z_syscall_attempt != 0U;
}
#else
static ALWAYS_INLINE bool z_syscall_attempting(void)
{
	return false;
}
#endif

/* For z_pend_curr() while attempting: mark the attempt declined, release @key. */
int z_syscall_attempt_decline(k_spinlock_key_t key);

/* For z_reschedule() while attempting: mark the switch for later, release @key. */
void z_syscall_attempt_defer_switch(k_spinlock_key_t key);

/* The port, the attempt over and its results delivered: the switch it held back. */
void z_syscall_attempt_resched(void);

#endif /* !_ASMLANGUAGE */
#endif /* BREEZE_SYSCALL_ATTEMPT_H */
