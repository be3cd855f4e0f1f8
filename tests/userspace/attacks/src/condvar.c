/*
 * System call attacks on k_condvar: a condvar or a mutex never granted,
 * objects of the wrong type in either place. Each ends in the caller's death
 * alone; a supervisor waiter on the condvar keeps waiting and is woken
 * normally afterwards. Initialising a condvar in use again is refused
 * (-EBUSY) and leaves its waiter waiting.
 */
#include "attack.h"

K_CONDVAR_DEFINE(granted_condvar);
K_CONDVAR_DEFINE(ungranted_condvar);
static K_MUTEX_DEFINE(granted_mutex);
static K_MUTEX_DEFINE(ungranted_mutex);
static K_SEM_DEFINE(granted_sem, 0, 1);

static struct k_thread waiter_thread;
static K_THREAD_STACK_DEFINE(waiter_stack, 1024);
static volatile int waiter_ret;

static void signal_condvar(void *condvar)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_condvar_signal(condvar);
}

static void broadcast_condvar(void *condvar)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_condvar_broadcast(condvar);
}

static void wait_with(void *mutex)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_condvar_wait(&granted_condvar, mutex, K_MSEC(1));
}

static void init_condvar(void *condvar)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_condvar_init(condvar);
}

/* A supervisor thread waits on @condvar through the attack. */
static void wait_entry(void *condvar, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_mutex_lock(&granted_mutex, K_FOREVER);
	waiter_ret = k_condvar_wait(condvar, &granted_mutex, K_FOREVER);
	k_mutex_unlock(&granted_mutex);
}

static void start_supervisor_waiter(struct k_condvar *condvar)
{
	waiter_ret = 0xdead;
	k_thread_create(&waiter_thread, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack),
			wait_entry, condvar, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	k_msleep(1);
}

/* The waiter was neither woken nor lost: one signal wakes it now. */
static void check_waiter_still_waits(struct k_condvar *condvar)
{
	zassert_equal(waiter_ret, 0xdead, "the waiter was woken");
	zassert_equal(k_condvar_signal(condvar), 0);
	zassert_ok(k_thread_join(&waiter_thread, K_MSEC(10)), "the waiter was lost");
	zassert_equal(waiter_ret, 0);
}

ATTACK_SUITE(attacks_condvar);

ZTEST(attacks_condvar, test_condvar_signal_without_grant) {
	start_supervisor_waiter(&ungranted_condvar);
	attack_run(K_ERR_KERNEL_OOPS, signal_condvar, &ungranted_condvar,
		   ATTACK_GRANTS(&granted_condvar));
	check_waiter_still_waits(&ungranted_condvar);
}

ZTEST(attacks_condvar, test_condvar_broadcast_mutex) {
	attack_run(K_ERR_KERNEL_OOPS, broadcast_condvar, &granted_mutex,
		   ATTACK_GRANTS(&granted_mutex));
	zassert_equal(k_mutex_lock(&granted_mutex, K_NO_WAIT), 0, "the mutex is broken");
	k_mutex_unlock(&granted_mutex);
}

ZTEST(attacks_condvar, test_condvar_wait_mutex_without_grant) {
	attack_run(K_ERR_KERNEL_OOPS, wait_with, &ungranted_mutex, ATTACK_GRANTS(&granted_condvar));
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_condvar, test_condvar_wait_sem_as_mutex) {
	attack_run(K_ERR_KERNEL_OOPS, wait_with, &granted_sem,
		   ATTACK_GRANTS(&granted_condvar, &granted_sem));
	zassert_equal(k_sem_count_get(&granted_sem), 0U);
}

/* Re-initialising a condvar someone waits on would lose the waiter. */
ZTEST(attacks_condvar, test_condvar_init_again) {
	start_supervisor_waiter(&granted_condvar);
	user_run(init_condvar, &granted_condvar, ATTACK_GRANTS(&granted_condvar));
	zassert_equal(attack_log.loot, (uintptr_t)-EBUSY);
	check_waiter_still_waits(&granted_condvar);
}

/* An idle condvar may be initialised again, as Zephyr's tests do before each case. */
ZTEST(attacks_condvar, test_condvar_init_again_idle) {
	user_run(init_condvar, &granted_condvar, ATTACK_GRANTS(&granted_condvar));
	zassert_equal(attack_log.loot, 0);
	start_supervisor_waiter(&granted_condvar);
	check_waiter_still_waits(&granted_condvar);
}
