/*
 * System call attacks on k_timer and on reading a thread's timeout: a timer
 * or thread never granted, objects of another type, pointers that are not
 * objects (NULL, an ordinary kernel variable carrying a real timer's header),
 * a timer never initialised, and k_timer_init() (supervisor-only) from user
 * mode. Each ends in the caller's death alone; the timers stay as they were
 * and keep working.
 */
#include <string.h>
#include "attack.h"

static void count_expiry(struct k_timer *t);

K_TIMER_DEFINE(granted_timer, count_expiry, NULL);
K_TIMER_DEFINE(ungranted_timer, count_expiry, NULL);
static K_SEM_DEFINE(granted_sem, 0, 1);
static struct k_timer never_initialised;
static uint32_t plain_kernel_words[8];
static volatile unsigned int expiries;
static int kernel_datum;

static void count_expiry(struct k_timer *t)
{
	ARG_UNUSED(t);
	expiries++;
}

static void timer_start(void *timer)
{
	attack_arm();
	k_timer_start(timer, K_NO_WAIT, K_MSEC(1));
}

static void timer_stop(void *timer)
{
	attack_arm();
	k_timer_stop(timer);
}

static void timer_status_sync(void *timer)
{
	attack_arm();
	attack_log.loot = k_timer_status_sync(timer);
}

static void timer_remaining(void *timer)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_timer_remaining_ticks(timer);
}

static void timer_user_data_set(void *timer)
{
	attack_arm();
	k_timer_user_data_set(timer, &attack_log);
}

static void timer_user_data_get(void *timer)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_timer_user_data_get(timer);
}

static void thread_timeout_remaining(void *thread)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_thread_timeout_remaining_ticks(thread);
}

static void thread_timeout_expires(void *thread)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_thread_timeout_expires_ticks(thread);
}

/* Supervisor-only: would install a function the kernel calls in its interrupt. */
static void timer_init(void *timer)
{
	attack_arm();
	k_timer_init(timer, NULL, NULL);
}

/* The timer still counts expiries, with its own expiry function. */
static void check_timer_works(struct k_timer *timer)
{
	expiries = 0;
	k_timer_start(timer, K_MSEC(1), K_NO_WAIT);
	zassert_equal(k_timer_status_sync(timer), 1, "the timer is broken");
	zassert_equal(expiries, 1, "its expiry function changed");
}

ATTACK_SUITE(attacks_timer);

ZTEST(attacks_timer, test_timer_start_without_grant) {
	attack_run(K_ERR_KERNEL_OOPS, timer_start, &ungranted_timer, ATTACK_GRANTS(&granted_timer));
	zassert_equal(k_timer_remaining_ticks(&ungranted_timer), 0, "the timer was started");
	check_timer_works(&ungranted_timer);
}

ZTEST(attacks_timer, test_timer_user_data_set_without_grant) {
	k_timer_user_data_set(&ungranted_timer, &kernel_datum);
	attack_run(K_ERR_KERNEL_OOPS, timer_user_data_set, &ungranted_timer,
		   ATTACK_GRANTS(&granted_timer));
	zassert_equal_ptr(k_timer_user_data_get(&ungranted_timer), &kernel_datum,
			  "the user data changed");
}

ZTEST(attacks_timer, test_timer_status_sync_on_sem) {
	attack_run(K_ERR_KERNEL_OOPS, timer_status_sync, &granted_sem, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal(k_sem_count_get(&granted_sem), 0U);
	k_sem_give(&granted_sem);
	zassert_ok(k_sem_take(&granted_sem, K_NO_WAIT), "the semaphore is broken");
}

ZTEST(attacks_timer, test_timer_stop_null) {
	attack_run(K_ERR_KERNEL_OOPS, timer_stop, NULL, ATTACK_GRANTS(&granted_timer));
}

ZTEST(attacks_timer, test_timer_remaining_plain_kernel_variable) {
	memcpy(plain_kernel_words, &granted_timer, sizeof(uint32_t));
	attack_run(K_ERR_KERNEL_OOPS, timer_remaining, plain_kernel_words,
		   ATTACK_GRANTS(&granted_timer));
	zassert_equal(attack_log.loot, LOOT_NONE);
	check_timer_works(&granted_timer);
}

ZTEST(attacks_timer, test_timer_user_data_get_uninitialised) {
	/* Typed, so that the registry learns of it (the attack's grants are untyped). */
	k_object_access_grant(&never_initialised, k_current_get());
	attack_run(K_ERR_KERNEL_OOPS, timer_user_data_get, &never_initialised,
		   ATTACK_GRANTS(&never_initialised));
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_timer, test_timer_init_from_user_mode) {
	attack_run(K_ERR_CPU_EXCEPTION, timer_init, &granted_timer, ATTACK_GRANTS(&granted_timer));
	check_timer_works(&granted_timer);
}

/* The bystander waits in its own domain: when its wait ends is none of the attacker's business. */
ZTEST(attacks_timer, test_thread_timeout_remaining_not_held) {
	attack_run(K_ERR_KERNEL_OOPS, thread_timeout_remaining, &bystander_thread,
		   ATTACK_GRANTS(&granted_timer));
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_timer, test_thread_timeout_expires_on_timer) {
	attack_run(K_ERR_KERNEL_OOPS, thread_timeout_expires, &granted_timer,
		   ATTACK_GRANTS(&granted_timer));
	zassert_equal(attack_log.loot, LOOT_NONE);
	check_timer_works(&granted_timer);
}
