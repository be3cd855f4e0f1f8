/*
 * A user thread's k_thread_create() that the kernel refuses half-way, for
 * want of a thread permission index (CONFIG_MAX_THREADS live threads), must
 * leave nothing behind that can run: the attacker creates threads (not
 * started) on thread objects and stacks it was granted until it is refused
 * with an oops; then another user thread holding the object of the refused
 * creation tries to start it. That must be refused too (the object is not an
 * initialised thread), and the system must go on. Its own image: a kernel
 * fault here ends the run.
 */
#include "attack.h"

#define SPARES     CONFIG_MAX_THREADS
#define SPARE_SIZE 512

static struct k_thread spare_threads[SPARES];
static K_THREAD_STACK_ARRAY_DEFINE(spare_stacks, SPARES, SPARE_SIZE);

/* How many creations succeeded: spare_threads[made] is the refused one. */
K_APP_BMEM(attacker_part) static volatile unsigned int made;

static void never_runs(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

static void create_until_refused(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	for (made = 0; made < SPARES; made++) {
		k_thread_create(&spare_threads[made], spare_stacks[made], SPARE_SIZE, never_runs,
				NULL, NULL, NULL, ATTACKER_PRIO, K_USER, K_FOREVER);
	}
}

static void start_thread(void *t)
{
	attack_arm();
	k_thread_start(t);
}

ATTACK_SUITE(attacks_failed_create);

ZTEST(attacks_failed_create, test_start_thread_whose_creation_failed) {
	/* Register the objects (a thread object exists once created), ended again. */
	for (unsigned int i = 0; i < SPARES; i++) {
		k_thread_create(&spare_threads[i], spare_stacks[i], SPARE_SIZE, never_runs, NULL,
				NULL, NULL, ATTACKER_PRIO, K_USER, K_FOREVER);
		k_thread_abort(&spare_threads[i]);
	}
	attack_prepare(&attacker_thread, attacker_stack, create_until_refused, NULL, NULL);
	for (unsigned int i = 0; i < SPARES; i++) {
		k_object_access_grant(&spare_threads[i], &attacker_thread);
		k_object_access_grant(spare_stacks[i], &attacker_thread);
	}
	attack_launch(&attacker_thread, K_ERR_KERNEL_OOPS);
	zassert_true(made < SPARES);

	attack_prepare(&probe_thread, probe_stack, start_thread, &spare_threads[made],
		       ATTACK_GRANTS(&spare_threads[made]));
	attack_start(&probe_thread, K_ERR_KERNEL_OOPS);
	zassert_ok(k_thread_join(&probe_thread, END_TIMEOUT));
	/* Let a thread that was wrongly started run (or fault) before the checks. */
	k_sleep(K_MSEC(10));
	attack_finish(&probe_thread);

	for (unsigned int i = 0; i < made; i++) {
		k_thread_abort(&spare_threads[i]);
	}
}
