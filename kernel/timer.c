/*
 * Timers (k_timer), on the timeout list like every other timed event.
 *
 * A periodic timer is re-armed from its previous expiry, not from the moment
 * its handler runs, so it does not drift. Timeout handlers run under the
 * scheduler lock; the timer's releases it around the expiry function, which
 * may call the kernel (give a semaphore, restart or stop this very timer).
 * That is sound because the handler runs in the timer interrupt, interrupts
 * masked, and the state it leaves before releasing is complete.
 */
#include <ksched.h>
#include <timeout_q.h>
#include <kobject_init.h>

/* A period of K_NO_WAIT, K_FOREVER or an absolute time: one-shot. */
static bool periodic(const struct k_timer *timer)
{
	return timer->period.ticks > 0;
}

static void expired(struct _timeout *to)
{
	struct k_timer *timer = CONTAINER_OF(to, struct k_timer, timeout);

	if (periodic(timer)) {
		z_readd_timeout(to, expired, timer->period.ticks);
	}
	timer->status++;
	if (timer->expiry_fn != NULL) {
		k_spin_release(&_sched_spinlock);
		timer->expiry_fn(timer);
		(void)k_spin_lock(&_sched_spinlock); /* interrupts stay masked: no key to keep */
	}
	(void)z_wake_first(&timer->wait_q, 0);
}

void k_timer_init(struct k_timer *timer, k_timer_expiry_t expiry_fn, k_timer_stop_t stop_fn)
{
	if (z_object_init_begin_for(timer, K_OBJ_TIMER) != 0) {
		return;
	}
	z_init_timeout(&timer->timeout);
	sys_dlist_init(&timer->wait_q.waitq);
	timer->expiry_fn = expiry_fn;
	timer->stop_fn = stop_fn;
	timer->period = K_NO_WAIT;
	timer->status = 0U;
	timer->user_data = NULL;
	z_object_init_end_for(timer);
}

void z_impl_k_timer_start(struct k_timer *timer, k_timeout_t duration, k_timeout_t period)
{
	if (K_TIMEOUT_EQ(duration, K_FOREVER)) {
		return;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	(void)z_abort_timeout(&timer->timeout);
	timer->period = period;
	timer->status = 0U;
	z_add_timeout(&timer->timeout, expired, duration.ticks);
	k_spin_unlock(&_sched_spinlock, key);
}

void z_impl_k_timer_stop(struct k_timer *timer)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	bool was_running = z_abort_timeout(&timer->timeout) == 0;

	k_spin_unlock(&_sched_spinlock, key);
	if (!was_running) {
		return;
	}
	if (timer->stop_fn != NULL) {
		timer->stop_fn(timer); /* in the caller's context, as in Zephyr */
	}
	key = k_spin_lock(&_sched_spinlock);
	(void)z_wake_all(&timer->wait_q, 0);
	z_reschedule(key);
}

uint32_t z_impl_k_timer_status_get(struct k_timer *timer)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint32_t status = timer->status;

	timer->status = 0U;
	k_spin_unlock(&_sched_spinlock, key);
	return status;
}

uint32_t z_impl_k_timer_status_sync(struct k_timer *timer)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (timer->status == 0U && !z_is_inactive_timeout(&timer->timeout)) {
		__ASSERT(!k_is_in_isr(), "k_timer_status_sync may only wait in a thread");
		(void)z_pend_curr(key, &timer->wait_q, K_FOREVER);
		key = k_spin_lock(&_sched_spinlock);
	}
	uint32_t status = timer->status;

	timer->status = 0U;
	k_spin_unlock(&_sched_spinlock, key);
	return status;
}

k_ticks_t z_impl_k_timer_expires_ticks(const struct k_timer *timer)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	k_ticks_t ticks = z_timeout_expires_ticks(&timer->timeout);

	k_spin_unlock(&_sched_spinlock, key);
	return ticks;
}

k_ticks_t z_impl_k_timer_remaining_ticks(const struct k_timer *timer)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	k_ticks_t ticks = z_timeout_remaining_ticks(&timer->timeout);

	k_spin_unlock(&_sched_spinlock, key);
	return ticks;
}

void z_impl_k_timer_user_data_set(struct k_timer *timer, void *user_data)
{
	timer->user_data = user_data;
}

void *z_impl_k_timer_user_data_get(const struct k_timer *timer)
{
	return timer->user_data;
}

#ifdef CONFIG_USERSPACE
#define TIMER_CHECK(t) K_OOPS(K_SYSCALL_OBJ(t, K_OBJ_TIMER))

void z_vrfy_k_timer_start(struct k_timer *timer, k_timeout_t duration, k_timeout_t period)
{
	TIMER_CHECK(timer);
	z_impl_k_timer_start(timer, duration, period);
}

void z_vrfy_k_timer_stop(struct k_timer *timer)
{
	TIMER_CHECK(timer);
	z_impl_k_timer_stop(timer);
}

uint32_t z_vrfy_k_timer_status_get(struct k_timer *timer)
{
	TIMER_CHECK(timer);
	return z_impl_k_timer_status_get(timer);
}

uint32_t z_vrfy_k_timer_status_sync(struct k_timer *timer)
{
	TIMER_CHECK(timer);
	return z_impl_k_timer_status_sync(timer);
}

k_ticks_t z_vrfy_k_timer_expires_ticks(const struct k_timer *timer)
{
	TIMER_CHECK(timer);
	return z_impl_k_timer_expires_ticks(timer);
}

k_ticks_t z_vrfy_k_timer_remaining_ticks(const struct k_timer *timer)
{
	TIMER_CHECK(timer);
	return z_impl_k_timer_remaining_ticks(timer);
}

void z_vrfy_k_timer_user_data_set(struct k_timer *timer, void *user_data)
{
	TIMER_CHECK(timer);
	z_impl_k_timer_user_data_set(timer, user_data);
}

void *z_vrfy_k_timer_user_data_get(const struct k_timer *timer)
{
	TIMER_CHECK(timer);
	return z_impl_k_timer_user_data_get(timer);
}
#endif
