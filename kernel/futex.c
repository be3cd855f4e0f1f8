/*
 * Futexes: the kernel half of words that threads change with atomics in their
 * own memory (include/breeze/kernel/futex.h). The kernel is entered only to
 * wait for a word to change or to wake its waiters, and for the contended
 * paths of PI locks (sys_mutex), whose word names the owning thread.
 *
 * A futex is known by its address. Its waiters wait in a queue taken from a
 * fixed pool for as long as anyone waits on the word: the queue is the wait
 * queue of a kernel mutex, so that for a PI lock the owner the word names can
 * be made that mutex's owner, and the kernel's priority inheritance (chains,
 * deadlock checks, an owner's end waking its waiters: mutex.c) applies to it
 * unchanged. Everything here runs under the scheduler lock, on SMP too; the
 * word itself is touched only with atomics, since user threads on other CPUs
 * change it at any time.
 *
 * Trust: the word is user memory. The kernel reads and writes it only after
 * checking that the caller may write it, and believes it only to choose whom
 * to wait behind: an owner it names must be a live thread that could write
 * the word itself (a thread sharing the lock), or the call fails with
 * -EINVAL; nothing the word says is ever dereferenced before that check.
 */
#include <ksched.h>
#include <kernel_structs.h>
#include <breeze/kernel/futex.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#include <kobject_internal.h>
#endif

#define WAITERS ((uintptr_t)K_FUTEX_PI_WAITERS)

/* Compare-and-swap rounds against a word other CPUs keep changing, then -EAGAIN. */
#define CAS_TRIES 16

enum queue_kind {
	QUEUE_PLAIN, /* k_futex_wait() / k_futex_wake() */
	QUEUE_PI,    /* k_futex_lock_pi() / k_futex_unlock_pi() */
};

/*
 * The waiters of one word. A queue belongs to the word at @addr while its
 * wait queue is not empty; an empty one is free, whatever @addr still says
 * (so a waiter that times out or is aborted frees it by leaving, with no
 * clean-up of its own). For a PI word, mutex.owner is the owner the word
 * named when the waiters queued; that hold is dropped when the last waiter
 * is gone (at the hand-over or a timeout, else when the slot is next taken).
 */
struct futex_queue {
	uintptr_t addr;
	uint8_t kind;         /* enum queue_kind */
	struct k_mutex mutex; /* wait_q: the waiters, most urgent first */
#ifdef CONFIG_USERSPACE
	const struct k_mem_domain *domain; /* charged with it, if a user thread took it */
#endif
};

static struct futex_queue queues[CONFIG_FUTEX_QUEUES];
static bool queues_ready;

static bool busy(struct futex_queue *q)
{
	return z_waitq_head(&q->mutex.wait_q) != NULL;
}

/*
 * The memory domain a queue the caller takes is charged to: a user thread's,
 * which may hold CONFIG_FUTEX_DOMAIN_QUOTA of them at once (the pool is
 * shared, and one domain must not make the waits of all others fail); none
 * for a supervisor thread.
 */
static const struct k_mem_domain *charged_domain(void)
{
#ifdef CONFIG_USERSPACE
	if ((_current->base.user_options & K_USER) != 0U) {
		return _current->userspace.domain;
	}
#endif
	return NULL;
}

static bool charged_to(const struct futex_queue *q, const struct k_mem_domain *d)
{
#ifdef CONFIG_USERSPACE
	return d != NULL && q->domain == d;
#else
	ARG_UNUSED(q);
	ARG_UNUSED(d);
	return false;
#endif
}

/*
 * The queue of the word at @addr if anyone waits on it, else (with @take) a
 * free one made its own, of @kind; NULL when there is none, or when the
 * caller's domain holds its quota of them already. Linear in
 * CONFIG_FUTEX_QUEUES, under the scheduler lock.
 */
static struct futex_queue *queue_get(uintptr_t addr, enum queue_kind kind, bool take)
{
	struct futex_queue *free = NULL;
	const struct k_mem_domain *domain = charged_domain();
	unsigned int held = 0U;

	if (!queues_ready) {
		for (unsigned int i = 0; i < ARRAY_SIZE(queues); i++) {
			sys_dlist_init(&queues[i].mutex.wait_q.waitq);
		}
		queues_ready = true;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(queues); i++) {
		struct futex_queue *q = &queues[i];

		if (!busy(q)) {
			free = free != NULL ? free : q;
		} else if (q->addr == addr) {
			return q;
		} else if (charged_to(q, domain)) {
			held++;
		}
	}
#ifdef CONFIG_USERSPACE
	if (domain != NULL && held >= CONFIG_FUTEX_DOMAIN_QUOTA) {
		return NULL;
	}
#endif
	if (!take || free == NULL) {
		return NULL;
	}
	z_mutex_disown_locked(&free->mutex); /* a hold left by waiters that went */
	free->addr = addr;
	free->kind = (uint8_t)kind;
#ifdef CONFIG_USERSPACE
	free->domain = domain;
#endif
	return free;
}

/* The queue of PI waiters of the word at @addr, if any. */
static struct futex_queue *pi_queue(uintptr_t addr)
{
	struct futex_queue *q = queue_get(addr, QUEUE_PI, false);

	return q != NULL && q->kind == QUEUE_PI ? q : NULL;
}

static bool word_ok(const struct k_futex *futex)
{
	return futex != NULL && ((uintptr_t)futex & (sizeof(atomic_t) - 1U)) == 0U;
}

int z_impl_k_futex_wait(struct k_futex *futex, int expected, k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr(), "no futex wait in an ISR");
	if (!word_ok(futex)) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	/* The one read of the word: a wake after it finds the caller queued. */
	if ((int)atomic_get(&futex->val) != expected) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EAGAIN;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -ETIMEDOUT;
	}
	struct futex_queue *q = queue_get((uintptr_t)futex, QUEUE_PLAIN, true);

	if (q == NULL || q->kind != QUEUE_PLAIN) {
		k_spin_unlock(&_sched_spinlock, key);
		return q == NULL ? -ENOMEM : -EINVAL;
	}
	z_pend_curr_locked(&q->mutex.wait_q, timeout);

	int ret = z_swap(key);

	return ret == -EAGAIN ? -ETIMEDOUT : ret;
}

int z_impl_k_futex_wake(struct k_futex *futex, bool wake_all)
{
	if (!word_ok(futex)) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct futex_queue *q = queue_get((uintptr_t)futex, QUEUE_PLAIN, false);
	int woken = 0;

	if (q != NULL && q->kind != QUEUE_PLAIN) {
		/* Waking PI waiters would hand nobody the lock they wait for. */
		k_spin_unlock(&_sched_spinlock, key);
		return -EINVAL;
	}
	while (q != NULL && z_wake_first(&q->mutex.wait_q, 0) != NULL) {
		woken++;
		if (!wake_all) {
			break;
		}
	}
	if (woken == 0) {
		k_spin_unlock(&_sched_spinlock, key);
	} else {
		z_reschedule(key);
	}
	return woken;
}

/* PI words */

enum owner_state {
	OWNER_LIVE, /* a thread that shares the word: wait behind it */
	OWNER_GONE, /* a thread object whose thread ended (or never ran): take over */
	OWNER_BAD,  /* anything else: refuse */
};

/*
 * What the thread pointer @t a PI word names is. With user mode it must be a
 * registered thread object (O(1), so a garbage value is never dereferenced
 * as a thread), not an idle thread, and, for a user caller, a thread that may
 * write the word itself: a word cannot lend a caller's priority to a thread
 * that does not share the lock.
 */
static enum owner_state owner_state(struct k_thread *t, const struct k_futex *futex)
{
#ifdef CONFIG_USERSPACE
	const struct z_object *ko = z_object_find_inline(t);

	if (ko == NULL || ko->type != K_OBJ_THREAD || z_is_idle_thread_object(t)) {
		return OWNER_BAD;
	}
	if (atomic_get(&ko->state) != Z_OBJ_INITIALIZED ||
	    (t->base.thread_state & _THREAD_DEAD) != 0U) {
		return OWNER_GONE;
	}
	if (z_syscall_in_progress() && !z_thread_may_write(t, futex, sizeof(*futex))) {
		return OWNER_BAD;
	}
#else
	ARG_UNUSED(futex);
	if ((t->base.thread_state & _THREAD_DEAD) != 0U) {
		return OWNER_GONE;
	}
#endif
	return OWNER_LIVE;
}

/*
 * The caller takes the word @v (free, or its owner gone): it names the caller
 * from now on, with the waiters bit if PI waiters are queued, whose queue's
 * mutex the caller then holds. False if the word changed meanwhile.
 */
static bool take_word(struct k_futex *futex, uintptr_t v)
{
	struct k_thread *cur = _current;
	struct futex_queue *q = pi_queue((uintptr_t)futex);
	uintptr_t nv = (uintptr_t)cur | (q != NULL ? WAITERS : 0U);

	if (!atomic_cas(&futex->val, (atomic_val_t)v, (atomic_val_t)nv)) {
		return false;
	}
	if (q != NULL && q->mutex.owner != cur) {
		z_mutex_disown_locked(&q->mutex);
		z_mutex_adopt_locked(&q->mutex, cur);
	}
	return true;
}

/*
 * One look at a PI word, under the scheduler lock: 0 (taken), -EOWNERDEAD
 * (taken from an owner that ended), 1 (*@owner holds it: with @mark, the
 * waiters bit is now set, so that its unlock enters the kernel), or an error.
 */
static int claim(struct k_futex *futex, bool mark, struct k_thread **owner)
{
	for (int i = 0; i < CAS_TRIES; i++) {
		uintptr_t v = (uintptr_t)atomic_get(&futex->val);
		struct k_thread *o = (struct k_thread *)(v & ~WAITERS);

		if (o == NULL) {
			if (take_word(futex, v)) {
				return 0;
			}
			continue;
		}
		if (o == _current) {
			return -EINVAL; /* the caller's own: sys_mutex counts its recursion itself
					 */
		}
		switch (owner_state(o, futex)) {
		case OWNER_BAD:
			return -EINVAL;
		case OWNER_GONE:
			if (take_word(futex, v)) {
				return -EOWNERDEAD;
			}
			continue;
		case OWNER_LIVE:
			break;
		}
		if (!mark || (v & WAITERS) != 0U ||
		    atomic_cas(&futex->val, (atomic_val_t)v, (atomic_val_t)(v | WAITERS))) {
			*owner = o;
			return 1;
		}
	}
	return -EAGAIN;
}

/* A PI waiter timed out: if none is left, the owner's unlock may stay in user mode. */
static void pi_wait_gone(struct k_futex *futex)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uintptr_t v = (uintptr_t)atomic_get(&futex->val);

	if ((v & WAITERS) != 0U && pi_queue((uintptr_t)futex) == NULL) {
		(void)atomic_cas(&futex->val, (atomic_val_t)v, (atomic_val_t)(v & ~WAITERS));
	}
	k_spin_unlock(&_sched_spinlock, key);
}

int z_impl_k_futex_lock_pi(struct k_futex *futex, k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr(), "no futex lock in an ISR");
	if (!word_ok(futex)) {
		return -EINVAL;
	}
	k_timepoint_t end = sys_timepoint_calc(timeout);

	for (;;) {
		k_timeout_t left = sys_timepoint_timeout(end);
		bool wait = !K_TIMEOUT_EQ(left, K_NO_WAIT);
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
		struct k_thread *owner = NULL;
		int ret = claim(futex, wait, &owner);

		if (ret == 1 && !wait) {
			ret = K_TIMEOUT_EQ(timeout, K_NO_WAIT) ? -EBUSY : -EAGAIN;
		}
		if (ret != 1) {
			k_spin_unlock(&_sched_spinlock, key);
			return ret;
		}
		struct futex_queue *q = queue_get((uintptr_t)futex, QUEUE_PI, true);

		if (q == NULL || q->kind != QUEUE_PI) {
			k_spin_unlock(&_sched_spinlock, key);
			return q == NULL ? -ENOMEM : -EINVAL;
		}
		if (q->mutex.owner != owner) {
			/* The word is what sharers go by: its owner now holds the queue. */
			z_mutex_disown_locked(&q->mutex);
			z_mutex_adopt_locked(&q->mutex, owner);
		}
		/* 0: the owner's unlock made the caller the owner and wrote it in the word. */
		ret = z_mutex_wait_locked(&q->mutex, left, key);
		if (ret == -EAGAIN) {
			pi_wait_gone(futex);
		}
		if (ret != -EOWNERDEAD) {
			return ret;
		}
		/* The owner ended holding it: look again (the first to look takes it). */
	}
}

int z_impl_k_futex_unlock_pi(struct k_futex *futex)
{
	if (!word_ok(futex)) {
		return -EINVAL;
	}
	struct k_thread *cur = _current;
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uintptr_t v = (uintptr_t)atomic_get(&futex->val);

	if ((v & ~WAITERS) != (uintptr_t)cur) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EPERM;
	}
	struct futex_queue *q = pi_queue((uintptr_t)futex);

	if (q == NULL) {
		atomic_set(&futex->val, 0);
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (q->mutex.owner != cur) {
		z_mutex_disown_locked(&q->mutex);
		z_mutex_adopt_locked(&q->mutex, cur);
	}
	/* Straight to the most urgent waiter; the caller's loan ends with its hold. */
	(void)z_mutex_unlock_locked(&q->mutex);

	struct k_thread *next = q->mutex.owner;
	bool more = busy(q);

	if (!more) {
		z_mutex_disown_locked(&q->mutex); /* nobody left to lend it anything */
	}
	atomic_set(&futex->val, (atomic_val_t)((uintptr_t)next | (more ? WAITERS : 0U)));
	z_reschedule(key);
	return 0;
}

#ifdef CONFIG_USERSPACE
/*
 * Zephyr's verifiers refuse a word the caller may not write with -EACCES (no
 * oops): the check is the only thing that stands between the kernel's reads
 * and writes of the word and memory the caller could not touch itself.
 */
static bool no_access(const struct k_futex *futex)
{
	return arch_buffer_validate(futex, sizeof(*futex), true) != 0;
}

int z_vrfy_k_futex_wait(struct k_futex *futex, int expected, k_timeout_t timeout)
{
	return no_access(futex) ? -EACCES : z_impl_k_futex_wait(futex, expected, timeout);
}

int z_vrfy_k_futex_wake(struct k_futex *futex, bool wake_all)
{
	return no_access(futex) ? -EACCES : z_impl_k_futex_wake(futex, wake_all);
}

int z_vrfy_k_futex_lock_pi(struct k_futex *futex, k_timeout_t timeout)
{
	return no_access(futex) ? -EACCES : z_impl_k_futex_lock_pi(futex, timeout);
}

int z_vrfy_k_futex_unlock_pi(struct k_futex *futex)
{
	return no_access(futex) ? -EACCES : z_impl_k_futex_unlock_pi(futex);
}
#endif
