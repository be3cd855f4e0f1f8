/*
 * Grants as Zephyr code makes them: k_thread_access_grant() with a long list,
 * grants of message queues and memory slabs before they are initialised, and
 * k_object_access_revoke() freeing an allocated object its last holder loses.
 */
#include "user_util.h"

#define MANY 24

static struct k_sem many[MANY];
static struct k_msgq queue;
static struct k_mem_slab slab;
static char __aligned(4) queue_buffer[4 * sizeof(uint32_t)];
/* User threads allocate from a slab only if they may write its buffer. */
RESULT static char __aligned(4) slab_buffer[2 * 32];

RESULT static volatile int given;
RESULT static volatile int queue_ret[2];
RESULT static volatile uint32_t queue_got;
RESULT static volatile int slab_ret[2];

ZTEST_SUITE(obj_grant_compat, NULL, NULL, NULL, NULL, NULL);

static void give_each(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	for (int i = 0; i < MANY; i++) {
		k_sem_give(&many[i]);
		given = i + 1;
	}
}

ZTEST(obj_grant_compat, test_thread_access_grant_any_number) {
	for (int i = 0; i < MANY; i++) {
		zassert_equal(k_sem_init(&many[i], 0, 1), 0);
	}
	given = 0;
	k_tid_t t = user_create(0, give_each, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &many[0], &many[1], &many[2], &many[3], &many[4], &many[5],
			      &many[6], &many[7], &many[8], &many[9], &many[10], &many[11],
			      &many[12], &many[13], &many[14], &many[15], &many[16], &many[17],
			      &many[18], &many[19], &many[20], &many[21], &many[22], &many[23]);
	run_to_end(t);
	zassert_equal(given, MANY);
	for (int i = 0; i < MANY; i++) {
		zassert_equal(k_sem_count_get(&many[i]), 1, "semaphore %d", i);
	}
}

static void use_queue_and_slab(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	uint32_t msg = 0x5eed;
	uint32_t out = 0;
	void *block = NULL;

	queue_ret[0] = k_msgq_put(&queue, &msg, K_NO_WAIT);
	queue_ret[1] = k_msgq_get(&queue, &out, K_NO_WAIT);
	queue_got = out;
	slab_ret[0] = k_mem_slab_alloc(&slab, &block, K_NO_WAIT);
	if (slab_ret[0] == 0) {
		k_mem_slab_free(&slab, block);
	}
	slab_ret[1] = (int)k_mem_slab_num_used_get(&slab);
}

/* Granted while still plain variables, initialised afterwards: as k_sem has always been. */
ZTEST(obj_grant_compat, test_grant_msgq_and_slab_before_init) {
	k_tid_t t = user_create(0, use_queue_and_slab, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &queue, &slab);
	k_msgq_init(&queue, queue_buffer, sizeof(uint32_t), 4);
	zassert_equal(k_mem_slab_init(&slab, slab_buffer, 32, 2), 0);
	run_to_end(t);
	zassert_equal(queue_ret[0], 0);
	zassert_equal(queue_ret[1], 0);
	zassert_equal(queue_got, 0x5eed);
	zassert_equal(slab_ret[0], 0);
	zassert_equal(slab_ret[1], 0);
}

/* The pool hands a freed block out first: getting the same address back shows it was freed. */
ZTEST(obj_grant_compat, test_revoke_of_last_holder_frees) {
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);

	zassert_not_null(sem);
	k_object_access_revoke(sem, k_current_get());
	struct k_sem *again = k_object_alloc(K_OBJ_SEM);

	zassert_equal_ptr(again, sem, "the revoked object was not freed");
	k_object_release(again);
}

static void do_nothing(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
}

/* Revoking from one holder of two frees nothing. */
ZTEST(obj_grant_compat, test_revoke_of_one_holder_keeps) {
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);
	k_tid_t t = user_create(0, do_nothing, NULL, NULL, NULL, USER_PRIO, 0);

	zassert_not_null(sem);
	k_object_access_grant(sem, t);
	k_object_access_revoke(sem, k_current_get());
	struct k_sem *other = k_object_alloc(K_OBJ_SEM);

	zassert_true(other != sem, "an object still held was freed");
	k_object_release(other);
	run_to_end(t); /* its end frees what it alone held */
	zassert_equal_ptr(k_object_alloc(K_OBJ_SEM), sem);
	k_object_release(sem);
}
