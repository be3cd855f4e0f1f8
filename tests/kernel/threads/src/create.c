/*
 * Thread creation: every k_thread_create() parameter reaches the new thread,
 * delayed starts begin exactly on time (never early), K_FOREVER waits for
 * k_thread_start(), and stacks from the stack macros hold the thread's frames.
 *
 * The test thread runs at priority 1. Workers at a negative (cooperative)
 * priority preempt it the moment they become ready, which makes "has it run
 * yet?" an exact question.
 */
#include <string.h>
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "workers.h"

#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)

/* What a worker saw of itself. */
static struct {
	int runs;
	void *p1, *p2, *p3;
	k_tid_t self;
	int prio;
	bool preempt;
	int64_t start_tick;
	uint64_t start_cycle;
} seen;

static void record_entry(void *p1, void *p2, void *p3)
{
	seen.start_cycle = k_cycle_get_64();
	seen.start_tick = k_uptime_ticks();
	seen.runs++;
	seen.p1 = p1;
	seen.p2 = p2;
	seen.p3 = p3;
	seen.self = k_current_get();
	seen.prio = k_thread_priority_get(k_current_get());
	seen.preempt = k_is_preempt_thread() != 0;
}

static void reset_seen(void *fixture)
{
	ARG_UNUSED(fixture);
	memset(&seen, 0, sizeof(seen));
}

ZTEST(threads_create, test_create_delivers_all_parameters) {
	k_tid_t tid = spawn(0, record_entry, (void *)0x11, (void *)0x2222, (void *)0x333333,
			    K_PRIO_PREEMPT(5), K_NO_WAIT);

	zassert_equal_ptr(tid, &workers[0], "k_thread_create must return its first argument");
	/* Priority 5 is less urgent than the test thread (1): not run yet. */
	zassert_equal(seen.runs, 0, "a less urgent thread ran before the creator blocked");
	zassert_equal(k_thread_priority_get(tid), 5);

	zassert_equal(k_thread_join(tid, K_MSEC(100)), 0);
	zassert_equal(seen.runs, 1);
	zassert_equal_ptr(seen.p1, (void *)0x11);
	zassert_equal_ptr(seen.p2, (void *)0x2222);
	zassert_equal_ptr(seen.p3, (void *)0x333333);
	zassert_equal_ptr(seen.self, tid, "k_current_get() in the thread is not its tid");
	zassert_equal(seen.prio, 5);
	zassert_true(seen.preempt, "priority 5 is a preemptible priority");
	zassert_not_equal(k_current_get(), tid);
}

ZTEST(threads_create, test_create_cooperative_runs_at_once) {
	k_tid_t tid = spawn(0, record_entry, NULL, NULL, NULL, K_PRIO_COOP(3), K_NO_WAIT);

	/* More urgent than the creator: it has already run and ended. */
	zassert_equal(seen.runs, 1);
	zassert_equal(seen.prio, K_PRIO_COOP(3));
	zassert_equal(seen.prio, -CONFIG_NUM_COOP_PRIORITIES + 3);
	zassert_false(seen.preempt, "a negative priority is cooperative");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0, "the thread should be dead already");
}

ZTEST(threads_create, test_create_with_options) {
	/* Options without effect on a supervisor thread are accepted and change nothing. */
	k_tid_t tid = spawn_opts(0, record_entry, (void *)1, NULL, NULL, K_PRIO_COOP(2),
				 K_FP_REGS | K_INHERIT_PERMS, K_NO_WAIT);

	zassert_equal(seen.runs, 1);
	zassert_equal_ptr(seen.p1, (void *)1);
	zassert_equal(seen.prio, K_PRIO_COOP(2));
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(threads_create, test_delayed_start_is_exact) {
	int64_t t0 = k_uptime_ticks();
	uint64_t c0 = k_cycle_get_64();

	spawn(0, record_entry, NULL, NULL, NULL, K_PRIO_COOP(1), K_MSEC(2));

	/* 1.5 ms of busy time is not enough: a 2 ms delay must not start it. */
	k_busy_wait(1500);
	zassert_equal(seen.runs, 0, "started %lld ticks early", 20 - (k_uptime_ticks() - t0));

	zassert_equal(k_thread_join(&workers[0], K_MSEC(10)), 0);
	zassert_equal(seen.runs, 1);
	/* 2 ms = 20 ticks after k_thread_create(); the worker starts inside the tick it is due. */
	zassert_between_inclusive(seen.start_tick - t0, 20, 21, "started after %lld ticks",
				  seen.start_tick - t0);
	zassert_true(seen.start_cycle - c0 >= 20ULL * CYC_PER_TICK, "started %llu cycles after",
		     seen.start_cycle - c0);
	zassert_true(seen.start_cycle - c0 < 21ULL * CYC_PER_TICK, "started %llu cycles after",
		     seen.start_cycle - c0);
}

ZTEST(threads_create, test_delayed_start_in_ticks) {
	int64_t t0 = k_uptime_ticks();

	spawn(0, record_entry, NULL, NULL, NULL, K_PRIO_COOP(1), K_TICKS(7));
	zassert_equal(k_thread_join(&workers[0], K_MSEC(10)), 0);
	zassert_between_inclusive(seen.start_tick - t0, 7, 8);
}

ZTEST(threads_create, test_forever_waits_for_start) {
	k_tid_t tid = spawn(0, record_entry, NULL, NULL, NULL, K_PRIO_COOP(1), K_FOREVER);

	k_msleep(5);
	zassert_equal(seen.runs, 0, "a K_FOREVER thread started by itself");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), -EBUSY);

	int64_t t0 = k_uptime_ticks();

	k_thread_start(tid);
	/* Cooperative and more urgent: it ran inside k_thread_start(). */
	zassert_equal(seen.runs, 1);
	zassert_between_inclusive(seen.start_tick - t0, 0, 1);

	/* Starting it again, dead, does nothing. */
	k_thread_start(tid);
	k_msleep(1);
	zassert_equal(seen.runs, 1);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

ZTEST(threads_create, test_start_overrides_pending_delay) {
	k_tid_t tid = spawn(0, record_entry, NULL, NULL, NULL, K_PRIO_COOP(1), K_MSEC(50));

	zassert_equal(seen.runs, 0);
	k_thread_start(tid);
	zassert_equal(seen.runs, 1, "k_thread_start() must not wait for the delay");

	/* The cancelled delay must not start the dead thread a second time. */
	k_msleep(60);
	zassert_equal(seen.runs, 1);
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

/*
 * Stacks from each macro: the thread's locals must live in the stack's usable
 * part, K_*_STACK_SIZEOF bytes from its buffer (with user mode compiled in, a
 * thread stack object starts with a reserved area before that buffer).
 */
#define STACK_REQ 1000

K_THREAD_STACK_DEFINE(thread_stack, STACK_REQ);
K_KERNEL_STACK_DEFINE(kernel_stack, STACK_REQ);
K_THREAD_STACK_ARRAY_DEFINE(stack_array, 2, STACK_REQ);
static struct k_thread stack_thread;
static uintptr_t local_addr;

static void note_local_addr(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	volatile int local = 0;

	local_addr = (uintptr_t)&local;
}

static void check_stack(k_thread_stack_t *stack, const char *buffer, size_t size)
{
	zassert_true(size >= STACK_REQ, "stack of %u bytes for %u requested", (unsigned int)size,
		     STACK_REQ);
	zassert_equal((uintptr_t)stack % ARCH_STACK_PTR_ALIGN, 0, "stack %p misaligned",
		      (void *)stack);

	local_addr = 0;
	k_thread_create(&stack_thread, stack, size, note_local_addr, NULL, NULL, NULL,
			K_PRIO_COOP(1), 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&stack_thread, K_NO_WAIT), 0);
	zassert_true(local_addr >= (uintptr_t)buffer && local_addr < (uintptr_t)buffer + size,
		     "local at %p, stack buffer %p..+%u", (void *)local_addr, (const void *)buffer,
		     (unsigned int)size);
}

ZTEST(threads_create, test_stack_macros) {
	check_stack(thread_stack, K_THREAD_STACK_BUFFER(thread_stack),
		    K_THREAD_STACK_SIZEOF(thread_stack));
	check_stack(kernel_stack, (const char *)kernel_stack, K_KERNEL_STACK_SIZEOF(kernel_stack));
	for (int i = 0; i < 2; i++) {
		check_stack(stack_array[i], K_THREAD_STACK_BUFFER(stack_array[i]),
			    K_THREAD_STACK_SIZEOF(stack_array[i]));
	}
	zassert_true((uintptr_t)stack_array[1] >= (uintptr_t)stack_array[0] + STACK_REQ,
		     "array stacks overlap");
}

ZTEST_SUITE(threads_create, NULL, NULL, reset_seen, reap_workers_after, NULL);
