/*
 * Thread calls from user mode on threads the caller holds: a user thread
 * creates a user child on a granted stack (K_THREAD_STACK_DEFINE) and thread
 * object, names it, reads and lowers its priority, starts, joins, suspends,
 * resumes, wakes and aborts it. Raising a thread above the caller is an oops.
 */
#include "user_util.h"

#define PARENT_PRIO (TEST_PRIO + 1)
#define CHILD_PRIO  (PARENT_PRIO + 1)
#define N_RESULTS   24

K_THREAD_STACK_DEFINE(child_stack, 1024);

RESULT static volatile int r[N_RESULTS];
RESULT static volatile int child_r[4];
RESULT static volatile unsigned int counter;
RESULT static volatile int steps;
RESULT static char name_buf[CONFIG_THREAD_MAX_NAME_LEN];

/*
 * The child's thread object, granted to the parent: allocated by the test
 * body, or (variant static_thread_object) Zephyr's usual pattern, a plain
 * static struct k_thread that no supervisor thread has created anything on.
 */
static struct k_thread *child_obj;
#ifdef STATIC_THREAD_OBJECT
static struct k_thread static_child;
#endif

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < N_RESULTS; i++) {
		r[i] = NOT_REACHED;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(child_r); i++) {
		child_r[i] = NOT_REACHED;
	}
	counter = 0;
	steps = 0;
	memset(name_buf, 0, sizeof(name_buf));
#ifdef STATIC_THREAD_OBJECT
	child_obj = &static_child;
#else
	child_obj = k_object_alloc(K_OBJ_THREAD);
	zassert_not_null(child_obj);
#endif
}

/* No release needed: an allocated object nobody holds is freed when the test's thread ends. */
ZTEST_SUITE(sys_thread_calls, NULL, NULL, before, NULL, NULL);

/* Run @parent as a user thread holding the child's thread object and stack. */
static k_tid_t parent_create(k_thread_entry_t parent)
{
	k_tid_t t = user_create(0, parent, child_obj, NULL, NULL, PARENT_PRIO, 0);

	k_thread_access_grant(t, child_obj, child_stack);
	return t;
}

static void child_report(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	child_r[0] = k_is_user_context();
	child_r[1] = k_thread_priority_get(k_current_get());
	child_r[2] = (int)(uintptr_t)k_current_get();
}

static void create_name_priority_join(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	char small[3];
	k_tid_t t = k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack),
				    child_report, NULL, NULL, NULL, CHILD_PRIO, K_USER, K_FOREVER);

	r[0] = t == obj;
	r[1] = k_thread_name_set(t, "kid");
	r[2] = k_thread_name_copy(t, name_buf, sizeof(name_buf));
	r[3] = strcmp(name_buf, "kid");
	r[4] = k_thread_name_copy(t, small, sizeof(small));
	r[5] = k_thread_name_set(t, "a-name-longer-than-the-limit");
	r[6] = k_thread_name_copy(t, name_buf, sizeof(name_buf));
	r[7] = k_thread_priority_get(t);
	k_thread_priority_set(t, CHILD_PRIO + 2);
	r[8] = k_thread_priority_get(t);
	r[9] = k_thread_priority_get(k_current_get());
	r[10] = child_r[0]; /* not started yet */
	k_thread_start(t);
	r[11] = k_thread_join(t, K_FOREVER);
	r[12] = k_thread_join(t, K_NO_WAIT);
	/* The same object and stack serve again once the child is gone. */
	t = k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack), child_report,
			    NULL, NULL, NULL, CHILD_PRIO, K_USER, K_NO_WAIT);
	r[13] = k_thread_join(t, K_FOREVER);
	r[14] = child_r[1];
}

ZTEST(sys_thread_calls, test_create_name_priority_join) {
	run_to_end(parent_create(create_name_priority_join));
	zassert_equal(r[0], 1);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], 0, "name read back wrong");
	zassert_equal(r[4], -ENOSPC);
	zassert_equal(r[5], -EINVAL, "a name too long is refused from user mode, as in Zephyr");
	zassert_equal(r[6], 0);
	zassert_str_equal(name_buf, "kid", "the refused name changed the thread's");
	zassert_equal(r[7], CHILD_PRIO);
	zassert_equal(r[8], CHILD_PRIO + 2);
	zassert_equal(r[9], PARENT_PRIO);
	zassert_equal(r[10], NOT_REACHED);
	zassert_equal(r[11], 0);
	zassert_equal(r[12], 0);
	zassert_equal(child_r[0], 1);
	zassert_equal(child_r[2], (int)(uintptr_t)child_obj);
	zassert_equal(r[13], 0);
	zassert_equal(r[14], CHILD_PRIO);
}

static void create_and_join(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_tid_t t = k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack),
				    child_report, NULL, NULL, NULL, CHILD_PRIO, K_USER, K_NO_WAIT);

	r[0] = t == obj;
	r[1] = k_thread_join(t, K_FOREVER);
}

ZTEST(sys_thread_calls, test_create_on_object_a_supervisor_used) {
	/* A static thread object is registered once a supervisor created a thread on it. */
	static struct k_thread used_before;

	run_to_end(k_thread_create(&used_before, pool_stack(1), USER_STACK_SIZE, child_report, NULL,
				   NULL, NULL, USER_PRIO, 0, K_FOREVER));
	zassert_equal(child_r[0], 0);

	k_tid_t t = user_create(0, create_and_join, &used_before, NULL, NULL, PARENT_PRIO, 0);

	k_thread_access_grant(t, &used_before, child_stack);
	run_to_end(t);
	zassert_equal(r[0], 1);
	zassert_equal(r[1], 0);
	zassert_equal(child_r[0], 1);
	zassert_equal(child_r[1], CHILD_PRIO);
	zassert_equal(child_r[2], (int)(uintptr_t)&used_before);
}

static void child_count(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	for (;;) {
		counter++;
		k_msleep(1);
	}
}

static void suspend_resume_abort(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_tid_t t = k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack),
				    child_count, NULL, NULL, NULL, CHILD_PRIO, K_USER, K_NO_WAIT);

	k_msleep(10);
	r[0] = (int)counter;
	k_thread_suspend(t);
	r[1] = (int)counter;
	k_msleep(10);
	r[2] = (int)counter;
	k_thread_resume(t);
	k_msleep(10);
	r[3] = (int)counter;
	r[4] = k_thread_join(t, K_NO_WAIT);
	k_thread_abort(t);
	r[5] = k_thread_join(t, K_NO_WAIT);
	r[6] = (int)counter;
	k_msleep(10);
	r[7] = (int)counter;
}

ZTEST(sys_thread_calls, test_suspend_resume_abort) {
	run_to_end(parent_create(suspend_resume_abort));
	zassert_between_inclusive(r[0], 9, 11, "counted %d in 10 ms", r[0]);
	zassert_equal(r[1], r[0]);
	zassert_equal(r[2], r[1], "counted while suspended");
	zassert_between_inclusive(r[3] - r[2], 9, 11, "counted %d after resume", r[3] - r[2]);
	zassert_equal(r[4], -EBUSY);
	zassert_equal(r[5], 0);
	zassert_equal(r[7], r[6], "counted after abort");
}

static void child_sleep_long(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	child_r[0] = k_msleep(10000);
}

/* This parent allocates the child's thread object itself. */
static void wakeup_child(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_thread *obj = k_object_alloc(K_OBJ_THREAD);

	r[0] = obj != NULL;
	k_tid_t t =
	    k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack), child_sleep_long,
			    NULL, NULL, NULL, CHILD_PRIO, K_USER, K_NO_WAIT);
	int64_t t0 = k_uptime_ticks();

	k_msleep(5);
	k_wakeup(t);
	r[1] = k_thread_join(t, K_FOREVER);
	r[2] = (int)(k_uptime_ticks() - t0);
	k_object_release(obj);
}

ZTEST(sys_thread_calls, test_wakeup_sleeping_child) {
	run_to_end(parent_create(wakeup_child));
	zassert_equal(r[0], 1);
	zassert_equal(r[1], 0);
	zassert_between_inclusive(r[2], 50, 52);
	zassert_between_inclusive(child_r[0], 9995 - 1, 9995 + 1, "time left %d", child_r[0]);
}

static void raise_child_above_self(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_tid_t t = k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack),
				    child_report, NULL, NULL, NULL, CHILD_PRIO, K_USER, K_FOREVER);

	k_thread_priority_set(t, PARENT_PRIO); /* as urgent as the caller: fine */
	r[0] = k_thread_priority_get(t);
	steps = 1;
	k_thread_priority_set(t, PARENT_PRIO - 1);
	steps = 2;
}

ZTEST(sys_thread_calls, test_raise_priority_above_self_oopses) {
	run_expect_fault(parent_create(raise_child_above_self), K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1);
	zassert_equal(r[0], PARENT_PRIO);
	zassert_equal(k_thread_priority_get(child_obj), PARENT_PRIO);
	/* The child was never started; it is ours to clean up. */
	k_thread_abort(child_obj);
	zassert_equal(k_thread_join(child_obj, K_NO_WAIT), 0);
}

static void create_more_urgent_child(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	steps = 1;
	(void)k_thread_create(obj, child_stack, K_THREAD_STACK_SIZEOF(child_stack), child_report,
			      NULL, NULL, NULL, PARENT_PRIO - 1, K_USER, K_NO_WAIT);
	steps = 2;
}

ZTEST(sys_thread_calls, test_create_more_urgent_child_oopses) {
	run_expect_fault(parent_create(create_more_urgent_child), K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 1);
	zassert_equal(child_r[0], NOT_REACHED);
}
