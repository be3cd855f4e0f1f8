/*
 * A user thread's object checks are answered from its cache of the last two
 * objects it was allowed to use while nothing that could refuse them changed
 * (built for speed: the speed variant; elsewhere the same calls take the full
 * check, and these tests hold as well). Each change that can turn a pass into
 * a refusal must reach the cache:
 * - a grant revoked by another thread while both objects are cached: the
 *   other object still passes, the revoked one oopses;
 * - a grant the thread releases itself;
 * - a thread object whose thread ended (not initialised any more);
 * - storage registered again as another type.
 */
#include "steps.h"

RESULT static volatile int reached = NOT_REACHED;

static struct k_sem cache_a;
static struct k_sem cache_b;
static struct k_sem cache_go;
static union {
	struct k_sem sem;
	struct k_msgq msgq;
} reshaped;
static char reshaped_ring[2 * sizeof(uint32_t)] __aligned(4);

K_THREAD_STACK_DEFINE(cache_child_stack, 512);
static struct k_thread cache_child;

static void before(void *fixture)
{
	ztest_simple_1cpu_before(fixture);
	reached = NOT_REACHED;
	zassert_ok(k_sem_init(&cache_a, 0, 10));
	zassert_ok(k_sem_init(&cache_b, 0, 10));
	zassert_ok(k_sem_init(&cache_go, 0, 1));
}

ZTEST_SUITE(sys_obj_cache, NULL, NULL, before, ztest_simple_1cpu_after, NULL);

RESULT static volatile bool go_on;

/*
 * Both semaphores cached; then, once told to go on (waiting by sleeping, which
 * names no object and so leaves both in the cache), a again (still granted)
 * and b.
 */
static void two_objects(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sem_give(&cache_a);
	k_sem_give(&cache_b);
	k_sem_give(&cache_a);
	k_sem_give(&cache_b);
	reached = 1;
	while (!go_on) {
		k_msleep(1);
	}
	k_sem_give(&cache_a);
	reached = 2;
	k_sem_give(&cache_b); /* revoked meanwhile */
	reached = 3;
}

ZTEST(sys_obj_cache, test_revoked_while_cached) {
	k_tid_t t = user_create(0, two_objects, NULL, NULL, NULL, USER_PRIO, 0);

	go_on = false;
	k_object_access_grant(&cache_a, t);
	k_object_access_grant(&cache_b, t);

	unsigned int faults = expect_fault(K_ERR_KERNEL_OOPS);

	k_thread_start(t); /* runs first (more urgent, one CPU) until it sleeps */
	zassert_equal(reached, 1);
	k_object_access_revoke(&cache_b, t);
	go_on = true;
	join_faulted(t, faults);
	zassert_equal(reached, 2, "a revoked grant was still honoured");
	zassert_equal(k_sem_count_get(&cache_a), 3U);
	zassert_equal(k_sem_count_get(&cache_b), 2U);
}

static void releases_own_grant(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sem_give(&cache_a);
	k_sem_give(&cache_a);
	k_object_release(&cache_a);
	reached = 1;
	k_sem_give(&cache_a);
	reached = 2;
}

ZTEST(sys_obj_cache, test_released_while_cached) {
	k_tid_t t = user_create(0, releases_own_grant, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&cache_a, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(reached, 1, "a released grant was still honoured");
	zassert_equal(k_sem_count_get(&cache_a), 2U);
}

static void sleeper(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sleep(K_FOREVER);
}

/* Resumes the child (not suspended: no effect) twice, then after its end once more. */
static void resumes_child(void *child, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_thread_resume(child);
	k_thread_resume(child);
	reached = 1;
	(void)k_sem_take(&cache_go, K_FOREVER);
	reached = 2;
	k_thread_resume(child); /* ended meanwhile */
	reached = 3;
}

ZTEST(sys_obj_cache, test_thread_ended_while_cached) {
	k_tid_t child = k_thread_create(&cache_child, cache_child_stack,
					K_THREAD_STACK_SIZEOF(cache_child_stack), sleeper, NULL,
					NULL, NULL, USER_PRIO, 0, K_NO_WAIT);
	k_tid_t t = user_create(0, resumes_child, child, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(child, t);
	k_object_access_grant(&cache_go, t);
	k_thread_start(t);
	wait_until_waiting(t, &reached);
	zassert_equal(reached, 1);
	k_thread_abort(child);

	unsigned int faults = expect_fault(K_ERR_KERNEL_OOPS);

	k_sem_give(&cache_go);
	join_faulted(t, faults);
	zassert_equal(reached, 2, "an ended thread's object was still usable");
}

static void gives_reshaped(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sem_give(&reshaped.sem);
	k_sem_give(&reshaped.sem);
	reached = 1;
	(void)k_sem_take(&cache_go, K_FOREVER);
	reached = 2;
	k_sem_give(&reshaped.sem); /* a message queue now */
	reached = 3;
}

ZTEST(sys_obj_cache, test_reregistered_as_another_type) {
	zassert_ok(k_sem_init(&reshaped.sem, 0, 10));

	k_tid_t t = user_create(0, gives_reshaped, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&reshaped.sem, t);
	k_object_access_grant(&cache_go, t);
	k_thread_start(t);
	wait_until_waiting(t, &reached);
	zassert_equal(reached, 1);
	k_msgq_init(&reshaped.msgq, reshaped_ring, sizeof(uint32_t), 2);
	/* Granted again, as a queue: only the type may refuse the give now. */
	k_object_access_grant(&reshaped.msgq, t);

	unsigned int faults = expect_fault(K_ERR_KERNEL_OOPS);

	k_sem_give(&cache_go);
	join_faulted(t, faults);
	zassert_equal(reached, 2, "storage of another type was still taken for a semaphore");
	zassert_equal(k_msgq_num_used_get(&reshaped.msgq), 0U);
}
