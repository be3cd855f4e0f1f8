/*
 * The scheduler: ready queue, wait queues, blocking and switching.
 *
 * Invariants:
 * - The ready queue holds exactly the runnable threads, the running one
 *   included, each at the tail of its level when it became ready; with
 *   CONFIG_SCHED_CPU_MASK, only those whose CPU mask allows this CPU. Picking the
 *   next thread is the head of the most urgent non-empty level: O(1).
 * - The running thread is preempted only by a more urgent thread, and only if
 *   it is preemptible (priority >= 0) and has not locked the scheduler.
 *   Cooperative threads give up the CPU only by blocking or yielding.
 * - Wait queues are ordered by (effective) priority, FIFO among equals.
 *
 * With SMP (kernel/sched_smp.c), each CPU's pick skips the threads other CPUs
 * run and the idle threads stay out of the queue (each CPU falls back on its
 * own); a thread made ready interrupts the CPU it must preempt.
 */
#include <ksched.h>
#include <sched_smp.h>
#include <timeout_q.h>
#include <arch_interface.h>
#include <poll_internal.h>
#include <thread_ext_internal.h>
#include <syscall_attempt.h>
#include <breeze/tracing.h>

struct k_spinlock _sched_spinlock;

void z_sched_init(void)
{
	for (unsigned int i = 0; i < K_NUM_PRIORITIES; i++) {
		sys_dlist_init(&_kernel.ready_q.queues[i]);
	}
}

/*
 * On one CPU: whether the ready queue gained or lost a thread since an
 * interrupt's exit last decided whom to run. Only such a change can call for
 * a switch there (a thread's readiness and priority move it in or out of the
 * queue), so the exit of an interrupt that changed nothing skips the decision
 * (z_sched_isr_exit()). With SMP, other CPUs change the queue: always decide.
 */
static bool ready_q_changed;

/*
 * The ready levels' bitmap. With at most 32 levels (the usual case) it is one
 * word, which the compiler cannot know from a level: saying so saves the
 * word index on every enqueue and dequeue.
 */
#define READY_WORDS ARRAY_SIZE(_kernel.ready_q.bitmap)

static ALWAYS_INLINE uint32_t *ready_word(unsigned int level)
{
	return &_kernel.ready_q.bitmap[READY_WORDS == 1U ? 0U : level / 32U];
}

static ALWAYS_INLINE struct k_thread *level_head(unsigned int level)
{
	sys_dnode_t *n = sys_dlist_peek_head_not_empty(&_kernel.ready_q.queues[level]);

	return CONTAINER_OF(n, struct k_thread, base.qnode);
}

/*
 * On one CPU where finding the first set bit of the bitmap takes a multiply
 * and a table lookup (prio_bitmap.h: RV32IMAC), the thread to run next, the
 * head of the most urgent non-empty level, is kept as the queue changes
 * rather than searched for at each decision: a thread joins its level at the
 * tail, so only one joining a more urgent level than the head's, or the head
 * leaving, changes it; only the head leaving an empty level behind searches.
 * Where the search is a couple of instructions, keeping the head costs more
 * than it saves. (With SMP each CPU's pick depends on what the others run:
 * sched_smp.c searches at each decision.)
 */
#define KEEP_READY_HEAD (!IS_ENABLED(CONFIG_SMP) && !PRIO_CTZ_IS_CHEAP)

static struct k_thread *ready_head;
static unsigned int ready_head_level = K_NUM_PRIORITIES; /* none yet */

/* The head left its level empty: the first thread of the most urgent non-empty one. */
static void ready_head_find(void)
{
	int level = prio_bitmap_first(_kernel.ready_q.bitmap, READY_WORDS);

	if (level < 0) {
		ready_head = NULL; /* only before the idle thread is ready */
		ready_head_level = K_NUM_PRIORITIES;
		return;
	}
	ready_head_level = (unsigned int)level;
	ready_head = level_head(ready_head_level);
}

/*
 * A thread's node leaves its queue, its own links left as they were: whether
 * a thread is queued, ready or waiting, is read from its state bits, never
 * from its node, so clearing them would only cost stores.
 */
static ALWAYS_INLINE void qnode_unlink(sys_dnode_t *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
}

/*
 * Keep a level's queue address in one register: GCC otherwise computes it
 * twice, at two offsets (2 instructions more on Cortex-M per append or
 * removal).
 */
static ALWAYS_INLINE void level_addr_pin(sys_dlist_t **queue)
{
	__asm__("" : "+r"(*queue));
}

static void enqueue(struct k_thread *t)
{
	unsigned int level = Z_PRIO_LEVEL(t->base.prio);
	sys_dlist_t *queue = &_kernel.ready_q.queues[level];

	level_addr_pin(&queue);
	ready_q_changed = true;
	sys_dlist_append(queue, &t->base.qnode);
	*ready_word(level) |= PRIO_BITMAP_BIT(level);
	t->base.thread_state |= _THREAD_QUEUED;
	if (KEEP_READY_HEAD && level < ready_head_level) {
		ready_head = t; /* its level was empty: it heads the queue */
		ready_head_level = level;
	}
}

void z_dequeue_thread_locked(struct k_thread *t)
{
	if ((t->base.thread_state & _THREAD_QUEUED) == 0U) {
		return;
	}
	unsigned int level = Z_PRIO_LEVEL(t->base.prio);
	sys_dlist_t *queue = &_kernel.ready_q.queues[level];

	level_addr_pin(&queue);
	ready_q_changed = true;
	qnode_unlink(&t->base.qnode);

	bool emptied = sys_dlist_is_empty(queue);

	if (emptied) {
		*ready_word(level) &= ~PRIO_BITMAP_BIT(level);
	}
	t->base.thread_state &= ~_THREAD_QUEUED;
	if (KEEP_READY_HEAD && t == ready_head) {
		if (emptied) {
			ready_head_find();
		} else {
			ready_head = level_head(level); /* a peer: the level stays */
		}
	}
}

void z_ready_thread_locked(struct k_thread *t)
{
	if (z_is_thread_runnable(t) && (t->base.thread_state & _THREAD_QUEUED) == 0U &&
	    z_cpu_mask_allows(t) && !z_smp_idle_unqueued(t)) {
		enqueue(t);
		sys_port_trace_thread_ready(t);
		z_smp_thread_ready_locked(t);
	}
}

#ifdef CONFIG_SMP
static ALWAYS_INLINE struct k_thread *next_up_inline(void)
{
	return z_smp_next_up(&_kernel.ready_q, _current_cpu);
}
#else
/* The thread to run next; inline where a hot path wants it so (k_yield()), next_up() elsewhere. */
static ALWAYS_INLINE struct k_thread *next_up_inline(void)
{
	/* The idle thread is always ready: some level is not empty. */
	struct k_thread *searched =
	    level_head(prio_bitmap_first_set(_kernel.ready_q.bitmap, READY_WORDS));

	if (KEEP_READY_HEAD) {
		__ASSERT(ready_head == searched, "the kept head is not the queue's");
		return ready_head;
	}
	return searched;
}
#endif

static struct k_thread *next_up(void)
{
	return next_up_inline();
}

/*
 * With SMP: another CPU asked @cur to end while it holds k_sched_lock(). It
 * runs on until k_sched_unlock(), whose reschedule ends it: the kernel relies
 * on a scheduler lock to finish a step no other thread may see half done (a
 * thread under construction, say), as on one CPU, where the aborter could not
 * have run meanwhile.
 */
static inline bool abort_deferred(const struct k_thread *cur)
{
	return IS_ENABLED(CONFIG_SMP) && cur->base.sched_locked != 0U &&
	       (cur->base.thread_state & (_THREAD_ABORTING | _THREAD_DEAD)) == _THREAD_ABORTING;
}

static bool may_preempt_current(void)
{
	struct k_thread *cur = _current;

	return !z_is_thread_runnable(cur) || z_thread_preemptible(cur);
}

#ifdef CONFIG_TIMESLICING
static int32_t slice_ticks = (CONFIG_TIMESLICE_SIZE * CONFIG_SYS_CLOCK_TICKS_PER_SEC + 999) / 1000;
static int slice_max_prio = CONFIG_TIMESLICE_PRIORITY;

/* A slice of the thread's own (k_thread_time_slice_set()), 0 if none. */
static inline int32_t own_slice(const struct k_thread *t)
{
#ifdef CONFIG_TIMESLICE_PER_THREAD
	return t->ext.slice_ticks;
#else
	ARG_UNUSED(t);
	return 0;
#endif
}

static bool sliceable(const struct k_thread *t)
{
	if (z_is_idle_thread(t) || t->base.sched_locked != 0U) {
		return false;
	}
	/* A slice of its own applies at any priority, as in Zephyr. */
	return own_slice(t) > 0 || (slice_ticks > 0 && t->base.prio >= slice_max_prio);
}

/* Start @cpu's slice over for the thread it runs (none if it is not sliced). */
static void slice_restart(struct _cpu *cpu);

/*
 * Slice expiry (timer interrupt) of @to's CPU, which is this one or, with SMP,
 * another (the timer's interrupts come to CPU 0): the thread running there
 * goes behind its peers and gets a new slice; if a peer is now first, that
 * CPU's interrupt exit switches to it. A slice of the thread's own forces the
 * switch even for a cooperative thread (cpu->slice_forces_switch).
 */
static void slice_expired(struct _timeout *to)
{
	struct _cpu *cpu = CONTAINER_OF(to, struct _cpu, slice_timeout);
	struct k_thread *cur = cpu->current;

	if (sliceable(cur) && (cur->base.thread_state & _THREAD_QUEUED) != 0U) {
		z_dequeue_thread_locked(cur);
		enqueue(cur);
		cpu->slice_forces_switch = own_slice(cur) > 0;
		z_thread_slice_expired_locked(cur);
		z_smp_cpu_resched_locked(cpu);
	}
	slice_restart(cpu);
}

static bool take_slice_forced_switch(void)
{
	struct _cpu *cpu = _current_cpu;
	bool forced = cpu->slice_forces_switch;

	cpu->slice_forces_switch = false;
	return forced;
}

void z_slice_reset_locked(void)
{
	slice_restart(_current_cpu);
}

/* @t's slice begins on @cpu (it runs there now, or is about to). */
static void slice_start(struct _cpu *cpu, struct k_thread *t)
{
	(void)z_abort_timeout(&cpu->slice_timeout);
	if (sliceable(t)) {
		int32_t own = own_slice(t);

		z_add_timeout(&cpu->slice_timeout, slice_expired, own > 0 ? own : slice_ticks);
	}
}

static void slice_restart(struct _cpu *cpu)
{
	slice_start(cpu, cpu->current);
}

void k_sched_time_slice_set(int32_t slice, int prio)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	slice_ticks = slice > 0 ? (int32_t)k_ms_to_ticks_ceil64((uint64_t)slice) : 0;
	slice_max_prio = prio;
	z_slice_reset_locked();
	k_spin_unlock(&_sched_spinlock, key);
}
#else
static void slice_start(struct _cpu *cpu, struct k_thread *t)
{
	ARG_UNUSED(cpu);
	ARG_UNUSED(t);
}

void z_slice_reset_locked(void)
{
}

static bool take_slice_forced_switch(void)
{
	return false;
}

void k_sched_time_slice_set(int32_t slice, int prio)
{
	ARG_UNUSED(slice);
	ARG_UNUSED(prio);
}
#endif

/*
 * The running thread once it has ended (ENDED_CURRENT(cpu)), until the switch
 * away from it. Its struct k_thread is then no longer written: an ISR that
 * aborted the thread it interrupted may already have handed that storage
 * back, even cleared it (Zephyr lets it), so this is kept outside the struct.
 * Its registers go to the CPU's dead_save, which nobody reads.
 */
static struct {
	uint8_t before[offsetof(struct k_thread, callee_saved)];
	struct _callee_saved regs;
} dead_save[CONFIG_MP_MAX_NUM_CPUS];

#ifdef CONFIG_SMP
#define ENDED_CURRENT(cpu) ((cpu)->ended_current)
#else
static struct k_thread *ended_current;
#define ENDED_CURRENT(cpu) (ended_current)
#endif

/* The switch away from an ended thread: where its registers go instead. */
static Z_COLD_PATH struct k_thread *ended_switch(struct _cpu *cpu, struct k_thread *new)
{
	ENDED_CURRENT(cpu) = NULL;
	z_thread_usage_switch_locked(NULL, new);
	return (struct k_thread *)&dead_save[CPU_INDEX(cpu)];
}

/*
 * The last steps of a switch: the running thread changes right before the
 * stacks do, so that a fault until then (an overflow of old's stack in the
 * steps before) is old's, and is reported with old's name and stack.
 */
static ALWAYS_INLINE void switch_stacks(struct _cpu *cpu, struct k_thread *new,
					struct k_thread *old)
{
	cpu->current = new;
	arch_switch(new, old);
}

/*
 * A switch whose port needs a call before the stacks change (a domain image
 * it does not load inline, a large one or any built for size:
 * arch_thread_switch_load() said so): a function of its own, the only one of
 * the switch's to keep a stack frame.
 */
static Z_COLD_PATH void switch_stacks_load_call(struct _cpu *cpu, struct k_thread *new,
						struct k_thread *old)
{
	arch_thread_switch_load_call(new);
	switch_stacks(cpu, new, old);
}

/*
 * A switch whose port has more to load before the stacks change (a domain
 * image: arch_thread_switch_prepare() said so), finished out of line: the
 * usual switch then makes no call, and needs no stack frame of its own; nor
 * does this one when the port loads inline (a small image, the usual case).
 */
static Z_OUT_OF_LINE void switch_stacks_loading(struct _cpu *cpu, struct k_thread *new,
						struct k_thread *old)
{
	if (unlikely(!arch_thread_switch_load(new))) {
		switch_stacks_load_call(cpu, new, old);
		return;
	}
	switch_stacks(cpu, new, old);
}

/* The switch from @old to @new once @old's accounts are settled. */
static Z_HOT_INLINE void switch_in(struct _cpu *cpu, struct k_thread *new, struct k_thread *old)
{
	z_smp_switched_in(new, cpu);
	slice_start(cpu, new);
	if (unlikely(!arch_thread_switch_prepare(new))) {
		switch_stacks_loading(cpu, new, old);
		return;
	}
	switch_stacks(cpu, new, old);
}

/* The switch away from a thread that ended: out of line, as it is rare. */
static Z_COLD_PATH void switch_from_ended(struct _cpu *cpu, struct k_thread *new)
{
	switch_in(cpu, new, ended_switch(cpu, new));
}

/*
 * The switch from @old, still alive, to @new: from a thread that called to
 * switch and could not have ended meanwhile (one CPU: only the thread itself,
 * or an interrupt's exit, switches away from an ended thread).
 */
static Z_HOT_INLINE void switch_from_live(struct k_thread *new, struct k_thread *old)
{
	struct _cpu *cpu = _current_cpu;

	sys_port_trace_thread_switch(old, new);
	z_thread_usage_switch_locked(old, new);
	z_smp_switched_out(old);
	switch_in(cpu, new, old);
}

/* Make @new the running thread; returns when @old runs again. */
static void switch_to(struct k_thread *new, struct k_thread *old)
{
	struct _cpu *cpu = _current_cpu;

	if (unlikely(old == ENDED_CURRENT(cpu))) {
		sys_port_trace_thread_switch(old, new);
		switch_from_ended(cpu, new);
		return;
	}
	switch_from_live(new, old);
}

/*
 * Whether a switch from a thread known to be alive may skip the ended-thread
 * test: on one CPU a thread that calls to switch ended only if it called to
 * end itself (z_swap_ended()); with SMP, z_smp_halt_if_aborting() may end it
 * on the way. Built for size every switch takes switch_to(), one copy.
 */
#define LIVE_SWITCH_INLINE (!IS_ENABLED(CONFIG_SMP) && IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS))

/* The switch of z_swap(), under the scheduler lock, which it leaves held. */
static Z_HOT_INLINE void swap_locked(bool live)
{
	struct k_thread *old = _current;

	__ASSERT(!z_syscall_attempting(), "a switch inside a system call attempt");

	z_smp_halt_if_aborting(old);

	struct k_thread *new = next_up_inline();

	if (new != old) {
		if (live && LIVE_SWITCH_INLINE) {
			switch_from_live(new, old);
		} else {
			switch_to(new, old);
		}
	}
}

/* z_swap(), for a current thread that may have ended (@live false) or has not. */
static Z_HOT_INLINE int swap(k_spinlock_key_t key, bool live)
{
	swap_locked(live);
	k_spin_unlock(&_sched_spinlock, key);
	return _current->base.swap_retval;
}

int z_swap(k_spinlock_key_t key)
{
	return swap(key, true);
}

void z_swap_ended(k_spinlock_key_t key)
{
	if (LIVE_SWITCH_INLINE) {
		(void)swap(key, false);
	} else {
		(void)z_swap(key); /* which tests for it */
	}
}

void z_reschedule(k_spinlock_key_t key)
{
	if (!z_in_isr_locked() && next_up() != _current && may_preempt_current() &&
	    !abort_deferred(_current)) {
		if (z_syscall_attempting()) {
			z_syscall_attempt_defer_switch(key); /* after the results */
			return;
		}
		/* Inline, so that the compiler reuses the next thread found above. */
		(void)swap(key, true);
		return;
	}
	k_spin_unlock(&_sched_spinlock, key);
}

/*
 * The scheduler's lock at an interrupt's exit. With one CPU nothing else can
 * run there (interrupts do not nest, on every port), so interrupts need not be
 * masked again nor their state restored afterwards: the switch is then the
 * last thing z_sched_isr_exit() does, a jump, and it needs no stack frame.
 */
static ALWAYS_INLINE k_spinlock_key_t isr_exit_lock(void)
{
	k_spinlock_key_t key = { .key = 0U };

	if (IS_ENABLED(CONFIG_SMP)) {
		key = k_spin_lock(&_sched_spinlock);
	} else {
		z_spin_acquire(&_sched_spinlock);
	}
	return key;
}

static ALWAYS_INLINE void isr_exit_unlock(k_spinlock_key_t key)
{
	if (IS_ENABLED(CONFIG_SMP)) {
		k_spin_unlock(&_sched_spinlock, key);
	} else {
		k_spin_release(&_sched_spinlock);
	}
}

void z_sched_isr_exit(void)
{
	if (!IS_ENABLED(CONFIG_SMP) && !ready_q_changed) {
		return; /* interrupts do not nest: nothing can change it meanwhile */
	}
	k_spinlock_key_t key = isr_exit_lock();
	struct k_thread *cur = _current;

	ready_q_changed = false;
	if (abort_deferred(cur)) {
		isr_exit_unlock(key);
		return;
	}
	z_smp_halt_if_aborting(cur);

	struct k_thread *next = next_up();
	bool forced = take_slice_forced_switch();

	if (next != cur && (forced || may_preempt_current())) {
		switch_to(next, cur);
	}
	isr_exit_unlock(key);
}

/* A thread leaves a wait queue without being woken by the object. */
static void unpend_abandoned(struct k_thread *t)
{
	sys_dlist_remove(&t->base.qnode);

	struct k_mutex *mutex = z_pend_mutex(t);

	t->base.pended_on = NULL;
	t->base.thread_state &= ~(_THREAD_MUTEX | _THREAD_NO_LEND);
	/* Without inheritance, nobody's priority depended on this wait. */
	if (IS_ENABLED(CONFIG_PRIORITY_INHERITANCE) && mutex != NULL) {
		z_mutex_waiter_gone_locked(mutex);
	}
}

/* Wait queues */

static void waitq_insert(_wait_q_t *wq, struct k_thread *t)
{
	sys_dnode_t *n;

	SYS_DLIST_FOR_EACH_NODE(&wq->waitq, n) {
		struct k_thread *w = CONTAINER_OF(n, struct k_thread, base.qnode);

		if (t->base.prio < w->base.prio) {
			sys_dlist_insert(n, &t->base.qnode);
			return;
		}
	}
	sys_dlist_append(&wq->waitq, &t->base.qnode);
}

/* Timeout of a blocked or sleeping thread: it runs again, the call returns -EAGAIN. */
static void thread_timeout(struct _timeout *to)
{
	struct k_thread *t = CONTAINER_OF(to, struct k_thread, base.timeout);

	if ((t->base.thread_state & _THREAD_PENDING) != 0U) {
		t->base.thread_state &= ~_THREAD_PENDING;
		unpend_abandoned(t);
	}
	t->base.thread_state &= ~(_THREAD_PENDING | _THREAD_SLEEPING);
	z_ready_thread_locked(t);
}

/* Inline in z_pend_curr(), the path of every blocking call (at -O2). */
static inline void pend_curr(_wait_q_t *wait_q, k_timeout_t timeout)
{
	struct k_thread *cur = _current;

	z_dequeue_thread_locked(cur);
	sys_port_trace_thread_pend(cur, wait_q);
	cur->base.swap_retval = -EAGAIN;
	if (wait_q != NULL) {
		cur->base.thread_state |= _THREAD_PENDING;
		cur->base.pended_on = wait_q;
		waitq_insert(wait_q, cur);
	} else {
		cur->base.thread_state |= _THREAD_SLEEPING;
	}
	if (!K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		z_add_timeout(&cur->base.timeout, thread_timeout, timeout.ticks);
	}
}

void z_pend_curr_locked(_wait_q_t *wait_q, k_timeout_t timeout)
{
	__ASSERT(!z_syscall_attempting(), "only z_pend_curr() may decline a wait");
	pend_curr(wait_q, timeout);
}

int z_pend_curr(k_spinlock_key_t key, _wait_q_t *wait_q, k_timeout_t timeout)
{
	if (z_syscall_attempting()) {
		return z_syscall_attempt_decline(key); /* the port runs the call again */
	}
	pend_curr(wait_q, timeout);
	return z_swap(key);
}

void z_wake_thread(struct k_thread *t, int retval)
{
	if ((t->base.thread_state & _THREAD_PENDING) != 0U) {
		qnode_unlink(&t->base.qnode);
		t->base.pended_on = NULL;
	}
	(void)z_abort_timeout(&t->base.timeout);
	t->base.thread_state &=
	    ~(_THREAD_PENDING | _THREAD_MUTEX | _THREAD_NO_LEND | _THREAD_SLEEPING);
	t->base.swap_retval = retval;
	z_ready_thread_locked(t);
}

struct k_thread *z_wake_first(_wait_q_t *wait_q, int retval)
{
	struct k_thread *t = z_waitq_head(wait_q);

	if (t != NULL) {
		z_wake_thread(t, retval);
	}
	return t;
}

bool z_wake_all(_wait_q_t *wait_q, int retval)
{
	bool any = false;

	while (z_wake_first(wait_q, retval) != NULL) {
		any = true;
	}
	return any;
}

void z_thread_prio_set_locked(struct k_thread *t, int prio)
{
	if (t->base.prio == prio) {
		return;
	}
	if ((t->base.thread_state & _THREAD_QUEUED) != 0U) {
		z_dequeue_thread_locked(t);
		z_thread_prio_store(t, prio);
		enqueue(t);
		z_smp_thread_moved_locked(t);
	} else if ((t->base.thread_state & _THREAD_PENDING) != 0U) {
		sys_dlist_remove(&t->base.qnode);
		z_thread_prio_store(t, prio);
		waitq_insert(t->base.pended_on, t);
	} else {
		z_thread_prio_store(t, prio);
	}
}

void z_thread_halt_locked(struct k_thread *t)
{
	z_poll_thread_halt_locked(t);
	z_dequeue_thread_locked(t);
	if ((t->base.thread_state & _THREAD_PENDING) != 0U) {
		t->base.thread_state &= ~_THREAD_PENDING;
		unpend_abandoned(t);
	}
	(void)z_abort_timeout(&t->base.timeout);
	t->base.thread_state = _THREAD_DEAD;
	if (t == _current) {
		/* Its run so far is charged now: the switch away writes nothing into it. */
		z_thread_usage_switch_locked(t, NULL);
		z_smp_switched_out(t);
		ENDED_CURRENT(_current_cpu) = t;
	}
	z_mutex_abandon_locked(t);
	(void)z_wake_all(&t->join_queue, 0);
	z_thread_monitor_remove_locked(t);
}

/* Public scheduling calls */

/* k_yield() under the scheduler lock, which it leaves held: behind its peers, then switch. */
static Z_HOT_INLINE void yield_locked(void)
{
	struct k_thread *cur = _current;
	sys_dlist_t *level = cur->base.ready_level;

	/*
	 * Behind its peers: the level stays non-empty, the bitmap unchanged.
	 * With SMP, another CPU may have just taken it off the queue (an abort
	 * or suspend in flight): then z_smp_halt_if_aborting() below ends or
	 * parks it.
	 */
	if (!IS_ENABLED(CONFIG_SMP) || (cur->base.thread_state & _THREAD_QUEUED) != 0U) {
		sys_dnode_t *n = &cur->base.qnode;
		sys_dnode_t *next = n->next;

		qnode_unlink(n);
		sys_dlist_append(level, n);
		/*
		 * The kept head (one CPU), the head of its level: its first peer
		 * now, the node after it, or itself if it has none.
		 */
		if (KEEP_READY_HEAD && cur == ready_head && next != (sys_dnode_t *)level) {
			ready_head = CONTAINER_OF(next, struct k_thread, base.qnode);
		}
	}
	swap_locked(true); /* inline: a yield is nothing but a switch */
}

void z_impl_k_yield(void)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	yield_locked();
	k_spin_unlock(&_sched_spinlock, key);
}

#ifdef CONFIG_USERSPACE
#ifdef ARCH_SYSCALL_NONBLOCKING_LOCKED
/*
 * Nothing to check, and nothing to lock: the port runs a nonblocking call
 * with every interrupt the kernel handles masked, on the one CPU there is,
 * which is all the scheduler lock does there.
 */
void z_vrfy_k_yield(void)
{
	yield_locked();
}
#else
/* Nothing to check: the verifier is the call itself (no jump between them). */
void z_vrfy_k_yield(void) __attribute__((alias("z_impl_k_yield")));
#endif
#endif

void k_sched_lock(void)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	_current->base.sched_locked++;
	k_spin_unlock(&_sched_spinlock, key);
}

void k_sched_unlock(void)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	__ASSERT(_current->base.sched_locked > 0U, "k_sched_unlock without k_sched_lock");
	_current->base.sched_locked--;
	if (_current->base.sched_locked == 0U) {
		z_slice_reset_locked();
	}
	z_reschedule(key);
}

bool k_is_in_isr(void)
{
	/* User code never runs in an ISR, and cannot read the per-CPU data. */
	if (k_is_user_context()) {
		return false;
	}
#ifdef CONFIG_SMP
	/* Masked, so that the thread cannot move to another CPU between the two reads. */
	unsigned int key = arch_irq_lock();
	bool nested = _current_cpu->nested != 0U;

	arch_irq_unlock(key);
	return nested;
#else
	return _current_cpu->nested != 0U;
#endif
}

int z_impl_k_is_preempt_thread(void)
{
	return !k_is_in_isr() && z_thread_preemptible(_current);
}
