/*
 * k_spinlock: the lock behind every kernel structure.
 *
 * On one CPU taking the lock masks interrupts, which is all the exclusion that
 * is needed. The structure and every call site already have the SMP shape: with
 * CONFIG_SMP the same calls also spin on an atomic flag, no caller changes.
 */
#ifndef BREEZE_SPINLOCK_H
#define BREEZE_SPINLOCK_H

#include <stdbool.h>
#include <breeze/arch/cpu.h>
#include <breeze/sys/atomic.h>

struct k_spinlock {
#ifdef CONFIG_SMP
	atomic_t locked;
#endif
};

typedef struct {
	unsigned int key;
} k_spinlock_key_t;

static ALWAYS_INLINE k_spinlock_key_t k_spin_lock(struct k_spinlock *l)
{
	k_spinlock_key_t k;

	(void)l;
	k.key = arch_irq_lock();
#ifdef CONFIG_SMP
	while (!atomic_cas(&l->locked, 0, 1)) {
	}
#endif
	return k;
}

static ALWAYS_INLINE void k_spin_unlock(struct k_spinlock *l, k_spinlock_key_t key)
{
	(void)l;
#ifdef CONFIG_SMP
	atomic_clear(&l->locked);
#endif
	arch_irq_unlock(key.key);
}

/* Release the lock but keep interrupts masked (used before a context switch). */
static ALWAYS_INLINE void k_spin_release(struct k_spinlock *l)
{
	(void)l;
#ifdef CONFIG_SMP
	atomic_clear(&l->locked);
#endif
}

#endif /* BREEZE_SPINLOCK_H */
