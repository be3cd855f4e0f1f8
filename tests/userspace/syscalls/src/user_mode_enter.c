/*
 * k_thread_user_mode_enter: a supervisor thread on a K_THREAD_STACK_DEFINE
 * stack drops to user mode for good, keeping its grants and its domain, and
 * from then on is confined like any user thread.
 */
#include "user_util.h"

RESULT static volatile int r[8];
RESULT static volatile uintptr_t who[2];

static struct k_sem sem;
static volatile int kernel_only_word = 0x1234;

static struct k_thread drop_thread;
static K_THREAD_STACK_DEFINE(drop_stack, USER_STACK_SIZE);

/* A supervisor thread on a thread stack (K_THREAD_STACK_DEFINE), so that it can drop. */
static k_tid_t drop_create(k_thread_entry_t entry, void *p1, void *p2)
{
	return k_thread_create(&drop_thread, drop_stack, K_THREAD_STACK_SIZEOF(drop_stack), entry,
			       p1, p2, NULL, USER_PRIO, 0, K_FOREVER);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	who[0] = 0;
	who[1] = 0;
	zassert_equal(k_sem_init(&sem, 0, 10), 0);
}

ZTEST_SUITE(sys_user_mode_enter, NULL, NULL, before, NULL, NULL);

static void user_half(void *s, void *magic, void *touch_kernel)
{
	r[2] = k_is_user_context();
	r[3] = (int)(uintptr_t)magic;
	who[1] = (uintptr_t)k_current_get();
	k_sem_give(s); /* granted before the drop */
	r[4] = (int)k_sem_count_get(s);
	if (touch_kernel != NULL) {
		r[5] = *(volatile int *)touch_kernel;
	}
	r[6] = 1;
}

static void supervisor_half(void *s, void *touch_kernel, void *unused)
{
	ARG_UNUSED(unused);
	r[0] = k_is_user_context();
	r[1] = kernel_only_word; /* still allowed here */
	who[0] = (uintptr_t)k_current_get();
	k_thread_user_mode_enter(user_half, s, INT_ARG(4242), touch_kernel);
}

ZTEST(sys_user_mode_enter, test_drop_to_user_mode) {
	k_tid_t t = drop_create(supervisor_half, &sem, NULL);

	k_object_access_grant(&sem, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0x1234);
	zassert_equal(r[2], 1);
	zassert_equal(r[3], 4242);
	zassert_equal(who[0], (uintptr_t)t);
	zassert_equal(who[1], (uintptr_t)t);
	zassert_equal(r[4], 1);
	zassert_equal(r[6], 1);
	zassert_equal(k_sem_count_get(&sem), 1);
}

ZTEST(sys_user_mode_enter, test_confined_after_the_drop) {
	k_tid_t t = drop_create(supervisor_half, &sem, (void *)&kernel_only_word);

	k_object_access_grant(&sem, t);
	run_expect_fault(t, K_ERR_CPU_EXCEPTION);
	zassert_equal(r[1], 0x1234);
	zassert_equal(r[2], 1);
	zassert_equal(r[4], 1);
	zassert_equal(r[5], NOT_REACHED);
	zassert_equal(r[6], NOT_REACHED);
}

static void ungranted_half(void *s, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	r[0] = 1;
	k_sem_give(s);
	r[1] = 1;
}

static void supervisor_then_ungranted(void *s, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	/* A supervisor needs no grant... */
	k_sem_give(s);
	k_thread_user_mode_enter(ungranted_half, s, NULL, NULL);
}

ZTEST(sys_user_mode_enter, test_no_grant_after_the_drop) {
	k_tid_t t = drop_create(supervisor_then_ungranted, &sem, NULL);

	/* ...but once in user mode, the thread holds only what it was granted. */
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(r[0], 1);
	zassert_equal(r[1], NOT_REACHED);
	zassert_equal(k_sem_count_get(&sem), 1);
}
