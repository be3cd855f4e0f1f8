/*
 * Joining a thread object that never ran a thread: a user thread allocates a
 * K_OBJ_THREAD (it holds it; the verifier lets a dead thread be joined, and
 * this one reads as "not initialised" just like a dead one) and joins it. As
 * in Zephyr, where such an object counts as an exited thread, the call must
 * return (0) at once; above all it must not take the kernel down. Its own
 * image: a kernel fault here ends the run.
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
