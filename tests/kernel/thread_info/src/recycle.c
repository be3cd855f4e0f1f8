/*
 * k_object_recycle(): every earlier grant goes, the caller holds the object,
 * and its init state is left alone (an initialised semaphore stays usable, a
 * never-initialised one stays unusable from user mode until initialised).
 */
#include "user_util.h"

ZTEST_SUITE(object_recycle, NULL, NULL, NULL, NULL, NULL);

static struct k_sem pooled;
static struct k_sem never_initialised;
RESULT static volatile uint32_t armed;

static void give(void *sem, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	armed = 1;
	k_sem_give(sem);
	armed = 2;
}

ZTEST(object_recycle, test_grants_cleared_caller_holds) {
	k_sem_init(&pooled, 0, 1);
	k_tid_t t = user_create(0, give, &pooled, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&pooled, t);
	run_to_end(t);
	zassert_equal(k_sem_count_get(&pooled), 1, "the first user used it");

	/* Recycled while a second user holds a grant too: that grant goes. */
	k_tid_t holder = user_create(1, give, &pooled, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&pooled, holder);
	k_object_recycle(&pooled);
	k_sem_reset(&pooled);
	armed = 0;
	run_expect_fault(holder, K_ERR_KERNEL_OOPS);
	zassert_equal(armed, 1);
	zassert_equal(k_sem_count_get(&pooled), 0, "the old holder gave it");

	/* The caller holds it, and may pass it on. */
	t = user_create(0, give, &pooled, NULL, NULL, USER_PRIO, 0);
	k_object_access_grant(&pooled, t);
	run_to_end(t);
	zassert_equal(k_sem_count_get(&pooled), 1);
}

ZTEST(object_recycle, test_never_initialised_stays_so) {
	k_object_recycle(&never_initialised);
	k_tid_t t = user_create(0, give, &never_initialised, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&never_initialised, t);
	armed = 0;
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(armed, 1, "a recycled, never-initialised semaphore is no semaphore yet");
	k_sem_init(&never_initialised, 0, 1);
	t = user_create(0, give, &never_initialised, NULL, NULL, USER_PRIO, 0);
	k_object_access_grant(&never_initialised, t);
	run_to_end(t);
	zassert_equal(k_sem_count_get(&never_initialised), 1);
}
