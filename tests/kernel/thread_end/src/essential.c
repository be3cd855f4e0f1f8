/*
 * The end of an essential thread is a fatal error (a kernel panic), as in
 * Zephyr. Aborted by another thread, it ends first (joiners released), then
 * the aborting thread raises the panic and, the handler having returned, is
 * aborted too. Ending itself, it raises the panic and ends. The flag can be
 * set and cleared at run time; cleared, an abort is an ordinary one.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <kthread.h>
#include "fatal_hook.h"

static K_THREAD_STACK_DEFINE(victim_stack, 1024);
static K_THREAD_STACK_DEFINE(killer_stack, 1024);
static struct k_thread victim;
static struct k_thread killer;
static volatile bool killer_went_on;
static volatile bool victim_went_on;

static void sleep_forever(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_FOREVER);
	victim_went_on = true;
}

static void return_at_once(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static void abort_victim(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_thread_abort(&victim);
	killer_went_on = true;
}

/* More urgent than the test (priority 1): each runs as soon as it is created. */
static k_tid_t spawn(struct k_thread *t, k_thread_stack_t *stack, k_thread_entry_t entry,
		     uint32_t options)
{
	return k_thread_create(t, stack, K_THREAD_STACK_SIZEOF(victim_stack), entry, NULL, NULL,
			       NULL, K_PRIO_PREEMPT(0), options, K_NO_WAIT);
}

ZTEST(essential, test_aborted_by_another) {
	killer_went_on = false;
	victim_went_on = false;
	spawn(&victim, victim_stack, sleep_forever, K_ESSENTIAL);
	zassert_true(z_is_thread_essential(&victim));

	fatal_expect();
	spawn(&killer, killer_stack, abort_victim, 0);
	struct fatal_seen seen = fatal_seen_take();

	zassert_equal(seen.count, 1, "one fatal error");
	zassert_equal(seen.reason, K_ERR_KERNEL_PANIC);
	zassert_equal_ptr(seen.thread, &killer, "raised by the aborting thread");
	zassert_equal(k_thread_join(&victim, K_NO_WAIT), 0, "the essential thread ended");
	zassert_equal(k_thread_join(&killer, K_NO_WAIT), 0, "the aborting thread ended");
	zassert_false(killer_went_on);
	zassert_false(victim_went_on);
}

ZTEST(essential, test_ends_itself) {
	fatal_expect();
	spawn(&victim, victim_stack, return_at_once, K_ESSENTIAL);
	struct fatal_seen seen = fatal_seen_take();

	zassert_equal(seen.count, 1);
	zassert_equal(seen.reason, K_ERR_KERNEL_PANIC);
	zassert_equal_ptr(seen.thread, &victim, "raised by the ending thread itself");
	zassert_equal(k_thread_join(&victim, K_NO_WAIT), 0);
}

ZTEST(essential, test_flag_set_and_cleared) {
	killer_went_on = false;
	victim_went_on = false;
	spawn(&victim, victim_stack, sleep_forever, 0);
	zassert_false(z_is_thread_essential(&victim));

	/* Set at run time: its end is a fatal error. */
	z_thread_essential_set(&victim);
	zassert_true(z_is_thread_essential(&victim));
	fatal_expect();
	spawn(&killer, killer_stack, abort_victim, 0);
	struct fatal_seen seen = fatal_seen_take();

	zassert_equal(seen.count, 1);
	zassert_equal_ptr(seen.thread, &killer);
	zassert_equal(k_thread_join(&victim, K_NO_WAIT), 0);
	zassert_false(killer_went_on);

	/* Cleared again: an ordinary abort, which returns. */
	spawn(&victim, victim_stack, sleep_forever, K_ESSENTIAL);
	z_thread_essential_clear(&victim);
	zassert_false(z_is_thread_essential(&victim));
	fatal_expect();
	spawn(&killer, killer_stack, abort_victim, 0);
	seen = fatal_seen_take();
	zassert_equal(seen.count, 0, "no fatal error");
	zassert_true(killer_went_on);
	zassert_equal(k_thread_join(&victim, K_NO_WAIT), 0);
	zassert_false(victim_went_on);
}

ZTEST_SUITE(essential, NULL, NULL, NULL, NULL, NULL);
