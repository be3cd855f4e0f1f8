/*
 * Time slices of a thread's own (k_thread_time_slice_set()). The scheduler
 * (sched.c) arms and rotates; this file keeps the settings and runs the
 * expiry callback. The callback is noted under the lock when the slice ends
 * and called right after, from the same timer interrupt but with the lock
 * released, so that it may use kernel calls that are allowed in ISRs.
 */
#include <ksched.h>
#include <thread_ext_internal.h>

static struct k_thread *expired_thread; /* whose callback is due, or NULL */
static k_thread_timeslice_fn_t expired_fn;
static void *expired_data;

void k_thread_time_slice_set(struct k_thread *th, int32_t slice_ticks,
			     k_thread_timeslice_fn_t expired, void *data)
{
	__ASSERT(th != NULL, "NULL thread");
	__ASSERT(slice_ticks >= 0, "negative slice %d", (int)slice_ticks);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	th->ext.slice_ticks = slice_ticks;
	th->ext.slice_expired = expired;
	th->ext.slice_data = data;
	if (th == _current) {
		z_slice_reset_locked();
	}
	k_spin_unlock(&_sched_spinlock, key);
}

void z_thread_slice_expired_locked(struct k_thread *t)
{
	if (t->ext.slice_ticks > 0 && t->ext.slice_expired != NULL) {
		expired_thread = t;
		expired_fn = t->ext.slice_expired;
		expired_data = t->ext.slice_data;
	}
}

void z_thread_slice_callback_run(void)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct k_thread *t = expired_thread;
	k_thread_timeslice_fn_t fn = expired_fn;
	void *data = expired_data;

	expired_thread = NULL;
	k_spin_unlock(&_sched_spinlock, key);
	if (t != NULL) {
		fn(t, data);
	}
}
