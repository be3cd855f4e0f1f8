/*
 * k_spin_lock + k_spin_unlock of a lock no other CPU wants. Without SMP the
 * lock is empty and the pair only masks and restores interrupts; with SMP
 * (the spinlock_smp1 variant) it is a ticket lock (include/breeze/spinlock.h):
 * an atomic add and a load take it, a store hands it on.
 */
#include <breeze/kernel.h>
#include "bench.h"

#define ITERS 1000

static struct k_spinlock lock;

int main(void)
{
	BENCH_LOOP("spinlock.lock_unlock", ITERS, 0, {
		k_spinlock_key_t key = k_spin_lock(&lock);

		k_spin_unlock(&lock, key);
	});
	printk("BENCH done\n");
	sys_exit(0);
}
