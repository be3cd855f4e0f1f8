/*
 * Every CPU at once on one lock: a thread pinned to each CPU runs the same
 * loop of a read-modify-write of shared counters under a k_mutex, a
 * k_spinlock, a k_sem used as a lock, and as atomic_inc() alone. The final
 * counts must be exact: one lost update is a broken lock. Each thread also
 * notes the CPU it ran on, so the test knows the CPUs really overlapped.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>

#define LOOPS      300
#define STACK_SIZE 1024

static struct k_thread workers[CONFIG_MP_MAX_NUM_CPUS];
K_THREAD_STACK_ARRAY_DEFINE(stacks, CONFIG_MP_MAX_NUM_CPUS, STACK_SIZE);

static struct k_mutex mutex;
static struct k_sem sem;
static struct k_spinlock spin;
static atomic_t atomic_count;
static volatile uint32_t mutex_count, sem_count, spin_count;
static atomic_t cpus_seen;
static atomic_t started;

/* A read-modify-write with room in the middle for another CPU to interfere. */
static void bump(volatile uint32_t *counter)
{
	uint32_t v = *counter;

	for (volatile int i = 0; i < 3; i++) {
	}
	*counter = v + 1U;
}

static void hammer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	/*
	 * Start together: nobody finishes before the last one has begun. The
	 * wait sleeps rather than spin: under -icount a spinning hart would
	 * keep the others from their turns.
	 */
	(void)atomic_inc(&started);
	while ((unsigned int)atomic_get(&started) < arch_num_cpus()) {
		k_sleep(K_TICKS(1));
	}
	for (int i = 0; i < LOOPS; i++) {
		unsigned int key = arch_irq_lock();

		atomic_or(&cpus_seen, BIT(arch_proc_id()));
		arch_irq_unlock(key);

		k_mutex_lock(&mutex, K_FOREVER);
		bump(&mutex_count);
		k_mutex_unlock(&mutex);

		k_sem_take(&sem, K_FOREVER);
		bump(&sem_count);
		k_sem_give(&sem);

		k_spinlock_key_t k = k_spin_lock(&spin);

		bump(&spin_count);
		k_spin_unlock(&spin, k);

		(void)atomic_inc(&atomic_count);
	}
}

ZTEST(smp_hammer, test_counts_are_exact)
{
	unsigned int n = arch_num_cpus();

	k_mutex_init(&mutex);
	k_sem_init(&sem, 1, 1);
	for (unsigned int i = 0; i < n; i++) {
		k_thread_create(&workers[i], stacks[i], STACK_SIZE, hammer, NULL, NULL, NULL,
				K_PRIO_PREEMPT(1), 0, K_FOREVER);
		zassert_ok(k_thread_cpu_pin(&workers[i], (int)i));
		k_thread_start(&workers[i]);
	}
	for (unsigned int i = 0; i < n; i++) {
		zassert_ok(k_thread_join(&workers[i], K_FOREVER));
	}
	TC_PRINT("%u CPUs, %u loops each: mutex %u, sem %u, spinlock %u, atomic %ld\n", n, LOOPS,
		 mutex_count, sem_count, spin_count, atomic_get(&atomic_count));
	zassert_equal(mutex_count, n * LOOPS, "a mutex let two CPUs in");
	zassert_equal(sem_count, n * LOOPS, "a semaphore let two CPUs in");
	zassert_equal(spin_count, n * LOOPS, "a spinlock let two CPUs in");
	zassert_equal(atomic_get(&atomic_count), (atomic_val_t)(n * LOOPS));
	zassert_equal(atomic_get(&cpus_seen), (atomic_val_t)BIT_MASK(n), "not every CPU ran");
	zassert_equal(k_sem_count_get(&sem), 1U);
}

ZTEST_SUITE(smp_hammer, NULL, NULL, NULL, NULL, NULL);
