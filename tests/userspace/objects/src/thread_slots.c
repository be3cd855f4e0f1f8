/*
 * Thread permission indexes (CONFIG_MAX_THREADS of them) are reused: many
 * more threads than that can live one after another, or a few at a time, and
 * a thread that gets a dead thread's index gets none of its grants.
 */
#include "user_util.h"

#define ROUNDS (3 * CONFIG_MAX_THREADS)
#define BATCH  4

static struct k_sem sem;

RESULT static volatile int runs;
RESULT static volatile int steps;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(k_sem_init(&sem, 0, K_SEM_MAX_LIMIT), 0);
	runs = 0;
	steps = 0;
}

ZTEST_SUITE(obj_thread_slots, NULL, NULL, before, NULL, NULL);

static void give_once(void *s, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_sem_give(s);
	runs++;
}

ZTEST(obj_thread_slots, test_more_threads_than_indexes_one_at_a_time) {
	for (int i = 0; i < ROUNDS; i++) {
		k_tid_t t =
		    user_create(i % USER_THREADS, give_once, &sem, NULL, NULL, USER_PRIO, 0);

		zassert_true(t->userspace.perm_index < CONFIG_MAX_THREADS);
		k_object_access_grant(&sem, t);
		run_to_end(t);
		zassert_equal(runs, i + 1, "thread %d did not run", i);
	}
	zassert_equal(k_sem_count_get(&sem), ROUNDS);
}

/* Waits at the gate, then gives the semaphore. */
static void wait_give(void *gate, void *s, void *unused)
{
	ARG_UNUSED(unused);
	(void)k_sem_take(gate, K_FOREVER);
	k_sem_give(s);
	runs++;
}

ZTEST(obj_thread_slots, test_more_threads_than_indexes_in_batches) {
	static struct k_sem gate;
	const int batches = DIV_ROUND_UP(ROUNDS, BATCH);
	k_tid_t t[BATCH];

	for (int b = 0; b < batches; b++) {
		unsigned int indexes = 0;

		zassert_equal(k_sem_init(&gate, 0, K_SEM_MAX_LIMIT), 0);
		for (int i = 0; i < BATCH; i++) {
			t[i] = user_create(i, wait_give, &gate, &sem, NULL, USER_PRIO, 0);
			zassert_true(t[i]->userspace.perm_index < CONFIG_MAX_THREADS);
			indexes |= BIT(t[i]->userspace.perm_index);
			k_thread_access_grant(t[i], &gate, &sem);
			k_thread_start(t[i]);
		}
		zassert_equal(__builtin_popcount(indexes), BATCH, "live threads share an index");
		for (int i = 0; i < BATCH; i++) {
			k_sem_give(&gate);
		}
		for (int i = 0; i < BATCH; i++) {
			zassert_equal(k_thread_join(t[i], K_FOREVER), 0);
		}
	}
	zassert_equal(runs, batches * BATCH);
	zassert_equal(k_sem_count_get(&sem), batches * BATCH);
}

static void give_step(void *s, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	steps = 1;
	k_sem_give(s);
	steps = 2;
}

/* Create threads on pool slot @slot until one gets permission index @index. */
static k_tid_t create_with_index(unsigned int slot, unsigned int index)
{
	for (int tries = 0; tries < 2 * CONFIG_MAX_THREADS; tries++) {
		k_tid_t t = user_create(slot, give_step, &sem, NULL, NULL, USER_PRIO, 0);

		if (t->userspace.perm_index == index) {
			return t;
		}
		k_thread_abort(t);
	}
	zassert_unreachable("index %u never came back", index);
	return NULL;
}

ZTEST(obj_thread_slots, test_reused_index_has_no_stale_grants) {
	k_tid_t first = user_create(0, give_step, &sem, NULL, NULL, USER_PRIO, 0);
	unsigned int index = first->userspace.perm_index;

	k_object_access_grant(&sem, first);
	run_to_end(first);
	zassert_equal(steps, 2);
	zassert_equal(k_sem_count_get(&sem), 1);

	/* Another thread object, same index: the dead thread's grant must not carry over. */
	steps = 0;
	run_expect_fault(create_with_index(1, index), K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1);
	zassert_equal(k_sem_count_get(&sem), 1);

	/* And the same thread object again, also without the old grant. */
	steps = 0;
	run_expect_fault(create_with_index(0, index), K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1);
	zassert_equal(k_sem_count_get(&sem), 1);
}
