/*
 * Thread life cycle: create, start, suspend/resume, sleep/wakeup, abort, join,
 * names and priorities (the base priority; the effective one is kernel/mutex.c's).
 *
 * A thread's storage (struct k_thread and its stack) belongs to the caller.
 * After a thread has ended, both may be reused as soon as k_thread_join() has
 * returned or the thread is known to be dead.
 */
#include <string.h>
#include <ksched.h>
#include <sched_smp.h>
#include <timeout_q.h>
#include <arch_interface.h>
#include <kthread.h>
#include <kuser.h>
#include <thread_ext_internal.h>
#include <breeze/tracing.h>

/* The idle thread's level is its alone: a thread there would never run. */
static __maybe_unused bool is_valid_prio(int prio)
{
	return prio >= K_HIGHEST_APPLICATION_THREAD_PRIO &&
	       prio <= K_LOWEST_APPLICATION_THREAD_PRIO;
}

/* Delayed start: the timeout of a thread created with a delay. */
static void start_timeout(struct _timeout *to)
{
	struct k_thread *t = CONTAINER_OF(to, struct k_thread, base.timeout);

	t->base.thread_state &= ~_THREAD_PRESTART;
	z_ready_thread_locked(t);
}

FUNC_NORETURN void z_thread_entry(k_thread_entry_t entry, void *p1, void *p2, void *p3)
{
#ifdef CONFIG_USERSPACE
	if ((_current->base.user_options & K_USER) != 0U) {
		z_thread_user_start(entry, p1, p2, p3);
	}
#endif
	entry(p1, p2, p3);
	z_impl_k_thread_abort(_current);
	CODE_UNREACHABLE;
}

/*
 * A kernel stack: [guard | stack ... TLS]. Returns the initial stack top and
 * the TLS block in *@tls.
 */
static char *kernel_stack_layout(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
				 void **tls)
{
	char *top = (char *)ROUND_DOWN((uintptr_t)stack + stack_size, ARCH_STACK_PTR_ALIGN);

#ifdef CONFIG_HW_STACK_PROTECTION
	uintptr_t guard = Z_KERNEL_STACK_GUARD(stack);

	__ASSERT(guard + Z_STACK_GUARD_SIZE + 256U <= (uintptr_t)top,
		 "stack %p of %u bytes leaves no room above its guard", (void *)stack,
		 (unsigned int)stack_size);
	arch_stack_guard_set(t, guard);
#endif
	*tls = z_tls_setup(&top, t, false);
	return top;
}

void z_setup_new_thread(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
			k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
			uint32_t options)
{
	/* Keep the object header: the registry finds this storage through it. */
	memset((char *)t + Z_THREAD_KEEP_BYTES, 0, sizeof(*t) - Z_THREAD_KEEP_BYTES);
	sys_dnode_init(&t->base.qnode);
	z_init_timeout(&t->base.timeout);
	sys_dlist_init(&t->join_queue.waitq);
	z_thread_prio_store(t, prio);
	t->base.base_prio = (int8_t)prio;
	t->base.user_options = (uint8_t)options;
	t->base.thread_state = _THREAD_PRESTART;
#ifdef CONFIG_SMP
	t->base.cpu = Z_NO_CPU;
#endif
#ifdef CONFIG_SCHED_CPU_MASK
	t->base.cpu_mask = IS_ENABLED(CONFIG_SCHED_CPU_MASK_PIN_ONLY)
			       ? (uint8_t)BIT(0)
			       : (uint8_t)BIT_MASK(CONFIG_MP_MAX_NUM_CPUS);
#endif
	t->stack_info.start = (uintptr_t)stack;
	t->stack_info.size = stack_size;
	/* As in Zephyr, a new thread allocates from its creator's resource pool. */
	t->resource_pool = _current != NULL ? _current->resource_pool : NULL;

	void *tls;
	char *top = z_stack_is_user_capable(stack)
			? z_thread_stack_layout(t, stack, stack_size, &tls)
			: kernel_stack_layout(t, stack, stack_size, &tls);

	z_thread_stack_paint(t, stack, top);
	arch_new_thread(t, top, tls, entry, p1, p2, p3);
	z_thread_user_setup(t, _current);
	z_thread_monitor_add(t);
	sys_port_trace_thread_create(t);
}

void z_thread_schedule_start(struct k_thread *t, k_timeout_t delay)
{
	if (K_TIMEOUT_EQ(delay, K_NO_WAIT)) {
		z_impl_k_thread_start(t);
	} else if (!K_TIMEOUT_EQ(delay, K_FOREVER)) {
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

		z_add_timeout(&t->base.timeout, start_timeout, delay.ticks);
		k_spin_unlock(&_sched_spinlock, key);
	}
}

k_tid_t z_impl_k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack,
			       size_t stack_size, k_thread_entry_t entry, void *p1, void *p2,
			       void *p3, int prio, uint32_t options, k_timeout_t delay)
{
	__ASSERT(!k_is_in_isr(), "threads cannot be created in an ISR");
	__ASSERT(is_valid_prio(prio), "invalid priority %d", prio);
	__ASSERT(stack_size >= 256U, "stack of %u bytes is too small", (unsigned int)stack_size);

	z_setup_new_thread(new_thread, stack, stack_size, entry, p1, p2, p3, prio, options);
	z_thread_schedule_start(new_thread, delay);
	return new_thread;
}

void z_impl_k_thread_start(k_tid_t t)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if ((t->base.thread_state & _THREAD_PRESTART) == 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	(void)z_abort_timeout(&t->base.timeout);
	t->base.thread_state &= ~_THREAD_PRESTART;
	z_ready_thread_locked(t);
	z_reschedule(key);
}

void z_impl_k_thread_suspend(k_tid_t t)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if ((t->base.thread_state & (_THREAD_DEAD | _THREAD_SUSPENDED)) != 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	t->base.thread_state |= _THREAD_SUSPENDED;
	z_dequeue_thread_locked(t);
	sys_port_trace_thread_suspend(t);
	if (z_smp_runs_elsewhere(t)) {
		/* Returns once t has stopped on the CPU that ran it. */
		k_spin_unlock(&_sched_spinlock, z_smp_stop_remote(t, key));
		return;
	}
	if (t == _current && !z_in_isr_locked()) {
		(void)z_swap(key);
		return;
	}
	k_spin_unlock(&_sched_spinlock, key);
}

void z_impl_k_thread_resume(k_tid_t t)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if ((t->base.thread_state & _THREAD_SUSPENDED) == 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	t->base.thread_state &= ~_THREAD_SUSPENDED;
	z_ready_thread_locked(t);
	z_reschedule(key);
}

/*
 * The end of an essential thread is a fatal error, as in Zephyr: the thread
 * ends, then the caller raises a kernel panic. The flag goes first, so that
 * the abort the fatal error path makes of the caller (the same thread, when
 * it ends itself) is an ordinary one. If k_sys_fatal_error_handler() returns,
 * the caller is aborted too; in an ISR the system halts.
 */
static void essential_abort(struct k_thread *t, k_spinlock_key_t key)
{
	z_thread_essential_clear(t);
	if (t != _current || z_in_isr_locked()) {
		z_thread_halt_locked(t);
		z_thread_user_exit_locked(t);
	}
	k_spin_unlock(&_sched_spinlock, key);
	printk("essential thread %p aborted\n", (void *)t);
	k_panic();
}

void z_impl_k_thread_abort(k_tid_t t)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if ((t->base.thread_state & _THREAD_DEAD) != 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	sys_port_trace_thread_abort(t);
	if ((t->base.user_options & K_ESSENTIAL) != 0U) {
		essential_abort(t, key);
		return;
	}
	if (z_smp_runs_elsewhere(t)) {
		/*
		 * The CPU running t ends it at its next scheduling point, which
		 * the interrupt makes come at once (sched_smp.c); this returns
		 * after that.
		 */
		t->base.thread_state |= _THREAD_ABORTING;
		z_dequeue_thread_locked(t);
		z_reschedule(z_smp_stop_remote(t, key));
		return;
	}
	z_thread_halt_locked(t);
	z_thread_user_exit_locked(t);
	if (t == _current && !z_in_isr_locked()) {
		/*
		 * Never returns where the switch is immediate; a port that
		 * switches at an exception's exit returns here when the fault
		 * handler of the thread ended it (see arch_switch()).
		 */
		z_swap_ended(key);
		return;
	}
	z_reschedule(key);
}

int z_impl_k_thread_join(struct k_thread *t, k_timeout_t timeout)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if ((t->base.thread_state & _THREAD_DEAD) != 0U) {
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
	if (t == _current || _current->base.pended_on == &t->join_queue ||
	    t->base.pended_on == &_current->join_queue) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EDEADLK;
	}
	__ASSERT(!k_is_in_isr(), "k_thread_join in an ISR");
	return z_pend_curr(key, &t->join_queue, timeout);
}

int z_impl_k_thread_priority_get(k_tid_t t)
{
	return t->base.prio;
}

void z_impl_k_thread_priority_set(k_tid_t t, int prio)
{
	__ASSERT(is_valid_prio(prio), "invalid priority %d", prio);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	z_thread_base_prio_set_locked(t, prio);
	z_reschedule(key);
}

uint64_t z_tick_sleep(k_ticks_t ticks)
{
	if (ticks == 0) {
		z_impl_k_yield();
		return 0;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct _timeout *to = &_current->base.timeout;

	(void)z_pend_curr(key, NULL, Z_TIMEOUT_TICKS(ticks));
	/* Woken early by k_wakeup(): the timeout was disarmed with time left. */
	key = k_spin_lock(&_sched_spinlock);
	uint64_t left = 0;
	uint64_t now = sys_clock_cycle_get_64();

	if (to->expiry > now) {
		left = to->expiry - now;
	}
	k_spin_unlock(&_sched_spinlock, key);
	return left;
}

/* Sleep @ticks; what was left when woken early, in units of 1/@per_sec s, rounded up. */
static __noinline int32_t sleep_left(k_ticks_t ticks, uint32_t per_sec)
{
	uint64_t left = DIV_ROUND_UP(z_tick_sleep(ticks) * per_sec,
				     (uint64_t)CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC);

	return (int32_t)MIN(left, (uint64_t)INT32_MAX);
}

int32_t z_impl_k_sleep(k_timeout_t timeout)
{
	if (K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		z_impl_k_thread_suspend(_current);
		return (int32_t)K_TICKS_FOREVER;
	}
	return sleep_left(timeout.ticks, 1000U);
}

int32_t k_msleep(int32_t ms)
{
	return k_sleep(K_MSEC(ms));
}

int32_t z_impl_k_usleep(int32_t us)
{
	return sleep_left(K_USEC(us).ticks, 1000000U);
}

void z_impl_k_wakeup(k_tid_t t)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if ((t->base.thread_state & _THREAD_SLEEPING) != 0U) {
		z_wake_thread(t, 0);
	} else if (t->base.thread_state == _THREAD_SUSPENDED) {
		/* k_sleep(K_FOREVER) suspends: a wakeup ends it, as in Zephyr. */
		t->base.thread_state &= ~_THREAD_SUSPENDED;
		z_ready_thread_locked(t);
	} else {
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	z_reschedule(key);
}

int z_impl_k_thread_name_set(k_tid_t t, const char *name)
{
#ifdef CONFIG_THREAD_NAME
	if (name == NULL) {
		return -EINVAL;
	}
	if (t == NULL) {
		t = _current; /* as in Zephyr: NULL names the caller */
	}
	strncpy(t->name, name, sizeof(t->name) - 1U);
	t->name[sizeof(t->name) - 1U] = '\0';
	sys_port_trace_thread_name_set(t);
	return 0;
#else
	ARG_UNUSED(t);
	ARG_UNUSED(name);
	return -ENOSYS;
#endif
}

int z_impl_k_thread_name_copy(k_tid_t t, char *buf, size_t size)
{
#ifdef CONFIG_THREAD_NAME
	size_t len = strlen(t->name) + 1U;

	if (len > size) {
		return -ENOSPC;
	}
	memcpy(buf, t->name, len);
	return 0;
#else
	ARG_UNUSED(t);
	ARG_UNUSED(buf);
	ARG_UNUSED(size);
	return -ENOSYS;
#endif
}

const char *k_thread_name_get(k_tid_t t)
{
#ifdef CONFIG_THREAD_NAME
	return t->name;
#else
	ARG_UNUSED(t);
	return NULL;
#endif
}
