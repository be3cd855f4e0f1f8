/*
 * Mutexes, and the effective priority of threads that priority inheritance
 * makes of them.
 *
 * The definition (docs/design.md): a thread's effective priority, base.prio,
 * is the most urgent of its base priority, base.base_prio, and of the
 * effective priorities of the threads waiting for any mutex it holds, each no
 * more urgent than CONFIG_PRIORITY_CEILING. prio_update() recomputes it from
 * that definition whenever an input changes, then that of the owner of the
 * mutex the thread waits for, and so on down the chain while priorities
 * change: nothing is ever restored from a saved value. A thread lists the
 * mutexes it holds (base.held); a wait queue is ordered by priority, so a
 * mutex's most urgent waiter is its head: one recomputation costs O(held
 * mutexes).
 *
 * A change walks down the chain at most CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH
 * hops past the thread it starts from (Zephyr's hop cap): a chain longer than
 * that leaves its far end unboosted, as in Zephyr, but a loan's end walks on
 * past the cap, so that none outlives its lender. A lock that would close a
 * cycle in which every thread waits forever, the caller included, is a
 * deadlock and fails with -EDEADLK at once; a cycle with a finite timeout in
 * it is not (that wait will end), so the caller waits, but lends nothing
 * along the link it closed (_THREAD_NO_LEND): priorities lent all around a
 * cycle would keep each other up after their lender left. A PI word (futex.c)
 * that names a thread waiting behind one of the word's own waiters closes a
 * cycle no lock call made: the waiter on the closing link lends nothing
 * either (z_mutex_adopt_locked()).
 *
 * With CONFIG_PRIORITY_INHERITANCE_STRICT, chains are bounded instead:
 * k_mutex_lock() refuses (-EDEADLK) a link that would close any cycle or make
 * a chain longer than CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH mutexes. Only a
 * new waiter makes a chain longer (a hand-over or an owner's end shortens
 * chains), so every walk down one stays within the cap and every effective
 * priority always follows the definition, out-of-order unlocks included; only
 * a lying PI word, which the lock calls cannot refuse, may still lengthen one.
 *
 * A thread that ends holding mutexes unlocks them: their waiters get
 * -EOWNERDEAD (z_mutex_abandon_locked()).
 */
#include <ksched.h>
#include <kobject_init.h>
#include <timeout_q.h>
#include <breeze/tracing.h>

int z_impl_k_mutex_init(struct k_mutex *mutex)
{
	int ret = z_object_init_begin_for(mutex, K_OBJ_MUTEX);

	if (ret != 0) {
		return ret;
	}
	sys_dlist_init(&mutex->wait_q.waitq);
	mutex->owner = NULL;
	mutex->lock_count = 0;
	mutex->next_held = NULL;
	z_object_init_end_for(mutex);
	return 0;
}

#ifdef CONFIG_PRIORITY_INHERITANCE
#define MAX_HOPS CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH
#else
#define MAX_HOPS 0 /* nothing to pass down a chain */
#endif

/* @t's effective priority by the definition above. */
static int effective_prio(const struct k_thread *t)
{
	int prio = t->base.base_prio;

#ifdef CONFIG_PRIORITY_INHERITANCE
	for (struct k_mutex *m = t->base.held; m != NULL; m = m->next_held) {
		struct k_thread *w = z_waitq_head(&m->wait_q);

		/* The most urgent waiter that lends (see may_wait()). */
		while (w != NULL && (w->base.thread_state & _THREAD_NO_LEND) != 0U) {
			w = z_waitq_next(w);
		}
		if (w != NULL) {
			prio = MIN(prio, MAX((int)w->base.prio, CONFIG_PRIORITY_CEILING));
		}
	}
#endif
	return prio;
}

/* The owner of the mutex @t waits for (a waiter always has one), or NULL. */
static struct k_thread *owner_ahead(const struct k_thread *t)
{
	struct k_mutex *m = z_pend_mutex(t);

	return m != NULL ? m->owner : NULL;
}

/*
 * Brent's cycle finding along a chain of owners: a walk that started at the
 * mark has met a cycle when it comes back to the mark, which jumps ahead to
 * the thread reached at each power of two steps, so that a walk into a cycle
 * it did not start on ends within twice the chain's length.
 */
struct cycle_watch {
	struct k_thread *mark;
	unsigned int steps;
	unsigned int lap;
};

static inline bool cycle_met(struct cycle_watch *w, struct k_thread *t)
{
	if (t == w->mark) {
		return true;
	}
	if (++w->steps == w->lap) {
		w->mark = t;
		w->lap *= 2U;
		w->steps = 0U;
	}
	return false;
}

/*
 * An input of owner @t's effective priority changed: recompute it, and down
 * the chain of owners @t waits behind while priorities change: a boost at
 * most the hop cap past @t, which is hop 0, the end of a loan as far as it
 * goes.
 */
static void prio_update(struct k_thread *t)
{
	for (int hop = 0; t != NULL && hop <= MAX_HOPS; t = owner_ahead(t), hop++) {
		int prio = effective_prio(t);

		if (prio == t->base.prio) {
			return;
		}
		z_thread_prio_set_locked(t, prio); /* re-sorts a waiter in its wait queue */
	}
	/*
	 * Past the cap only a loan's end walks on: a far owner may go
	 * unboosted, never stay boosted by a lender that left (a wait nearer
	 * to it may have lent it more than the cap passes on). Each step makes
	 * a thread less urgent, so the walk ends, around a cycle too. A loop of
	 * its own, so that the walk within the cap tests nothing more.
	 */
	for (; t != NULL; t = owner_ahead(t)) {
		int prio = effective_prio(t);

		if (prio <= t->base.prio) {
			return;
		}
		z_thread_prio_set_locked(t, prio);
	}
}

void z_thread_base_prio_set_locked(struct k_thread *t, int prio)
{
	t->base.base_prio = (int8_t)prio;

	int eff = effective_prio(t);

	if (eff != t->base.prio) {
		z_thread_prio_set_locked(t, eff);
		prio_update(owner_ahead(t)); /* the owner it waits behind is hop 0 */
	}
}

void z_mutex_waiter_gone_locked(struct k_mutex *mutex)
{
	prio_update(mutex->owner);
}

#ifdef CONFIG_PRIORITY_INHERITANCE_STRICT
#define MAX_DEPTH CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH

/* The first thread waiting for @m or a mutex after it in its owner's list. */
static struct k_thread *first_waiter(struct k_mutex *m)
{
	for (; m != NULL; m = m->next_held) {
		struct k_thread *w = z_waitq_head(&m->wait_q);

		if (w != NULL) {
			return w;
		}
	}
	return NULL;
}

/*
 * Whether a chain of @depth mutexes or more ends at @top: a walk of the tree
 * of threads waiting for @top's mutexes, for theirs, and so on, that goes no
 * deeper than @depth. It follows the links themselves (a waiter's mutex names
 * its owner), so it needs no stack, and it visits each waiting thread once.
 */
static bool chain_reaches(struct k_thread *top, int depth)
{
	struct k_thread *t = top;
	int d = 0;

	for (;;) {
		struct k_thread *next = first_waiter(t->base.held);

		if (next != NULL) {
			if (++d >= depth) {
				return true;
			}
			t = next;
			continue;
		}
		/* No waiter of its own: on to the next waiter at this depth or above. */
		for (;;) {
			if (t == top) {
				return false;
			}
			struct k_mutex *m = z_pend_mutex(t);

			next = z_waitq_next(t);
			if (next == NULL) {
				next = first_waiter(m->next_held);
			}
			if (next != NULL) {
				t = next;
				break;
			}
			t = m->owner;
			d--;
		}
	}
}

/*
 * Whether @cur may wait for a mutex @owner holds: the longest chain through
 * the new link, from the farthest thread waiting (transitively) for @cur to
 * the end of @owner's chain, stays within MAX_DEPTH mutexes and does not come
 * back to @cur.
 */
static bool may_wait(struct k_thread *cur, struct k_thread *owner, k_timeout_t timeout)
{
	int links = 1;

	ARG_UNUSED(timeout);

	for (struct k_thread *t = owner_ahead(owner); t != NULL; t = owner_ahead(t)) {
		if (t == cur || ++links > MAX_DEPTH) {
			return false;
		}
	}
	return !chain_reaches(cur, MAX_DEPTH - links + 1);
}
#else
/* Whether @t waits (for anything) with no timeout. */
static bool waits_forever(const struct k_thread *t)
{
	return z_is_inactive_timeout(&t->base.timeout);
}

/*
 * Whether @cur may wait for a mutex @owner holds, with @timeout: not when
 * that closes a cycle of threads that all wait forever. The walk down
 * @owner's chain ends where the chain ends, back at @cur, or (Brent's cycle
 * finding: the mark jumps ahead at each power of two) on meeting a cycle
 * without @cur in it, which has a finite wait in it and so is not @cur's.
 */
static bool may_wait(struct k_thread *cur, struct k_thread *owner, k_timeout_t timeout)
{
	bool forever = K_TIMEOUT_EQ(timeout, K_FOREVER);
	struct cycle_watch watch = { .mark = owner, .steps = 0U, .lap = 1U };

	for (struct k_thread *t = owner;;) {
		struct k_thread *next = owner_ahead(t);

		if (next == NULL) {
			return true;
		}
		forever = forever && waits_forever(t);
		if (next == cur) {
			/*
			 * A cycle with a finite wait in it: wait, but lend nothing
			 * along this link. Priorities lent around a cycle would
			 * hold each other up after the thread that lent them left.
			 */
			if (!forever) {
				cur->base.thread_state |= _THREAD_NO_LEND;
			}
			return !forever;
		}
		t = next;
		if (cycle_met(&watch, t)) {
			return true;
		}
	}
}
#endif

int z_impl_k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr(), "mutexes cannot be used in an ISR");
	sys_port_trace_k_mutex_lock(mutex, timeout);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct k_thread *cur = _current;

	if (mutex->lock_count == 0U) {
		mutex->owner = cur;
		mutex->lock_count = 1U;
		mutex->next_held = cur->base.held;
		cur->base.held = mutex;
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (mutex->owner == cur) {
		mutex->lock_count++;
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
	return z_mutex_wait_locked(mutex, timeout, key);
}

int z_mutex_wait_locked(struct k_mutex *mutex, k_timeout_t timeout, k_spinlock_key_t key)
{
	struct k_thread *cur = _current;

	if (!may_wait(cur, mutex->owner, timeout)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EDEADLK;
	}
	z_pend_curr_locked(&mutex->wait_q, timeout);
	/* Giving up (timeout, abort) calls z_mutex_waiter_gone_locked(). */
	cur->base.thread_state |= _THREAD_MUTEX;
	prio_update(mutex->owner);
	/* 0: the unlocking thread made us the owner; -EAGAIN; -EOWNERDEAD. */
	return z_swap(key);
}

/* Take @mutex off @t's list of held mutexes (usually its head: unlocks nest). */
static void held_remove(struct k_thread *t, struct k_mutex *mutex)
{
	struct k_mutex **link = &t->base.held;

	while (*link != mutex) {
		link = &(*link)->next_held;
	}
	*link = mutex->next_held;
}

int z_mutex_unlock_locked(struct k_mutex *mutex)
{
	struct k_thread *cur = _current;

	if (mutex->owner != cur) {
		return mutex->owner == NULL ? -EINVAL : -EPERM;
	}
	if (--mutex->lock_count > 0U) {
		return 0;
	}
	held_remove(cur, mutex);

	struct k_thread *next = z_waitq_head(&mutex->wait_q);

	if (next == NULL) {
		/* Nobody waited: the mutex lent the owner no priority. */
		mutex->owner = NULL;
		return 0;
	}
	/*
	 * Straight to the most urgent waiter. The waiters that remain lend it
	 * nothing: none is more urgent than it was among them.
	 */
	z_wake_thread(next, 0);
	mutex->owner = next;
	mutex->lock_count = 1U;
	mutex->next_held = next->base.held;
	next->base.held = mutex;
	prio_update(cur);
	return 1;
}

int z_impl_k_mutex_unlock(struct k_mutex *mutex)
{
	__ASSERT(!k_is_in_isr(), "mutexes cannot be used in an ISR");
	sys_port_trace_k_mutex_unlock(mutex);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = z_mutex_unlock_locked(mutex);

	if (ret <= 0) {
		k_spin_unlock(&_sched_spinlock, key);
		return ret;
	}
	z_reschedule(key);
	return 0;
}

/*
 * The thread of @owner's chain (@owner included) that waits for @mutex, if
 * any. The walk ends at the chain's end or (Brent's cycle finding, as in
 * may_wait()) on meeting a cycle that @mutex is not part of.
 */
static struct k_thread *waiter_in_chain(struct k_thread *owner, const struct k_mutex *mutex)
{
	struct cycle_watch watch = { .mark = owner, .steps = 0U, .lap = 1U };

	for (struct k_thread *t = owner; t != NULL;) {
		if (z_pend_mutex(t) == mutex) {
			return t;
		}
		t = owner_ahead(t);
		if (t != NULL && cycle_met(&watch, t)) {
			return NULL;
		}
	}
	return NULL;
}

void z_mutex_adopt_locked(struct k_mutex *mutex, struct k_thread *owner)
{
	/*
	 * The owner a PI word names may wait, down its chain, behind a thread
	 * that waits for @mutex: a cycle no lock call closed (the word is user
	 * memory). As for a cycle a lock closes, that link lends nothing.
	 */
	struct k_thread *closing = waiter_in_chain(owner, mutex);

	if (closing != NULL) {
		closing->base.thread_state |= _THREAD_NO_LEND;
	}
	mutex->owner = owner;
	mutex->lock_count = 1U;
	mutex->next_held = owner->base.held;
	owner->base.held = mutex;
	prio_update(owner); /* waiters already queued lend it their priority now */
}

void z_mutex_disown_locked(struct k_mutex *mutex)
{
	struct k_thread *owner = mutex->owner;

	if (owner == NULL) {
		return;
	}
	held_remove(owner, mutex);
	mutex->owner = NULL;
	mutex->lock_count = 0U;
	prio_update(owner); /* what the waiters lent it ends here */
}

void z_mutex_abandon_locked(struct k_thread *dead)
{
	struct k_mutex *mutex;
	bool held = dead->base.held != NULL;

	while ((mutex = dead->base.held) != NULL) {
		dead->base.held = mutex->next_held;
		mutex->owner = NULL;
		mutex->lock_count = 0U;
		(void)z_wake_all(&mutex->wait_q, -EOWNERDEAD);
	}
	/* What they lent it ends too (its priority is still read); without inheritance, nothing. */
	if (IS_ENABLED(CONFIG_PRIORITY_INHERITANCE) && held) {
		prio_update(dead);
	}
}

#ifdef CONFIG_USERSPACE
int z_vrfy_k_mutex_init(struct k_mutex *mutex)
{
	K_OOPS(K_SYSCALL_OBJ_INIT(mutex, K_OBJ_MUTEX));
	return z_impl_k_mutex_init(mutex);
}

/* Lock and unlock: frameless when the check passes (K_SYSCALL_OBJ_FAST). */
static Z_SYSCALL_SLOW_PATH int z_vrfy_k_mutex_lock_checked(struct k_mutex *mutex,
							   k_timeout_t timeout)
{
	K_OOPS(K_SYSCALL_OBJ_SLOW(mutex, K_OBJ_MUTEX));
	return z_impl_k_mutex_lock(mutex, timeout);
}

int z_vrfy_k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout)
{
	return K_SYSCALL_OBJ_FAST(mutex, K_OBJ_MUTEX) ? z_impl_k_mutex_lock(mutex, timeout)
						      : z_vrfy_k_mutex_lock_checked(mutex, timeout);
}

static Z_SYSCALL_SLOW_PATH int z_vrfy_k_mutex_unlock_checked(struct k_mutex *mutex)
{
	K_OOPS(K_SYSCALL_OBJ_SLOW(mutex, K_OBJ_MUTEX));
	return z_impl_k_mutex_unlock(mutex);
}

int z_vrfy_k_mutex_unlock(struct k_mutex *mutex)
{
	return K_SYSCALL_OBJ_FAST(mutex, K_OBJ_MUTEX) ? z_impl_k_mutex_unlock(mutex)
						      : z_vrfy_k_mutex_unlock_checked(mutex);
}
#endif
