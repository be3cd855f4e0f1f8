/*
 * k_spinlock: the lock behind every kernel structure.
 *
 * On one CPU taking the lock masks interrupts, which is all the exclusion that
 * is needed, and a lock costs nothing more: the structure is empty.
 *
 * With CONFIG_SMP it is also a ticket lock. A CPU takes the next ticket with
 * one atomic add and waits until the owner count reaches it; the holder hands
 * over by raising the owner count. Why tickets rather than test-and-set:
 * CPUs get the lock in the order they asked for it, so a CPU waits for at most
 * (CPUs - 1) critical sections, a bound a real-time kernel can state; and the
 * waiters only read the owner word while they spin, so the cache line is not
 * fought over by atomic writes as a test-and-set loop does.
 *
 * Memory ordering (RVWMO and any other weak model): the load that sees our
 * ticket has acquire semantics and the store that hands over has release
 * semantics, so everything written inside one holder's critical section is
 * visible to the next holder. Interrupts are masked before the ticket is
 * taken: an interrupt handler on this CPU taking the same lock would wait for
 * itself forever.
 *
 * A spinlock does not nest: taking one the CPU already holds deadlocks. With
 * CONFIG_ASSERT the lock remembers its holder and asserts instead.
 */
#ifndef BREEZE_SPINLOCK_H
#define BREEZE_SPINLOCK_H

#include <errno.h>
#include <stdbool.h>
#include <breeze/arch/cpu.h>
#include <breeze/sys/atomic.h>
#include <breeze/sys/__assert.h>

struct k_spinlock {
#ifdef CONFIG_SMP
	atomic_t next;  /* the ticket the next CPU to ask takes */
	atomic_t owner; /* the ticket that holds the lock */
#ifdef CONFIG_ASSERT
	atomic_t holder; /* CPU id + 1 of the holder, 0 if free */
#endif
#endif
};

typedef struct {
	unsigned int key;
} k_spinlock_key_t;

#ifdef CONFIG_SMP
/* Wait until @ticket owns @l (kernel/smp.c): the contended case, out of line. */
void z_spin_wait(struct k_spinlock *l, atomic_val_t ticket);
#endif

#if defined(CONFIG_SMP) && defined(CONFIG_ASSERT)
static ALWAYS_INLINE void z_spin_held_by_me_check(struct k_spinlock *l)
{
	__ASSERT(atomic_get(&l->holder) != (atomic_val_t)arch_proc_id() + 1,
		 "spinlock %p taken again by the CPU holding it", (void *)l);
}

static ALWAYS_INLINE void z_spin_holder_set(struct k_spinlock *l, bool held)
{
	atomic_set(&l->holder, held ? (atomic_val_t)arch_proc_id() + 1 : 0);
}
#else
#define z_spin_held_by_me_check(l) ((void)(l))
#define z_spin_holder_set(l, held) ((void)(l), (void)(held))
#endif

/* Take @l with interrupts already masked. */
static ALWAYS_INLINE void z_spin_acquire(struct k_spinlock *l)
{
#ifdef CONFIG_SMP
	z_spin_held_by_me_check(l);
	atomic_val_t ticket = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	if (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != ticket) {
		z_spin_wait(l, ticket);
	}
	z_spin_holder_set(l, true);
#else
	(void)l;
#endif
}

static ALWAYS_INLINE k_spinlock_key_t k_spin_lock(struct k_spinlock *l)
{
	k_spinlock_key_t k;

	k.key = arch_irq_lock();
	z_spin_acquire(l);
	return k;
}

/* Try once: 0 and the lock held, or -EBUSY (Zephyr's k_spin_trylock()). */
static ALWAYS_INLINE int k_spin_trylock(struct k_spinlock *l, k_spinlock_key_t *k)
{
	k->key = arch_irq_lock();
#ifdef CONFIG_SMP
	atomic_val_t owner = __atomic_load_n(&l->owner, __ATOMIC_RELAXED);
	atomic_val_t ticket = owner;

	/* Free when the next ticket is the owner's: take it only if still so. */
	if (!__atomic_compare_exchange_n(&l->next, &ticket, owner + 1, false, __ATOMIC_ACQUIRE,
					 __ATOMIC_RELAXED)) {
		arch_irq_unlock(k->key);
		return -EBUSY;
	}
	z_spin_holder_set(l, true);
#else
	(void)l;
#endif
	return 0;
}

/* Release the lock but keep interrupts masked (used before a context switch). */
static ALWAYS_INLINE void k_spin_release(struct k_spinlock *l)
{
#ifdef CONFIG_SMP
	z_spin_holder_set(l, false);
	/* Only the holder writes owner: a plain read, then the release store. */
	__atomic_store_n(&l->owner, __atomic_load_n(&l->owner, __ATOMIC_RELAXED) + 1,
			 __ATOMIC_RELEASE);
#else
	(void)l;
#endif
}

static ALWAYS_INLINE void k_spin_unlock(struct k_spinlock *l, k_spinlock_key_t key)
{
	k_spin_release(l);
	arch_irq_unlock(key.key);
}

#endif /* BREEZE_SPINLOCK_H */
