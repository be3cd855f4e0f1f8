/*
 * System call attacks on k_poll and poll signals: an events array in kernel
 * memory, events naming objects never granted or of the wrong type, events
 * whose kernel links the caller forged, a signal check writing into kernel
 * memory, a signal or a pipe never granted, and a poller killed
 * while its events (the kernel's copy) are registered. Refusals end the
 * caller alone; nothing the kernel owns changes.
 */
#include <string.h>
#include "attack.h"

static K_SEM_DEFINE(granted_sem, 0, 1);
static K_SEM_DEFINE(ungranted_sem, 0, 1);
static struct k_poll_signal granted_signal;
static struct k_poll_signal ungranted_signal;
K_PIPE_DEFINE(ungranted_pipe, 8, 4);

/* Kernel memory the attacks aim at. */
static struct k_poll_event kernel_events[2];
static volatile uintptr_t kernel_word = 0x600dU;

K_APP_BMEM(attacker_part) static struct k_poll_event user_events[2];
K_APP_BMEM(attacker_part) static unsigned int user_signaled;

static void poll_events(void *events)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_poll(events, 2, K_NO_WAIT);
}

/* user_events[0] watches @obj as @type (from the test), [1] is ignored. */
static void poll_object(void *obj)
{
	user_events[1].type = K_POLL_TYPE_IGNORE;
	user_events[0].obj = obj;
	attack_arm();
	attack_log.loot = (uintptr_t)k_poll(user_events, 2, K_NO_WAIT);
}

static void prepare_events(uint32_t type)
{
	memset(user_events, 0, sizeof(user_events));
	user_events[0].type = type;
}

/* Links aimed at kernel_word: the kernel must overwrite them, not follow them. */
static void poll_forged_links(void *arg)
{
	ARG_UNUSED(arg);
	for (int i = 0; i < 2; i++) {
		k_poll_event_init(&user_events[i], K_POLL_TYPE_SEM_AVAILABLE,
				  K_POLL_MODE_NOTIFY_ONLY, &granted_sem);
		user_events[i]._node.next = (sys_dnode_t *)&kernel_word;
		user_events[i]._node.prev = (sys_dnode_t *)&kernel_word;
		user_events[i].poller = (struct z_poller *)&kernel_word;
	}
	/* 1: timed out, and no link came back. */
	attack_log.loot = (uintptr_t)(k_poll(user_events, 2, K_MSEC(1)) == -EAGAIN) |
			  (uintptr_t)(user_events[0]._node.next != NULL) << 1 |
			  (uintptr_t)(user_events[1].poller != NULL) << 2;
}

static void check_into(void *result)
{
	attack_arm();
	k_poll_signal_check(&granted_signal, &user_signaled, result);
}

static void raise_signal(void *sig)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_poll_signal_raise(sig, 1);
}

static void init_signal(void *sig)
{
	attack_arm();
	k_poll_signal_init(sig);
	attack_log.loot = 0;
}

static void check_sem_intact(void)
{
	zassert_equal(k_sem_count_get(&granted_sem), 0U, "the semaphore was given");
	k_sem_give(&granted_sem);
	zassert_ok(k_sem_take(&granted_sem, K_NO_WAIT), "the semaphore is broken");
}

static void before(void *fixture)
{
	attack_before(fixture);
	k_poll_signal_init(&granted_signal);
	k_poll_signal_init(&ungranted_signal);
}

ZTEST_SUITE(attacks_poll, NULL, attack_suite_setup, before, attack_after, NULL);

ZTEST(attacks_poll, test_poll_events_in_kernel_memory) {
	k_poll_event_init(&kernel_events[0], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &granted_sem);
	kernel_events[1] = kernel_events[0];
	attack_print_target(kernel_events);
	attack_run(K_ERR_KERNEL_OOPS, poll_events, kernel_events, ATTACK_GRANTS(&granted_sem));
	zassert_equal(kernel_events[0].state, K_POLL_STATE_NOT_READY, "kernel memory was written");
	zassert_equal_ptr(kernel_events[1].sem, &granted_sem);
}

ZTEST(attacks_poll, test_poll_sem_without_grant) {
	prepare_events(K_POLL_TYPE_SEM_AVAILABLE);
	attack_run(K_ERR_KERNEL_OOPS, poll_object, &ungranted_sem, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_poll, test_poll_sem_as_signal) {
	prepare_events(K_POLL_TYPE_SIGNAL);
	attack_run(K_ERR_KERNEL_OOPS, poll_object, &granted_sem, ATTACK_GRANTS(&granted_sem));
	check_sem_intact();
}

/* A thread object the attacker holds (itself), passed off as a queue. */
ZTEST(attacks_poll, test_poll_thread_as_queue) {
	prepare_events(K_POLL_TYPE_DATA_AVAILABLE);
	attack_run(K_ERR_KERNEL_OOPS, poll_object, &attacker_thread, ATTACK_GRANTS(&granted_sem));
}

ZTEST(attacks_poll, test_poll_pipe_without_grant) {
	prepare_events(K_POLL_TYPE_PIPE_DATA_AVAILABLE);
	attack_run(K_ERR_KERNEL_OOPS, poll_object, &ungranted_pipe, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
}

/* A semaphore passed off as a pipe: the kernel would read its count as bytes. */
ZTEST(attacks_poll, test_poll_sem_as_pipe) {
	prepare_events(K_POLL_TYPE_PIPE_DATA_AVAILABLE);
	attack_run(K_ERR_KERNEL_OOPS, poll_object, &granted_sem, ATTACK_GRANTS(&granted_sem));
	check_sem_intact();
}

ZTEST(attacks_poll, test_poll_signal_without_grant) {
	prepare_events(K_POLL_TYPE_SIGNAL);
	attack_run(K_ERR_KERNEL_OOPS, poll_object, &ungranted_signal,
		   ATTACK_GRANTS(&granted_signal));
}

ZTEST(attacks_poll, test_poll_forged_links) {
	user_run(poll_forged_links, NULL, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, 1, "links copied back or wrong result");
	zassert_equal(kernel_word, 0x600dU, "the kernel followed a forged link");
	check_sem_intact();
}

ZTEST(attacks_poll, test_signal_check_into_kernel_memory) {
	attack_print_target((const void *)&kernel_word);
	attack_run(K_ERR_KERNEL_OOPS, check_into, (void *)&kernel_word,
		   ATTACK_GRANTS(&granted_signal));
	zassert_equal(kernel_word, 0x600dU, "kernel memory was written");
}

ZTEST(attacks_poll, test_signal_raise_without_grant) {
	attack_run(K_ERR_KERNEL_OOPS, raise_signal, &ungranted_signal,
		   ATTACK_GRANTS(&granted_signal));
	unsigned int signaled;
	int result;

	k_poll_signal_check(&ungranted_signal, &signaled, &result);
	zassert_equal(signaled, 0, "the signal was raised");
}

/* Re-initialising a signal clears it: only one the thread was granted. */
ZTEST(attacks_poll, test_signal_init_without_grant) {
	k_poll_signal_raise(&ungranted_signal, 5);
	attack_run(K_ERR_KERNEL_OOPS, init_signal, &ungranted_signal,
		   ATTACK_GRANTS(&granted_signal));
	unsigned int signaled;
	int result;

	k_poll_signal_check(&ungranted_signal, &signaled, &result);
	zassert_equal(signaled, 1, "the signal was cleared");
	zassert_equal(result, 5);
}

/* Polls for good: its events are the kernel's copy, on its kernel stack. */
static void poll_forever(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_poll_event_init(&user_events[0], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &granted_sem);
	k_poll_event_init(&user_events[1], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY,
			  &granted_signal);
	attack_log.loot = (uintptr_t)k_poll(user_events, 2, K_FOREVER);
}

/*
 * Killed while polling: its registered events must go with it. A second
 * poller on the same stack puts its events where the dead one's were: a link
 * left behind would now be linked twice, and the give would find a broken list.
 */
ZTEST(attacks_poll, test_poller_killed_while_polling) {
	for (int round = 0; round < 2; round++) {
		attack_log.loot = LOOT_NONE;
		user_thread_create(&attacker_thread, attacker_stack, poll_forever, NULL, NULL,
				   ATTACKER_PRIO, ATTACK_GRANTS(&granted_sem, &granted_signal));
		k_thread_start(&attacker_thread);
		k_msleep(2);
		zassert_equal(attack_log.loot, LOOT_NONE, "the poller did not wait");
		if (round == 0) {
			k_thread_abort(&attacker_thread);
		}
	}
	k_sem_give(&granted_sem);
	zassert_ok(k_thread_join(&attacker_thread, END_TIMEOUT), "the second poller was not woken");
	zassert_equal(attack_log.loot, 0);
	zassert_equal(user_events[0].state, K_POLL_STATE_SEM_AVAILABLE);
	zassert_ok(k_sem_take(&granted_sem, K_NO_WAIT), "the semaphore is broken");
}
