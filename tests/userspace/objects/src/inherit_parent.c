/*
 * K_INHERIT_PERMS passes on every object the parent holds but the parent's
 * own thread object, as in Zephyr: a user child gets no handle on its
 * creator. It still holds itself.
 */
#include "user_util.h"

static struct k_sem held;

RESULT static volatile int name_parent_ret;
RESULT static volatile int name_self_ret;
RESULT static volatile int give_ret;

static k_tid_t child;

static void child_entry(void *parent, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	name_parent_ret = k_thread_name_set(parent, "renamed");
	name_self_ret = k_thread_name_set(NULL, "child");
	k_sem_give(&held); /* inherited: no oops */
	give_ret = 0;
}

static void parent_entry(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	child =
	    user_create(1, child_entry, k_current_get(), NULL, NULL, USER_PRIO, K_INHERIT_PERMS);
	k_thread_start(child);
	(void)k_thread_join(child, K_FOREVER);
}

ZTEST(obj_inherit_parent, test_parent_not_inherited) {
	zassert_equal(k_sem_init(&held, 0, 1), 0);
	name_parent_ret = NOT_REACHED;
	name_self_ret = NOT_REACHED;
	give_ret = NOT_REACHED;

	/* The parent holds itself (every thread does) and the semaphore. */
	k_tid_t parent = pool_create(0, parent_entry, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&held, parent);
	run_to_end(parent);
	zassert_equal(k_thread_join(child, K_FOREVER), 0);
	zassert_equal(name_parent_ret, -EINVAL, "the child could name its parent");
	zassert_equal(name_self_ret, 0);
	zassert_equal(give_ret, 0);
	zassert_equal(k_sem_count_get(&held), 1);
}

ZTEST_SUITE(obj_inherit_parent, NULL, NULL, NULL, NULL, NULL);
