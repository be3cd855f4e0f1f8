/*
 * k_object_init_once() raced from every CPU at once: exactly one caller runs
 * the initialiser, every other one is told so (-EALREADY or -EBUSY), and the
 * object ends up initialised once. Repeated over many fresh objects, with the
 * contenders released together by a shared counter.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>

#define ROUNDS     100
#define STACK_SIZE 1024

static struct k_sem objects[ROUNDS];
static atomic_t inits[ROUNDS];
static atomic_t wins[ROUNDS];
static atomic_t refusals[ROUNDS];
static atomic_t arrived[ROUNDS];

static struct k_thread racers[CONFIG_MP_MAX_NUM_CPUS];
K_THREAD_STACK_ARRAY_DEFINE(racer_stacks, CONFIG_MP_MAX_NUM_CPUS, STACK_SIZE);

static int init_sem(void *obj, void *arg)
{
	(void)atomic_inc(&inits[(uintptr_t)arg]);
	return k_sem_init(obj, 0, 1);
}

static void race(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uintptr_t r = 0; r < ROUNDS; r++) {
		/*
		 * All together: each waits for the others before it tries, by
		 * sleeping (under -icount a spinning hart would keep the others
		 * from their turns): all wake at the same tick and race.
		 */
		(void)atomic_inc(&arrived[r]);
		while ((unsigned int)atomic_get(&arrived[r]) < arch_num_cpus()) {
			k_sleep(K_TICKS(1));
		}
		int ret = k_object_init_once(&objects[r], K_OBJ_SEM, init_sem, (void *)r);

		if (ret == 0) {
			(void)atomic_inc(&wins[r]);
		} else if (ret == -EALREADY || ret == -EBUSY) {
			(void)atomic_inc(&refusals[r]);
		}
	}
}

ZTEST(smp_init_once, test_one_winner_per_object)
{
	unsigned int n = arch_num_cpus();

	for (unsigned int i = 0; i < n; i++) {
		k_thread_create(&racers[i], racer_stacks[i], STACK_SIZE, race, NULL, NULL, NULL,
				K_PRIO_PREEMPT(3), 0, K_FOREVER);
		zassert_ok(k_thread_cpu_pin(&racers[i], (int)i));
		k_thread_start(&racers[i]);
	}
	for (unsigned int i = 0; i < n; i++) {
		zassert_ok(k_thread_join(&racers[i], K_FOREVER));
	}
	for (int r = 0; r < ROUNDS; r++) {
		zassert_equal(atomic_get(&wins[r]), 1, "round %d: %ld winners", r,
			      atomic_get(&wins[r]));
		zassert_equal(atomic_get(&inits[r]), 1, "round %d: %ld inits", r,
			      atomic_get(&inits[r]));
		zassert_equal(atomic_get(&refusals[r]), (atomic_val_t)n - 1);
	}
}

ZTEST_SUITE(smp_init_once, NULL, NULL, NULL, NULL, NULL);
