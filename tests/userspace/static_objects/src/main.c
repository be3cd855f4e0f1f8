/*
 * Kernel object variables that nothing has entered in the registry yet: no
 * K_*_DEFINE, no initialisation, no grant. The image's table of kernel object
 * variables knows them all, as Zephyr's generated object table does:
 *
 * - a user thread naming one is refused for lack of permission (-EPERM), as
 *   in Zephyr, whatever its type and wherever it sits (alone, in an array,
 *   inside a structure, a function's static); a pointer into one, or an
 *   object of another type than the call wants, is no object (-EBADF);
 * - a supervisor can grant one before it is initialised, even through an
 *   untyped pointer, with K_THREAD_ACCESS_GRANT or k_object_access_all_grant(),
 *   and the user thread then initialises and uses it.
 *
 * The refusals are oopses of the calling thread; the test specification
 * checks the reason printed with each.
 */
#include "user_util.h"

static struct k_sem plain_sem;
static struct k_mutex plain_mutex;
static struct k_msgq plain_msgq;
static struct k_stack plain_stack;
static struct k_fifo plain_fifo;
static struct k_event plain_event;
static struct k_thread plain_thread;
static struct k_sem sem_array[3];
static struct {
	uint32_t before;
	struct k_mutex mutex;
} holder;

static struct k_sem *function_static_sem(void)
{
	static struct k_sem sem;

	return &sem;
}

/* What the user threads saw. */
static RESULT_DATA volatile int init_rc = NOT_REACHED;
static RESULT_DATA volatile int take_rc = NOT_REACHED;

static void reset_results(void)
{
	init_rc = NOT_REACHED;
	take_rc = NOT_REACHED;
}

/* Callers that must be refused: each names @p1 once. */

static void call_sem_give(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_give(p1);
}

static void call_mutex_lock(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_mutex_lock(p1, K_NO_WAIT);
}

static void call_msgq_put(void *p1, void *p2, void *p3)
{
	uint32_t msg = 1U;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_msgq_put(p1, &msg, K_NO_WAIT);
}

static void call_stack_push(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_stack_push(p1, 1U);
}

static void call_fifo_get(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_fifo_get((struct k_fifo *)p1, K_NO_WAIT);
}

static void call_event_post(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_event_post(p1, 1U);
}

static void call_thread_priority_get(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_thread_priority_get(p1);
}

static void expect_refused(k_thread_entry_t call, void *obj)
{
	run_expect_fault(user_create(0, call, obj, NULL, NULL, USER_PRIO, 0), K_ERR_KERNEL_OOPS);
}

ZTEST(static_objects, test_never_granted_sem) {
	expect_refused(call_sem_give, &plain_sem);
}

ZTEST(static_objects, test_never_granted_mutex) {
	expect_refused(call_mutex_lock, &plain_mutex);
}

ZTEST(static_objects, test_never_granted_msgq) {
	expect_refused(call_msgq_put, &plain_msgq);
}

ZTEST(static_objects, test_never_granted_stack) {
	expect_refused(call_stack_push, &plain_stack);
}

ZTEST(static_objects, test_never_granted_fifo) {
	expect_refused(call_fifo_get, &plain_fifo);
}

ZTEST(static_objects, test_never_granted_event) {
	expect_refused(call_event_post, &plain_event);
}

ZTEST(static_objects, test_never_granted_thread) {
	expect_refused(call_thread_priority_get, &plain_thread);
}

ZTEST(static_objects, test_never_granted_array_element) {
	expect_refused(call_sem_give, &sem_array[2]);
}

ZTEST(static_objects, test_never_granted_struct_member) {
	expect_refused(call_mutex_lock, &holder.mutex);
}

ZTEST(static_objects, test_never_granted_function_static) {
	expect_refused(call_sem_give, function_static_sem());
}

/* Inside an object (aligned, past its header): not an object. */
ZTEST(static_objects, test_never_granted_interior_pointer) {
	expect_refused(call_sem_give, (char *)&sem_array[1] + sizeof(uint32_t));
}

/* A mutex where the call wants a semaphore: not an object of that type. */
ZTEST(static_objects, test_never_granted_wrong_type) {
	expect_refused(call_sem_give, &plain_mutex);
}

/* Granted before anything initialised it: the user thread initialises and uses it. */

static void init_and_use_sem(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	init_rc = k_sem_init(p1, 0, 1);
	k_sem_give(p1);
	take_rc = k_sem_take(p1, K_NO_WAIT);
}

static void check_used(struct k_sem *sem)
{
	zassert_equal(init_rc, 0, "k_sem_init from user mode: %d", init_rc);
	zassert_equal(take_rc, 0, "k_sem_take from user mode: %d", take_rc);
	zassert_equal(k_sem_count_get(sem), 0U);
	zassert_equal(sem->limit, 1U, "the user thread's initialisation is not there");
}

/* The pointer's C type is lost: the table tells what the object is. */
ZTEST(static_objects, test_grant_untyped_then_init_from_user) {
	static struct k_sem later_sem;
	void *untyped = &later_sem;

	reset_results();
	k_tid_t t = user_create(0, init_and_use_sem, untyped, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(untyped, t);
	run_to_end(t);
	check_used(&later_sem);
}

/* An array element and a structure member, granted the same way. */
static struct {
	uint32_t before;
	struct k_sem sems[2];
} nested;

ZTEST(static_objects, test_grant_nested_then_init_from_user) {
	void *untyped = &nested.sems[1];

	reset_results();
	k_tid_t t = user_create(0, init_and_use_sem, untyped, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(untyped, t);
	run_to_end(t);
	check_used(&nested.sems[1]);
}

static struct k_sem public_sem;

ZTEST(static_objects, test_all_grant_then_init_from_user) {
	reset_results();
	k_object_access_all_grant(&public_sem);
	run_to_end(user_create(0, init_and_use_sem, &public_sem, NULL, NULL, USER_PRIO, 0));
	check_used(&public_sem);
}

/* K_THREAD_ACCESS_GRANT takes untyped pointers too. */
static struct k_sem static_thread_sem;
K_THREAD_DEFINE(static_user, USER_STACK_SIZE, init_and_use_sem, &static_thread_sem, NULL, NULL,
		USER_PRIO, K_USER, SYS_FOREVER_MS);
K_THREAD_ACCESS_GRANT(static_user, &static_thread_sem);

ZTEST(static_objects, test_static_thread_grant_then_init_from_user) {
	reset_results();
	run_to_end(static_user);
	check_used(&static_thread_sem);
}

/* A grant through an untyped pointer to something that is no object grants nothing. */
static uint32_t not_an_object[4];

ZTEST(static_objects, test_grant_untyped_non_object) {
	void *untyped = not_an_object;

	reset_results();
	k_tid_t t = user_create(0, init_and_use_sem, untyped, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(untyped, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(init_rc, NOT_REACHED);
	zassert_equal(not_an_object[0], 0U, "the kernel wrote into a non-object");
}

ZTEST_SUITE(static_objects, NULL, NULL, NULL, NULL, NULL);
