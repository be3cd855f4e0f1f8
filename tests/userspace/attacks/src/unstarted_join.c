/*
 * Joining a thread object that never ran a thread: a user thread allocates a
 * K_OBJ_THREAD (it holds it; the verifier lets a dead thread be joined, and
 * this one reads as "not initialised" just like a dead one) and joins it. As
 * in Zephyr, where such an object counts as an exited thread, the call must
 * return (0) at once; above all it must not take the kernel down. Aborting
 * such an object, or a thread that ended, does nothing either (as in
 * Zephyr); an ungranted one is still an oops. Its own image: a kernel fault
 * here ends the run.
 */
#include "attack.h"

static void join_allocated_thread(void *arg)
{
	ARG_UNUSED(arg);
	struct k_thread *t = k_object_alloc(K_OBJ_THREAD);

	attack_log.loot = (uintptr_t)t;
	if (t != NULL) {
		attack_log.loot = (uintptr_t)k_thread_join(t, K_MSEC(1));
	}
}

ATTACK_SUITE(attacks_unstarted_join);

ZTEST(attacks_unstarted_join, test_join_never_started_thread) {
	user_run(join_allocated_thread, NULL, NULL);
	zassert_equal(attack_log.loot, 0U, "join returned %ld", (long)attack_log.loot);
}

static void abort_allocated_thread(void *arg)
{
	ARG_UNUSED(arg);
	struct k_thread *t = k_object_alloc(K_OBJ_THREAD);

	attack_log.loot = (uintptr_t)t;
	if (t != NULL) {
		k_thread_abort(t);
		attack_log.loot = 0;
	}
}

ZTEST(attacks_unstarted_join, test_abort_never_started_thread) {
	user_run(abort_allocated_thread, NULL, NULL);
	zassert_equal(attack_log.loot, 0U);
}

static struct k_thread ended;
static K_THREAD_STACK_DEFINE(ended_stack, 1024);

static void end_at_once(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static void abort_thread(void *t)
{
	attack_arm();
	k_thread_abort(t);
	attack_log.loot = 0;
}

static void start_ended_thread(void)
{
	k_thread_create(&ended, ended_stack, K_THREAD_STACK_SIZEOF(ended_stack), end_at_once, NULL,
			NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&ended, K_FOREVER));
}

ZTEST(attacks_unstarted_join, test_abort_ended_thread) {
	start_ended_thread();
	user_run(abort_thread, &ended, ATTACK_GRANTS(&ended));
	zassert_equal(attack_log.loot, 0U);
}

ZTEST(attacks_unstarted_join, test_abort_ended_thread_without_grant) {
	start_ended_thread();
	attack_run(K_ERR_KERNEL_OOPS, abort_thread, &ended, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}
