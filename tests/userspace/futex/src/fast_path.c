/*
 * The uncontended paths make no system call: a user thread times them in
 * instructions (QEMU's -icount makes the count exact: rdinstret on RISC-V,
 * the system timer's cycles on Cortex-M), and so does a supervisor thread.
 * sys_sem give + take and sys_mutex lock + unlock must cost the same in both
 * modes, give or take less than half a null system call (the cheapest round
 * trip through the kernel), and tens of instructions.
 */
#include <zephyr/sys/mutex.h>
#include <zephyr/sys/sem.h>
#include "user_util.h"

#define ITERS  200
#define TRIALS 3

RESULT static struct sys_sem sem;
RESULT static struct sys_mutex mutex;
/* [0]: supervisor mode, [1]: user mode. */
RESULT static volatile uint32_t cost_sem[2], cost_mutex[2], cost_null;

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

static void measure(void *user, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	int m = user != NULL;

	cost_sem[m] = COST({
		(void)sys_sem_give(&sem);
		(void)sys_sem_take(&sem, K_NO_WAIT);
	});
	cost_mutex[m] = COST({
		(void)sys_mutex_lock(&mutex, K_FOREVER);
		(void)sys_mutex_unlock(&mutex);
	});
	if (m) {
		cost_null = COST((void)k_syscall_null());
	}
}

ZTEST_SUITE(futex_fast_path, NULL, NULL, NULL, NULL, NULL);

/*
 * The same calls cost the same in both modes when neither enters the
 * kernel; a system call would add at least a null one's round trip in user
 * mode (a supervisor's system call is a plain function call).
 */
ZTEST(futex_fast_path, test_uncontended_calls_stay_in_user_mode) {
	zassert_ok(sys_sem_init(&sem, 0, 1));
	sys_mutex_init(&mutex);
	measure(NULL, NULL, NULL);
	run_to_end(user_create(0, measure, INT_ARG(1), NULL, NULL, USER_PRIO, 0));
	printk("futex fast path (instructions, supervisor / user): sys_sem give+take %u / %u, "
	       "sys_mutex lock+unlock %u / %u; null system call %u\n",
	       cost_sem[0], cost_sem[1], cost_mutex[0], cost_mutex[1], cost_null);
	zassert_true(cost_sem[1] < cost_sem[0] + cost_null / 2, "a system call in sys_sem");
	zassert_true(cost_mutex[1] < cost_mutex[0] + cost_null / 2, "a system call in sys_mutex");
	zassert_true(cost_sem[1] < 100 && cost_mutex[1] < 100, "tens of instructions");
	zassert_equal(sys_sem_count_get(&sem), 0);
	zassert_equal(atomic_get(&mutex.futex.val), 0);
}
