/*
 * Dynamic kernel objects (k_object_alloc) from supervisor and user mode: the
 * allocatable types (a message queue among them), init-once from user mode, the pool bound
 * (CONFIG_DYNAMIC_OBJECTS_POOL_SIZE), freeing with the last holder (a public
 * object only by k_object_free()), and the refusal of stale pointers to freed
 * objects.
 */
#include "user_util.h"

#define POOL CONFIG_DYNAMIC_OBJECTS_POOL_SIZE

RESULT static volatile int steps;
RESULT static void *volatile user_ptr[3];
RESULT static volatile int user_ret[8];

/* How many objects the pool hands out now; all are given back before returning. */
static unsigned int pool_available(void)
{
	void *objs[POOL + 1];
	unsigned int n = 0;

	while (n < ARRAY_SIZE(objs) && (objs[n] = k_object_alloc(K_OBJ_SEM)) != NULL) {
		n++;
	}
	for (unsigned int i = 0; i < n; i++) {
		k_object_release(objs[i]);
	}
	return n;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	steps = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(user_ret); i++) {
		user_ret[i] = NOT_REACHED;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(user_ptr); i++) {
		user_ptr[i] = NULL;
	}
	zassert_equal(pool_available(), POOL, "an earlier test left objects allocated");
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	zassert_equal(pool_available(), POOL, "the test left objects allocated");
}

ZTEST_SUITE(obj_dynamic, NULL, NULL, before, after, NULL);

/* Uses an allocated semaphore and mutex it was granted. */
static void use_sem_and_mutex(void *sem, void *mutex, void *unused)
{
	ARG_UNUSED(unused);
	k_sem_give(sem);
	user_ret[0] = (int)k_sem_count_get(sem);
	user_ret[1] = k_mutex_lock(mutex, K_NO_WAIT);
	user_ret[2] = k_mutex_unlock(mutex);
	user_ret[3] = k_is_user_context();
}

ZTEST(obj_dynamic, test_supervisor_alloc_each_type) {
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);
	struct k_mutex *mutex = k_object_alloc(K_OBJ_MUTEX);
	struct k_thread *thread = k_object_alloc(K_OBJ_THREAD);

	zassert_not_null(sem);
	zassert_not_null(mutex);
	zassert_not_null(thread);
	zassert_true(sem != (void *)mutex && (void *)mutex != thread && (void *)sem != thread);
	zassert_equal(k_sem_init(sem, 1, 5), 0);
	zassert_equal(k_mutex_init(mutex), 0);

	/* An allocated thread object runs a user thread like a static one. */
	k_tid_t t = k_thread_create(thread, pool_stack(0), USER_STACK_SIZE, use_sem_and_mutex, sem,
				    mutex, NULL, USER_PRIO, K_USER, K_FOREVER);

	zassert_equal_ptr(t, thread);
	k_thread_access_grant(t, sem, mutex);
	run_to_end(t);
	zassert_equal(user_ret[0], 2);
	zassert_equal(user_ret[1], 0);
	zassert_equal(user_ret[2], 0);
	zassert_equal(user_ret[3], 1);

	k_object_release(sem);
	k_object_release(mutex);
	k_object_release(thread);
}

/* Allocates one of each type from user mode and uses them; ends holding them. */
static void alloc_in_user_mode(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);
	struct k_mutex *mutex = k_object_alloc(K_OBJ_MUTEX);

	user_ptr[0] = sem;
	user_ptr[1] = mutex;
	user_ptr[2] = k_object_alloc(K_OBJ_THREAD);
	user_ret[0] = k_sem_init(sem, 1, 2);
	user_ret[1] = k_sem_take(sem, K_NO_WAIT);
	k_sem_give(sem);
	k_sem_give(sem);
	k_sem_give(sem);
	user_ret[2] = (int)k_sem_count_get(sem);
	user_ret[3] = k_mutex_init(mutex);
	user_ret[4] = k_mutex_lock(mutex, K_NO_WAIT);
	user_ret[5] = k_mutex_lock(mutex, K_NO_WAIT);
	user_ret[6] = k_mutex_unlock(mutex);
	user_ret[7] = k_mutex_unlock(mutex);
}

ZTEST(obj_dynamic, test_user_alloc_and_free_at_exit) {
	run_to_end(user_create(0, alloc_in_user_mode, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_not_null(user_ptr[0]);
	zassert_not_null(user_ptr[1]);
	zassert_not_null(user_ptr[2]);
	zassert_equal(user_ret[0], 0, "k_sem_init: %d", user_ret[0]);
	zassert_equal(user_ret[1], 0);
	zassert_equal(user_ret[2], 2, "limit 2 not kept");
	zassert_equal(user_ret[3], 0);
	zassert_equal(user_ret[4], 0);
	zassert_equal(user_ret[5], 0);
	zassert_equal(user_ret[6], 0);
	zassert_equal(user_ret[7], 0);
	/* The thread was the only holder of all three: its end freed them (checked in after). */
}

/* A message queue from the pool: its ring comes from the thread's resource pool. */
K_HEAP_DEFINE(ring_heap, 256);

static void msgq_in_user_mode(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_msgq *q = k_object_alloc(K_OBJ_MSGQ);
	int in = 42;
	int out = 0;

	user_ptr[0] = q;
	user_ret[0] = k_msgq_alloc_init(q, sizeof(int), 4);
	user_ret[1] = k_msgq_put(q, &in, K_NO_WAIT);
	user_ret[2] = k_msgq_get(q, &out, K_NO_WAIT);
	user_ret[3] = out;
	user_ret[4] = k_msgq_cleanup(q);
}

ZTEST(obj_dynamic, test_user_alloc_msgq) {
	k_tid_t t = user_create(0, msgq_in_user_mode, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &ring_heap);
	run_to_end(t);
	zassert_not_null(user_ptr[0], "no message queue from the pool");
	zassert_equal(user_ret[0], 0);
	zassert_equal(user_ret[1], 0);
	zassert_equal(user_ret[2], 0);
	zassert_equal(user_ret[3], 42);
	zassert_equal(user_ret[4], 0);
	/* The thread was its only holder: its end freed it (checked in after). */
}

/* A user k_sem_init with bad arguments leaves the object uninitialised: a good one then works. */
static void sem_init_bad_then_good(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);

	user_ret[0] = k_sem_init(sem, 0, 0);
	user_ret[1] = k_sem_init(sem, 3, 2);
	user_ret[2] = k_sem_init(sem, 2, 2);
	user_ret[3] = (int)k_sem_count_get(sem);
	k_object_release(sem);
}

ZTEST(obj_dynamic, test_user_failed_init_leaves_object_uninitialised) {
	run_to_end(user_create(0, sem_init_bad_then_good, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(user_ret[0], -EINVAL);
	zassert_equal(user_ret[1], -EINVAL);
	zassert_equal(user_ret[2], 0);
	zassert_equal(user_ret[3], 2);
}

/* Gives its granted semaphore, lets go of it, then waits at the gate. */
static void give_release_wait(void *sem, void *gate, void *unused)
{
	ARG_UNUSED(unused);
	k_sem_give(sem);
	steps = 1;
	k_object_release(sem);
	steps = 2;
	(void)k_sem_take(gate, K_FOREVER);
	steps = 3;
}

ZTEST(obj_dynamic, test_pool_exhausted_then_refilled_by_release) {
	void *objs[POOL];
	static struct k_sem gate;

	zassert_equal(k_sem_init(&gate, 0, 1), 0);
	for (unsigned int i = 0; i < POOL; i++) {
		objs[i] = k_object_alloc(i % 2U == 0U ? K_OBJ_SEM : K_OBJ_MUTEX);
		zassert_not_null(objs[i], "allocation %u of %u failed", i, POOL);
	}
	zassert_is_null(k_object_alloc(K_OBJ_SEM));
	zassert_is_null(k_object_alloc(K_OBJ_MUTEX));
	zassert_is_null(k_object_alloc(K_OBJ_THREAD));

	/* The only holder lets go: the block is free again, and only one. */
	k_object_release(objs[1]);
	objs[1] = k_object_alloc(K_OBJ_MUTEX);
	zassert_not_null(objs[1]);
	zassert_is_null(k_object_alloc(K_OBJ_SEM));

	/* Two holders: the object lives until the user thread lets go too. */
	zassert_equal(k_sem_init(objs[0], 0, 5), 0);
	k_tid_t t = user_create(0, give_release_wait, objs[0], &gate, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, objs[0], &gate);
	k_object_release(objs[0]);
	zassert_is_null(k_object_alloc(K_OBJ_SEM), "freed while a user thread held it");
	k_thread_start(t); /* runs until it waits at the gate, having released */
	zassert_equal(steps, 2);
	objs[0] = k_object_alloc(K_OBJ_SEM);
	zassert_not_null(objs[0], "not freed by the last holder's release");
	zassert_is_null(k_object_alloc(K_OBJ_SEM));
	k_sem_give(&gate);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(steps, 3);

	for (unsigned int i = 0; i < POOL; i++) {
		k_object_release(objs[i]);
	}
}

/* Uses @obj as a semaphore: give, then read the count. */
static void give_and_count(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	k_sem_give(obj);
	steps++;
	user_ret[0] = (int)k_sem_count_get(obj);
	steps++;
}

/* Locks @obj as a mutex (granted), then uses the same pointer as a semaphore. */
static void lock_then_give(void *obj, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	user_ret[0] = k_mutex_lock(obj, K_NO_WAIT);
	user_ret[1] = k_mutex_unlock(obj);
	steps = 1;
	k_sem_give(obj);
	steps = 2;
}

ZTEST(obj_dynamic, test_stale_pointer_refused) {
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);

	zassert_not_null(sem);
	zassert_equal(k_sem_init(sem, 0, 5), 0);
	/* Public, so that only the object's existence is in question below. */
	k_object_access_all_grant(sem);
	run_to_end(user_create(0, give_and_count, sem, NULL, NULL, USER_PRIO, 0));
	zassert_equal(steps, 2);
	zassert_equal(user_ret[0], 1);

	/*
	 * Public: its users need no grant, so nobody can tell when the last one
	 * is done; a release leaves it, only k_object_free() ends it.
	 */
	k_object_release(sem);
	zassert_equal(pool_available(), POOL - 1, "a public object was freed by a release");
	k_object_free(sem);
	steps = 0;
	run_expect_fault(user_create(0, give_and_count, sem, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(steps, 0, "a freed semaphore was used");

	/* The block comes back as a mutex: the old semaphore pointer is still refused. */
	struct k_mutex *mutex = k_object_alloc(K_OBJ_MUTEX);

	zassert_equal_ptr(mutex, sem, "expected the freed block back (premise of the test)");
	zassert_equal(k_mutex_init(mutex), 0);
	k_tid_t t = user_create(0, lock_then_give, mutex, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(mutex, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(user_ret[0], 0);
	zassert_equal(user_ret[1], 0);
	zassert_equal(steps, 1);
	k_object_release(mutex);
}

ZTEST(obj_dynamic, test_supervisor_free) {
	static struct k_sem fixed;
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);

	zassert_not_null(sem);
	zassert_equal(pool_available(), POOL - 1);
	k_object_free(sem);
	zassert_equal(pool_available(), POOL);

	/* A static object is not the pool's: k_object_free leaves it alone. */
	zassert_equal(k_sem_init(&fixed, 1, 3), 0);
	k_object_free(&fixed);
	k_object_access_all_grant(&fixed);
	run_to_end(user_create(0, give_and_count, &fixed, NULL, NULL, USER_PRIO, 0));
	zassert_equal(steps, 2);
	zassert_equal(user_ret[0], 2);
}

/* Asks for each type that cannot be allocated. */
static void alloc_bad_types(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	user_ptr[0] = k_object_alloc(K_OBJ_ANY);
	user_ptr[1] = k_object_alloc(K_OBJ_THREAD_STACK_ELEMENT);
	user_ptr[2] = k_object_alloc(K_OBJ_LAST);
	steps = 1;
}

ZTEST(obj_dynamic, test_unsupported_types_refused) {
	zassert_is_null(k_object_alloc(K_OBJ_ANY));
	zassert_is_null(k_object_alloc(K_OBJ_THREAD_STACK_ELEMENT));
	zassert_is_null(k_object_alloc(K_OBJ_LAST));
	zassert_is_null(k_object_alloc((enum k_objects)200));

	for (unsigned int i = 0; i < ARRAY_SIZE(user_ptr); i++) {
		user_ptr[i] = INT_ARG(1);
	}
	run_to_end(user_create(0, alloc_bad_types, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(steps, 1);
	zassert_is_null(user_ptr[0]);
	zassert_is_null(user_ptr[1]);
	zassert_is_null(user_ptr[2]);
}
