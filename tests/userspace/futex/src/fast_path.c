/*
 * The uncontended paths make no system call: a user thread times them in
 * instructions (QEMU's -icount makes the count exact: rdinstret on RISC-V,
 * the system timer's cycles on Cortex-M) against a null system call, the
 * cheapest round trip through the kernel. sys_sem give + take and sys_mutex
 * lock + unlock must each cost less than one such round trip, and tens of
 * instructions.
 */
#include <zephyr/sys/mutex.h>
#include <zephyr/sys/sem.h>
#include "user_util.h"

#define ITERS  200
#define TRIALS 3

RESULT static struct sys_sem sem;
RESULT static struct sys_mutex mutex;
RESULT static volatile uint32_t cost_sem, cost_mutex, cost_null;

static inline uint32_t instructions(void)
{
#if defined(CONFIG_RISCV)
	uint32_t v;

	__asm__ volatile("rdinstret %0" : "=r"(v));
	return v;
#else
	/* A system call in user mode: the same in every loop, so it cancels. */
	return k_cycle_get_32() * (1000000000U / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC);
#endif
}

/* Instructions per iteration of @body, less the empty loop; the least of a few trials. */
#define COST(body)                                                    \
	({                                                            \
		uint32_t best = UINT32_MAX;                           \
		for (int t = 0; t < TRIALS; t++) {                    \
			uint32_t t0 = instructions();                 \
			for (volatile int i = 0; i < ITERS; i++) {    \
			}                                             \
			uint32_t t1 = instructions();                 \
			for (volatile int i = 0; i < ITERS; i++) {    \
				body;                                 \
			}                                             \
			uint32_t t2 = instructions();                 \
			uint32_t c = ((t2 - t1) - (t1 - t0)) / ITERS; \
			best = MIN(best, c);                          \
		}                                                     \
		best;                                                 \
	})

static void measure(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	cost_sem = COST({
		(void)sys_sem_give(&sem);
		(void)sys_sem_take(&sem, K_NO_WAIT);
	});
	cost_mutex = COST({
		(void)sys_mutex_lock(&mutex, K_FOREVER);
		(void)sys_mutex_unlock(&mutex);
	});
	cost_null = COST((void)k_syscall_null());
}

ZTEST_SUITE(futex_fast_path, NULL, NULL, NULL, NULL, NULL);

ZTEST(futex_fast_path, test_uncontended_calls_stay_in_user_mode) {
	zassert_ok(sys_sem_init(&sem, 0, 1));
	sys_mutex_init(&mutex);
	run_to_end(user_create(0, measure, NULL, NULL, NULL, USER_PRIO, 0));
	printk("futex fast path (user mode, instructions): sys_sem give+take %u, sys_mutex "
	       "lock+unlock %u, null system call %u\n",
	       cost_sem, cost_mutex, cost_null);
	zassert_true(cost_sem < cost_null, "a system call in sys_sem give + take");
	zassert_true(cost_mutex < cost_null, "a system call in sys_mutex lock + unlock");
	zassert_true(cost_sem < 100 && cost_mutex < 100, "tens of instructions");
	zassert_equal(sys_sem_count_get(&sem), 0);
	zassert_equal(atomic_get(&mutex.futex.val), 0);
}
