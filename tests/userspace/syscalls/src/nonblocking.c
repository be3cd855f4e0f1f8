/*
 * The calls kernel/syscalls.def marks [nonblocking], which a port may serve in
 * the trap itself (Cortex-M does, in the SVC exception): a switch they cause
 * happens once their results are back with the caller, an oops in them ends
 * the caller alone, however often, and a 64-bit result arrives whole.
 *
 * - A user k_sem_give() that wakes a more urgent thread is preempted by it
 *   at once, and then finds the give's effect and its own state intact.
 * - A user thread suspending itself continues after its resume, and a user
 *   thread resuming a more urgent one runs only after that one waits again.
 * - Two hundred user threads in turn give a semaphore they were not granted
 *   (an oops in a nonblocking call): each dies alone, with the oops, and the
 *   kernel goes on (an exception stack left behind by each would overflow).
 * - k_uptime_ticks() from user mode agrees with the kernel's clock, both
 *   halves.
 */
#include <syscall_list.h>
#include "steps.h"

#define OOPS_ROUNDS 200

RESULT static volatile uint32_t kept[4];
RESULT static volatile int64_t user_ticks;

static struct k_sem wake_sem;
static struct k_sem ungranted_sem;

/* Preemption order is one CPU's: with SMP, the other CPUs are held meanwhile. */
static void before(void *fixture)
{
	ztest_simple_1cpu_before(fixture);
	steps_reset();
	zassert_ok(k_sem_init(&wake_sem, 0, 1));
	zassert_ok(k_sem_init(&ungranted_sem, 0, 1));
}

ZTEST_SUITE(sys_nonblocking, NULL, NULL, before, ztest_simple_1cpu_after, NULL);

/* More urgent than the giver: waits, notes its wake-up. */
static void urgent_waiter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	note(1);
	(void)k_sem_take(&wake_sem, K_FOREVER);
	note(3);
}

/* Gives with values live in callee-saved registers across the call. */
static void giver(void *a, void *b, void *unused)
{
	ARG_UNUSED(unused);
	uint32_t x = (uint32_t)(uintptr_t)a;
	uint32_t y = (uint32_t)(uintptr_t)b;

	note(2);
	for (unsigned int i = 0; i < 4; i++) {
		kept[i] = x * (i + 1U) + y;
	}
	k_sem_give(&wake_sem);
	note(4);
	/* The compiler may keep x and y in r4-r11 across the trap: they must be intact. */
	for (unsigned int i = 0; i < 4; i++) {
		if (kept[i] != x * (i + 1U) + y) {
			kept[i] = 0;
		}
	}
}

ZTEST(sys_nonblocking, test_give_switches_after_its_result) {
	k_tid_t w = user_create(0, urgent_waiter, NULL, NULL, NULL, USER_PRIO - 1, 0);

	k_thread_access_grant(w, &wake_sem);
	k_thread_start(w);
	k_tid_t g = user_create(1, giver, INT_ARG(0x1234567), INT_ARG(89), NULL, USER_PRIO, 0);

	k_thread_access_grant(g, &wake_sem);
	run_to_end(g);
	run_to_end(w);
	steps_check_sequence(4);
	for (unsigned int i = 0; i < 4; i++) {
		zassert_equal(kept[i], 0x1234567U * (i + 1U) + 89U, "value %u lost", i);
	}
}

static void self_suspender(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	note(1);
	k_thread_suspend(k_current_get());
	note(3);
}

ZTEST(sys_nonblocking, test_suspend_self_then_resumed) {
	k_tid_t t = user_create(0, self_suspender, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_start(t);
	/* It ran first (more urgent): had it not stopped, it would have noted 3 already. */
	note(2);
	k_thread_resume(t);
	run_to_end(t);
	steps_check_sequence(3);
}

static void ungranted_giver(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_sem_give(&ungranted_sem);
	note(99); /* never */
}

ZTEST(sys_nonblocking, test_oops_in_nonblocking_call_many_times) {
	for (unsigned int i = 0; i < OOPS_ROUNDS; i++) {
		run_expect_fault(user_create(0, ungranted_giver, NULL, NULL, NULL, USER_PRIO, 0),
				 K_ERR_KERNEL_OOPS);
	}
	zassert_equal(steps_n, 0);
	zassert_equal(k_sem_count_get(&ungranted_sem), 0U, "an ungranted give took effect");
	/* The kernel still switches and waits normally. */
	k_sleep(K_MSEC(1));
}

/*
 * A port whose trap returns one word from a nonblocking call gives
 * k_uptime_ticks() an ID among the plain calls (scripts/gen_syscalls.py):
 * there the high half would be lost, which the run below cannot see before
 * 2^32 ticks have passed.
 */
#ifdef CONFIG_SYSCALL_NONBLOCKING_ONE_WORD
BUILD_ASSERT(K_SYSCALL_K_UPTIME_TICKS >= K_SYSCALL_NONBLOCKING_LIMIT,
	     "a 64-bit result served by a one-word nonblocking exit");
#endif

static void ticks_reader(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	user_ticks = k_uptime_ticks();
}

ZTEST(sys_nonblocking, test_uptime_ticks_whole) {
	int64_t before_ticks = k_uptime_ticks();

	run_to_end(user_create(0, ticks_reader, NULL, NULL, NULL, USER_PRIO, 0));
	int64_t after_ticks = k_uptime_ticks();

	zassert_true(user_ticks >= before_ticks && user_ticks <= after_ticks,
		     "user read %lld between %lld and %lld", (long long)user_ticks,
		     (long long)before_ticks, (long long)after_ticks);
}
