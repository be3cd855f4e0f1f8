/*
 * User mode with every optional service off (kernel/Kconfig: CONFIG_MSGQ,
 * CONFIG_MEM_SLAB, CONFIG_K_STACK, CONFIG_K_QUEUE, CONFIG_EVENTS,
 * CONFIG_PIPES, CONFIG_K_TIMER, CONFIG_K_CONDVAR, CONFIG_POLL,
 * CONFIG_DYNAMIC_OBJECTS, CONFIG_USER_THREAD_CREATE): what is left works —
 * user threads on semaphores and mutexes with timeouts, supervisor threads
 * creating user threads, the system work queue and its delayed work — and
 * what is gone is refused cleanly: a user thread's k_thread_create() ends
 * the caller in an oops, the system calls of the services left out have no
 * ID (an ID past the image's calls is an oops), and k_object_alloc() hands
 * out nothing.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "user_util.h"

/* The services are out of the image, not merely unused. */
BUILD_ASSERT(!IS_ENABLED(CONFIG_K_QUEUE) && !IS_ENABLED(CONFIG_PIPES) &&
	     !IS_ENABLED(CONFIG_K_TIMER) && !IS_ENABLED(CONFIG_DYNAMIC_OBJECTS) &&
	     !IS_ENABLED(CONFIG_USER_THREAD_CREATE));

#define ROUNDS 10

K_SEM_DEFINE(ping, 0, 1);
K_SEM_DEFINE(pong, 0, 1);
K_MUTEX_DEFINE(lock);

static RESULT int counted;
static RESULT int first_take;

/* User mode: a timed take that times out, then ROUNDS exchanges under the mutex. */
static void pinger(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	first_take = k_sem_take(&ping, K_MSEC(2));
	for (int i = 0; i < ROUNDS; i++) {
		(void)k_sem_take(&ping, K_FOREVER);
		(void)k_mutex_lock(&lock, K_FOREVER);
		counted++;
		(void)k_mutex_unlock(&lock);
		k_sem_give(&pong);
	}
}

ZTEST(services_off, test_user_sem_mutex) {
	k_tid_t t = user_create(0, pinger, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &ping, &pong, &lock);
	counted = 0;
	first_take = NOT_REACHED;
	k_thread_start(t);
	/* Let its first take time out before the exchanges start. */
	k_sleep(K_MSEC(5));
	zassert_equal(first_take, -EAGAIN, "a timed take gave %d", first_take);
	for (int i = 0; i < ROUNDS; i++) {
		k_sem_give(&ping);
		zassert_ok(k_sem_take(&pong, K_MSEC(100)), "round %d", i);
	}
	zassert_ok(k_thread_join(t, K_FOREVER));
	zassert_equal(counted, ROUNDS);
}

/* User mode: k_thread_create() is no system call here. */
static void creator(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	(void)k_thread_create(p1, p2, USER_STACK_SIZE, creator, NULL, NULL, NULL, USER_PRIO, K_USER,
			      K_FOREVER);
}

ZTEST(services_off, test_user_thread_create_refused) {
	static struct k_thread child;
	k_tid_t t = user_create(1, creator, &child, pool_stack(2), NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &child, pool_stack(2));
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
}

/*
 * A call whose service is out of the image has no ID at all (the generator
 * numbers only the calls the configuration has), so no code can name it; the
 * IDs of the others are dense, and anything at or past K_SYSCALL_LIMIT —
 * where a left-out call's ID would be in a fuller image — is refused.
 */
#if defined(K_SYSCALL_K_PIPE_CLOSE) || defined(K_SYSCALL_K_QUEUE_GET) ||     \
    defined(K_SYSCALL_K_TIMER_START) || defined(K_SYSCALL_K_OBJECT_ALLOC) || \
    defined(K_SYSCALL_K_THREAD_CREATE)
#error "a configured-out system call has an ID"
#endif

/* User mode: an ID past the image's calls, with a valid object as its argument. */
static void caller_of_absent(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	(void)arch_syscall_invoke1((uintptr_t)p1, (uintptr_t)p2);
}

ZTEST(services_off, test_absent_call_refused) {
	static const uintptr_t ids[] = { K_SYSCALL_LIMIT, K_SYSCALL_LIMIT + 1U, 255U };

	for (size_t i = 0; i < ARRAY_SIZE(ids); i++) {
		k_tid_t t =
		    user_create(1, caller_of_absent, &lock, (void *)ids[i], NULL, USER_PRIO, 0);

		k_thread_access_grant(t, &lock);
		run_expect_fault(t, K_ERR_KERNEL_OOPS);
	}
}

static RESULT void *user_alloc;

static void allocator(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	user_alloc = k_object_alloc(K_OBJ_SEM);
}

/* Without dynamic objects nothing is allocated, in either mode (as in Zephyr). */
ZTEST(services_off, test_no_dynamic_objects) {
	zassert_is_null(k_object_alloc(K_OBJ_SEM));
	user_alloc = &user_alloc;
	run_to_end(user_create(1, allocator, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_is_null(user_alloc);
}

/* The system work queue needs neither queues nor timers. */
static K_SEM_DEFINE(worked, 0, 2);

static void work_handler(struct k_work *work)
{
	ARG_UNUSED(work);
	k_sem_give(&worked);
}

ZTEST(services_off, test_work_queue) {
	static K_WORK_DEFINE(work, work_handler);
	static K_WORK_DELAYABLE_DEFINE(delayed, work_handler);

	zassert_true(k_work_submit(&work) >= 0);
	zassert_true(k_work_schedule(&delayed, K_MSEC(3)) >= 0);
	zassert_ok(k_sem_take(&worked, K_MSEC(100)));
	zassert_ok(k_sem_take(&worked, K_MSEC(100)));
}

ZTEST_SUITE(services_off, NULL, NULL, NULL, NULL, NULL);
