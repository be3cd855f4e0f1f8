/*
 * Events (k_event). A waiter leaves what it waits for in base.swap_data (a
 * struct on its own kernel stack); every change of the events, under the
 * scheduler lock, walks the wait queue and wakes each waiter it satisfies,
 * handing it the events it got, so that a change right after cannot take
 * them back from a waiter that has not run yet.
 *
 * The _safe waits consume what they get: the events a waiter is handed leave
 * the object in the same hold of the lock. Every waiter a change satisfies is
 * judged on the events as that change left them, before any is consumed, so
 * two consuming waiters woken by one post both get the events they match.
 */
#include <ksched.h>
#include <kobject_init.h>

struct event_wait {
	uint32_t desired;
	bool all;
	bool consume; /* k_event_wait_safe(), k_event_wait_all_safe() */
	uint32_t got;
};

static bool satisfied(const struct event_wait *w, uint32_t events)
{
	uint32_t match = events & w->desired;

	return w->all ? match == w->desired : match != 0U;
}

void z_impl_k_event_init(struct k_event *event)
{
	if (z_object_init_begin_for(event, K_OBJ_EVENT) != 0) {
		return;
	}
	sys_dlist_init(&event->wait_q.waitq);
	event->events = 0;
	z_object_init_end_for(event);
}

/*
 * events = (events & ~mask) | (new & mask); wake whom that satisfies. Returns
 * the events of @mask as they were (what the call may have changed).
 */
static uint32_t change(struct k_event *event, uint32_t new_events, uint32_t mask)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint32_t old = event->events;
	uint32_t consumed = 0;
	sys_dnode_t *n;
	sys_dnode_t *s;

	event->events = (old & ~mask) | (new_events & mask);
	SYS_DLIST_FOR_EACH_NODE_SAFE(&event->wait_q.waitq, n, s) {
		struct k_thread *t = CONTAINER_OF(n, struct k_thread, base.qnode);
		struct event_wait *w = t->base.swap_data;

		if (satisfied(w, event->events)) {
			w->got = event->events & w->desired;
			if (w->consume) {
				consumed |= w->got;
			}
			z_wake_thread(t, 0);
		}
	}
	event->events &= ~consumed;
	z_reschedule(key);
	return old & mask;
}

uint32_t z_impl_k_event_post(struct k_event *event, uint32_t events)
{
	return change(event, events, events);
}

uint32_t z_impl_k_event_set(struct k_event *event, uint32_t events)
{
	return change(event, events, UINT32_MAX);
}

uint32_t z_impl_k_event_set_masked(struct k_event *event, uint32_t events, uint32_t events_mask)
{
	return change(event, events, events_mask);
}

uint32_t z_impl_k_event_clear(struct k_event *event, uint32_t events)
{
	return change(event, 0, events);
}

static uint32_t wait(struct k_event *event, uint32_t events, bool all, bool consume, bool reset,
		     k_timeout_t timeout)
{
	struct event_wait w = { .desired = events, .all = all, .consume = consume, .got = 0 };
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (reset) {
		event->events = 0;
	}
	if (satisfied(&w, event->events)) {
		w.got = event->events & events;
		if (consume) {
			event->events &= ~w.got;
		}
		k_spin_unlock(&_sched_spinlock, key);
		return w.got;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	__ASSERT(!k_is_in_isr(), "k_event_wait may only wait in a thread");
	_current->base.swap_data = &w;
	return z_pend_curr(key, &event->wait_q, timeout) == 0 ? w.got : 0;
}

uint32_t z_impl_k_event_wait(struct k_event *event, uint32_t events, bool reset,
			     k_timeout_t timeout)
{
	return wait(event, events, false, false, reset, timeout);
}

uint32_t z_impl_k_event_wait_all(struct k_event *event, uint32_t events, bool reset,
				 k_timeout_t timeout)
{
	return wait(event, events, true, false, reset, timeout);
}

uint32_t z_impl_k_event_wait_safe(struct k_event *event, uint32_t events, bool reset,
				  k_timeout_t timeout)
{
	return wait(event, events, false, true, reset, timeout);
}

uint32_t z_impl_k_event_wait_all_safe(struct k_event *event, uint32_t events, bool reset,
				      k_timeout_t timeout)
{
	return wait(event, events, true, true, reset, timeout);
}

#ifdef CONFIG_USERSPACE
#define EVENT_CHECK(e) K_OOPS(K_SYSCALL_OBJ(e, K_OBJ_EVENT))

void z_vrfy_k_event_init(struct k_event *event)
{
	K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(event, K_OBJ_EVENT));
	z_impl_k_event_init(event);
}

uint32_t z_vrfy_k_event_post(struct k_event *event, uint32_t events)
{
	EVENT_CHECK(event);
	return z_impl_k_event_post(event, events);
}

uint32_t z_vrfy_k_event_set(struct k_event *event, uint32_t events)
{
	EVENT_CHECK(event);
	return z_impl_k_event_set(event, events);
}

uint32_t z_vrfy_k_event_set_masked(struct k_event *event, uint32_t events, uint32_t events_mask)
{
	EVENT_CHECK(event);
	return z_impl_k_event_set_masked(event, events, events_mask);
}

uint32_t z_vrfy_k_event_clear(struct k_event *event, uint32_t events)
{
	EVENT_CHECK(event);
	return z_impl_k_event_clear(event, events);
}

uint32_t z_vrfy_k_event_wait(struct k_event *event, uint32_t events, bool reset,
			     k_timeout_t timeout)
{
	EVENT_CHECK(event);
	return z_impl_k_event_wait(event, events, reset, timeout);
}

uint32_t z_vrfy_k_event_wait_all(struct k_event *event, uint32_t events, bool reset,
				 k_timeout_t timeout)
{
	EVENT_CHECK(event);
	return z_impl_k_event_wait_all(event, events, reset, timeout);
}

uint32_t z_vrfy_k_event_wait_safe(struct k_event *event, uint32_t events, bool reset,
				  k_timeout_t timeout)
{
	EVENT_CHECK(event);
	return z_impl_k_event_wait_safe(event, events, reset, timeout);
}

uint32_t z_vrfy_k_event_wait_all_safe(struct k_event *event, uint32_t events, bool reset,
				      k_timeout_t timeout)
{
	EVENT_CHECK(event);
	return z_impl_k_event_wait_all_safe(event, events, reset, timeout);
}
#endif
