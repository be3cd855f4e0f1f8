/*
 * Polling (k_poll) and poll signals.
 *
 * A thread that must wait registers its events in one kernel list and waits
 * alone on a wait queue of its own (on its stack). The objects hold no links
 * to pollers: a change that may satisfy pollers (see poll_internal.h) walks
 * the list for the events naming the object, by address. So an object that
 * is re-initialised, or freed and reused, while polled can cost at most a
 * spurious wake-up, never a stray write; and the kernel never writes through
 * an event's object pointer, it only reads a count under the lock.
 *
 * Everything runs under _sched_spinlock. The walk is as long as the events
 * registered system-wide: at most CONFIG_POLL_MAX_USER_EVENTS per user
 * thread, and what supervisor threads poll.
 */
#include <ksched.h>
#include <kobject_init.h>
#include <poll_internal.h>

struct z_poller {
	_wait_q_t wait_q; /* the polling thread alone */
	struct k_thread *thread;
};

/* Every event of every thread inside k_poll(); poll_internal.h tests it for emptiness inline. */
sys_dlist_t z_poll_registered = SYS_DLIST_STATIC_INIT(&z_poll_registered);

void k_poll_event_init(struct k_poll_event *event, uint32_t type, int mode, void *obj)
{
	__ASSERT(mode == K_POLL_MODE_NOTIFY_ONLY, "k_poll: only K_POLL_MODE_NOTIFY_ONLY");
	__ASSERT(type == K_POLL_TYPE_IGNORE || obj != NULL, "k_poll: an event needs an object");
	sys_dnode_init(&event->_node);
	event->poller = NULL;
	event->type = type;
	event->state = K_POLL_STATE_NOT_READY;
	event->mode = (uint32_t)mode;
	event->unused = 0;
	event->obj = obj;
}

/* The state @e's condition gives now, or K_POLL_STATE_NOT_READY. */
static uint32_t ready_state(const struct k_poll_event *e)
{
	switch (e->type) {
	case K_POLL_TYPE_SIGNAL:
		return e->signal->signaled != 0U ? K_POLL_STATE_SIGNALED : 0U;
	case K_POLL_TYPE_SEM_AVAILABLE:
		return e->sem->count > 0U ? K_POLL_STATE_SEM_AVAILABLE : 0U;
#ifdef CONFIG_K_QUEUE
	case K_POLL_TYPE_DATA_AVAILABLE:
		return e->queue->head != NULL ? K_POLL_STATE_DATA_AVAILABLE : 0U;
#endif
#ifdef CONFIG_MSGQ
	case K_POLL_TYPE_MSGQ_DATA_AVAILABLE:
		return e->msgq->used_msgs > 0U ? K_POLL_STATE_MSGQ_DATA_AVAILABLE : 0U;
#endif
#ifdef CONFIG_PIPES
	case K_POLL_TYPE_PIPE_DATA_AVAILABLE:
		return e->pipe->used > 0U ? K_POLL_STATE_PIPE_DATA_AVAILABLE : 0U;
#endif
	default:
		return K_POLL_STATE_NOT_READY;
	}
}

int z_impl_k_poll(struct k_poll_event *events, int num_events, k_timeout_t timeout)
{
	struct z_poller poller = { .thread = _current };
	bool ready = false;

	__ASSERT(num_events >= 0, "k_poll: a negative number of events");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	for (int i = 0; i < num_events; i++) {
		uint32_t state = ready_state(&events[i]);

		sys_dnode_init(&events[i]._node);
		events[i].poller = NULL;
		if (state != K_POLL_STATE_NOT_READY) {
			events[i].state |= state;
			ready = true;
		}
	}
	if (ready || K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return ready ? 0 : -EAGAIN;
	}
	__ASSERT(!k_is_in_isr(), "k_poll may only wait in a thread");
	sys_dlist_init(&poller.wait_q.waitq);
	for (int i = 0; i < num_events; i++) {
		if (events[i].type != K_POLL_TYPE_IGNORE) {
			events[i].poller = &poller;
			sys_dlist_append(&z_poll_registered, &events[i]._node);
		}
	}
	int ret = z_pend_curr(key, &poller.wait_q, timeout);

	/* Woken (0, -EINTR) or timed out (-EAGAIN): the events still registered leave. */
	key = k_spin_lock(&_sched_spinlock);
	for (int i = 0; i < num_events; i++) {
		if (sys_dnode_is_linked(&events[i]._node)) {
			sys_dlist_remove(&events[i]._node);
		}
		events[i].poller = NULL;
	}
	k_spin_unlock(&_sched_spinlock, key);
	return ret;
}

void z_poll_notify_registered(const void *obj, uint32_t state)
{
	sys_dnode_t *n;
	sys_dnode_t *s;

	SYS_DLIST_FOR_EACH_NODE_SAFE(&z_poll_registered, n, s) {
		struct k_poll_event *e = CONTAINER_OF(n, struct k_poll_event, _node);
		struct z_poller *p = e->poller;

		if (e->obj != obj) {
			continue;
		}
		sys_dlist_remove(n);
		e->state |= state;
		/* Still waiting (not timed out, not woken by another event). */
		if (p->thread->base.pended_on == &p->wait_q) {
			z_wake_thread(p->thread, state == K_POLL_STATE_CANCELLED ? -EINTR : 0);
		}
	}
}

void z_poll_thread_halt_locked(struct k_thread *t)
{
	sys_dnode_t *n;
	sys_dnode_t *s;

	SYS_DLIST_FOR_EACH_NODE_SAFE(&z_poll_registered, n, s) {
		if (CONTAINER_OF(n, struct k_poll_event, _node)->poller->thread == t) {
			sys_dlist_remove(n);
		}
	}
}

/* Poll signals */

void z_impl_k_poll_signal_init(struct k_poll_signal *sig)
{
	int ret = z_object_init_begin_for(sig, K_OBJ_POLL_SIGNAL);

	if (ret == -EALREADY) {
		/*
		 * A user thread re-initialising a signal: a signal links to no
		 * waiter (pollers are found by address), so re-initialising it
		 * is clearing it, which the thread could do anyway.
		 */
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

		sig->signaled = 0U;
		sig->result = 0;
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	if (ret != 0) {
		return;
	}
	sig->signaled = 0U;
	sig->result = 0;
	z_object_init_end_for(sig);
}

void z_impl_k_poll_signal_reset(struct k_poll_signal *sig)
{
	sig->signaled = 0U;
}

void z_impl_k_poll_signal_check(struct k_poll_signal *sig, unsigned int *signaled, int *result)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	*signaled = sig->signaled;
	*result = sig->result;
	k_spin_unlock(&_sched_spinlock, key);
}

int z_impl_k_poll_signal_raise(struct k_poll_signal *sig, int result)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	sig->result = result;
	sig->signaled = 1U;
	z_poll_notify_locked(sig, K_POLL_STATE_SIGNALED);
	z_reschedule(key);
	return 0;
}

#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>

/*
 * The events are copied in once, onto this kernel stack: the kernel links
 * only its copy, whose list links the caller never sees (they are cleared
 * before the copy back).
 */
int z_vrfy_k_poll(struct k_poll_event *events, int num_events, k_timeout_t timeout)
{
	struct k_poll_event copy[CONFIG_POLL_MAX_USER_EVENTS];
	uint32_t bytes;

	/* As Zephyr: a count whose size overflows is -EINVAL, a count too large -ENOMEM. */
	if (num_events < 0 ||
	    __builtin_mul_overflow((uint32_t)num_events, (uint32_t)sizeof(copy[0]), &bytes)) {
		return -EINVAL;
	}
	if ((size_t)num_events > ARRAY_SIZE(copy)) {
		return -ENOMEM;
	}
	if (bytes != 0U) {
		K_OOPS(K_SYSCALL_MEMORY_WRITE(events, bytes));
		K_OOPS(k_usermode_from_copy(copy, events, bytes) != 0);
	}
	/* Each object is checked like any system call argument (here: the report names k_poll). */
	for (int i = 0; i < num_events; i++) {
		const struct k_poll_event *e = &copy[i];

		if (e->mode != K_POLL_MODE_NOTIFY_ONLY) {
			return -EINVAL;
		}
		switch (e->type) {
		case K_POLL_TYPE_IGNORE:
			break;
		case K_POLL_TYPE_SIGNAL:
			K_OOPS(K_SYSCALL_OBJ(e->signal, K_OBJ_POLL_SIGNAL));
			break;
		case K_POLL_TYPE_SEM_AVAILABLE:
			K_OOPS(K_SYSCALL_OBJ(e->sem, K_OBJ_SEM));
			break;
#ifdef CONFIG_K_QUEUE
		case K_POLL_TYPE_DATA_AVAILABLE:
			K_OOPS(K_SYSCALL_OBJ(e->queue, K_OBJ_QUEUE));
			break;
#endif
#ifdef CONFIG_MSGQ
		case K_POLL_TYPE_MSGQ_DATA_AVAILABLE:
			K_OOPS(K_SYSCALL_OBJ(e->msgq, K_OBJ_MSGQ));
			break;
#endif
#ifdef CONFIG_PIPES
		case K_POLL_TYPE_PIPE_DATA_AVAILABLE:
			K_OOPS(K_SYSCALL_OBJ(e->pipe, K_OBJ_PIPE));
			break;
#endif
		default:
			return -EINVAL;
		}
	}
	int ret = z_impl_k_poll(copy, num_events, timeout);

	for (int i = 0; i < num_events; i++) {
		sys_dnode_init(&copy[i]._node);
		copy[i].poller = NULL;
	}
	if (bytes != 0U) {
		K_OOPS(k_usermode_to_copy(events, copy, bytes) != 0);
	}
	return ret;
}

void z_vrfy_k_poll_signal_init(struct k_poll_signal *sig)
{
	K_OOPS(K_SYSCALL_OBJ_INIT(sig, K_OBJ_POLL_SIGNAL));
	z_impl_k_poll_signal_init(sig);
}

void z_vrfy_k_poll_signal_reset(struct k_poll_signal *sig)
{
	K_OOPS(K_SYSCALL_OBJ(sig, K_OBJ_POLL_SIGNAL));
	z_impl_k_poll_signal_reset(sig);
}

/* Read into kernel variables; each copy out checks its buffer again. */
void z_vrfy_k_poll_signal_check(struct k_poll_signal *sig, unsigned int *signaled, int *result)
{
	unsigned int s;
	int r;

	K_OOPS(K_SYSCALL_OBJ(sig, K_OBJ_POLL_SIGNAL));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(signaled, sizeof(*signaled)));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(result, sizeof(*result)));
	z_impl_k_poll_signal_check(sig, &s, &r);
	K_OOPS(k_usermode_to_copy(signaled, &s, sizeof(s)) != 0);
	K_OOPS(k_usermode_to_copy(result, &r, sizeof(r)) != 0);
}

int z_vrfy_k_poll_signal_raise(struct k_poll_signal *sig, int result)
{
	K_OOPS(K_SYSCALL_OBJ(sig, K_OBJ_POLL_SIGNAL));
	return z_impl_k_poll_signal_raise(sig, result);
}
#endif
