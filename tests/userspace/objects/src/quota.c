/*
 * The quota of dynamic objects per memory domain
 * (CONFIG_DYNAMIC_OBJECTS_DOMAIN_QUOTA): the user threads of one domain get
 * NULL from k_object_alloc() at exactly the quota while a thread of another
 * domain still gets objects; freeing an object, or the end of the thread
 * that held it, gives the charge back; supervisor threads are not limited.
 */
#include "user_util.h"

#define QUOTA CONFIG_DYNAMIC_OBJECTS_DOMAIN_QUOTA
#define POOL  CONFIG_DYNAMIC_OBJECTS_POOL_SIZE
BUILD_ASSERT(QUOTA < POOL, "the test needs a quota below the pool size");

RESULT static void *volatile got[QUOTA + 1];
RESULT static volatile int n_got;
RESULT static volatile int again[2];

static struct k_mem_domain dom_a;
static struct k_mem_domain dom_b;
static struct k_sem gate;

static void *setup(void)
{
	struct k_mem_partition *parts[] = { &results_part };

	zassert_equal(k_mem_domain_init(&dom_a, ARRAY_SIZE(parts), parts), 0);
	zassert_equal(k_mem_domain_init(&dom_b, ARRAY_SIZE(parts), parts), 0);
	return NULL;
}

ZTEST_SUITE(obj_quota, NULL, setup, NULL, NULL, NULL);

/* Allocates until refused, at most QUOTA + 1 times. */
static void alloc_until_refused(void)
{
	n_got = 0;
	for (int i = 0; i <= QUOTA; i++) {
		got[i] = k_object_alloc(K_OBJ_SEM);
		if (got[i] == NULL) {
			return;
		}
		n_got++;
	}
}

/* Fills its domain's quota, waits at the gate, then frees one and tries twice. */
static void fill_wait_free(void *g, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	alloc_until_refused();

	void *first = got[0]; /* got[] serves the other threads meanwhile */

	(void)k_sem_take(g, K_FOREVER);
	k_object_release(first);
	again[0] = k_object_alloc(K_OBJ_MUTEX) != NULL;
	again[1] = k_object_alloc(K_OBJ_MUTEX) != NULL;
}

static void fill(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	alloc_until_refused();
}

static k_tid_t in_domain(struct k_mem_domain *d, k_tid_t t)
{
	zassert_equal(k_mem_domain_add_thread(d, t), 0);
	return t;
}

ZTEST(obj_quota, test_quota_per_domain) {
	zassert_equal(k_sem_init(&gate, 0, 1), 0);
	k_tid_t a =
	    in_domain(&dom_a, user_create(0, fill_wait_free, &gate, NULL, NULL, USER_PRIO, 0));

	k_object_access_grant(&gate, a);
	k_thread_start(a); /* runs until it waits at the gate, holding QUOTA objects */
	zassert_equal(n_got, QUOTA, "refused after %d objects, not at the quota", n_got);

	/* Another domain is not held back by the first one's quota, only by the pool. */
	run_to_end(in_domain(&dom_b, user_create(1, fill, NULL, NULL, NULL, USER_PRIO, 0)));
	zassert_equal(n_got, MIN(QUOTA, POOL - QUOTA));

	/* A release gives one charge back: one more allocation, not two. */
	k_sem_give(&gate);
	zassert_equal(k_thread_join(a, K_FOREVER), 0);
	zassert_equal(again[0], 1, "the freed object's charge did not come back");
	zassert_equal(again[1], 0, "allocated past the quota");

	/* The thread ended holding its objects: they and their charges came back. */
	run_to_end(in_domain(&dom_a, user_create(0, fill, NULL, NULL, NULL, USER_PRIO, 0)));
	zassert_equal(n_got, QUOTA);
}

ZTEST(obj_quota, test_supervisor_not_limited) {
	void *objs[POOL];

	for (unsigned int i = 0; i < POOL; i++) {
		objs[i] = k_object_alloc(K_OBJ_SEM);
		zassert_not_null(objs[i], "supervisor allocation %u refused", i);
	}
	for (unsigned int i = 0; i < POOL; i++) {
		k_object_free(objs[i]);
	}
}
