/*
 * System calls tried in the trap (syscall_attempt.h): the kernel's side of
 * declining a wait and holding back a switch until the port has delivered
 * the call's results.
 */
#include <ksched.h>
#include <syscall_attempt.h>

BUILD_ASSERT(!IS_ENABLED(CONFIG_SMP), "the attempt state is one CPU's");

uint32_t z_syscall_attempt;

int z_syscall_attempt_decline(k_spinlock_key_t key)
{
	z_syscall_attempt |= Z_SYSCALL_ATTEMPT_DECLINED;
	k_spin_unlock(&_sched_spinlock, key);
	return Z_PEND_DECLINED;
}

void z_syscall_attempt_defer_switch(k_spinlock_key_t key)
{
	z_syscall_attempt |= Z_SYSCALL_ATTEMPT_RESCHED;
	k_spin_unlock(&_sched_spinlock, key);
}

void z_syscall_attempt_resched(void)
{
	z_reschedule(k_spin_lock(&_sched_spinlock));
}
