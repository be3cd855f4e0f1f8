/*
 * What comes back in the result registers: nothing from a call that returns
 * nothing, both words from one with a 64-bit result.
 *
 * A call declared void has no result: left as the handler happened to leave
 * them, the result registers would carry kernel values (pointers, another
 * thread's return value) to user mode. Each call is made with the raw trap, a
 * recognisable first argument and a known second argument register; the first
 * result word must come back 0, or the caller's own first argument where the
 * port writes no result for a nonblocking void call
 * (ARCH_SYSCALL_KEEPS_VOID_FIRST_WORD, Cortex-M); the second 0 where the
 * port zeroes it (RISC-V: the trap exit zeroes every caller-saved register but
 * a0 and a1, and a1 as well after a one-word call) or, where the port leaves
 * it alone (ARCH_SYSCALL_KEEPS_SECOND_WORD, Cortex-M: the caller resumes from
 * its own frame, only r0 written), the caller's own value; either of the two
 * after a nonblocking call where the port zeroes only what the handler may
 * have written (ARCH_SYSCALL_MAY_KEEP_SECOND_WORD, RISC-V built for speed).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <syscall_list.h>

#define MARK   0x5a5a5a5aU
#define SECOND 0xa5a50000U

K_SEM_DEFINE(void_sem, 0, 1);
ZTEST_BMEM static char out[1];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_object_access_grant(&void_sem, k_current_get());
}

ZTEST_SUITE(void_result, NULL, NULL, before, NULL, NULL);

/* Call @id with @a0 and @a1 in the first two argument registers; check what comes back. */
static void void_call(uintptr_t id, uintptr_t a0, uintptr_t a1, const char *what)
{
	uint64_t ret = arch_syscall_invoke2(a0, a1, id);
	uintptr_t first = 0U;

#ifdef ARCH_SYSCALL_KEEPS_VOID_FIRST_WORD
	if (id < K_SYSCALL_NONBLOCKING_VOID_LIMIT) {
		first = a0;
	}
#endif
	zassert_equal((uint32_t)ret, first, "%s: first word %#x", what, (unsigned int)ret);
#ifdef ARCH_SYSCALL_KEEPS_SECOND_WORD
	zassert_equal((uint32_t)(ret >> 32), a1, "%s: second word %#x", what,
		      (unsigned int)(ret >> 32));
#elif defined(ARCH_SYSCALL_MAY_KEEP_SECOND_WORD)
	zassert_true((uint32_t)(ret >> 32) == 0U ||
			 ((uint32_t)(ret >> 32) == a1 && id < K_SYSCALL_NONBLOCKING_LIMIT),
		     "%s: second word %#x", what, (unsigned int)(ret >> 32));
#else
	zassert_equal((uint32_t)(ret >> 32), 0U, "%s: second word %#x", what,
		      (unsigned int)(ret >> 32));
#endif
}

ZTEST_USER(void_result, test_void_calls_return_zero) {
	uintptr_t self = (uintptr_t)k_current_get();
	uintptr_t prio = (uintptr_t)k_thread_priority_get(k_current_get());

	void_call(K_SYSCALL_K_YIELD, MARK, SECOND + 1U, "k_yield");
	void_call(K_SYSCALL_K_SEM_GIVE, (uintptr_t)&void_sem, SECOND + 2U, "k_sem_give");
	void_call(K_SYSCALL_K_SEM_RESET, (uintptr_t)&void_sem, SECOND + 3U, "k_sem_reset");
	void_call(K_SYSCALL_K_THREAD_PRIORITY_SET, self, prio, "k_thread_priority_set");
	void_call(K_SYSCALL_K_THREAD_RESUME, self, SECOND + 4U, "k_thread_resume");
	void_call(K_SYSCALL_K_WAKEUP, self, SECOND + 5U, "k_wakeup");
	void_call(K_SYSCALL_K_STR_OUT, (uintptr_t)out, 0, "k_str_out");
}

/*
 * A call with a 64-bit result: both words come back, the second written
 * into the caller's frame by the call itself (arch_syscall_ret_hi_set()),
 * whatever the caller had in its register. k_uptime_ticks() is served in the
 * trap ([nonblocking]); k_thread_timeout_expires_ticks() and _remaining_ticks()
 * run in thread context, the first of them with a high word of 1: the sleeper
 * waits past tick 2^32.
 */
#define SLEEP_TICKS ((k_ticks_t)1 << 32)

static K_THREAD_STACK_DEFINE(sleeper_stack, 512);
static struct k_thread sleeper;
ZTEST_BMEM static k_ticks_t sleeper_expiry;

static void sleep_long(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_TICKS(SLEEP_TICKS));
}

static void wide_before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_thread_create(&sleeper, sleeper_stack, K_THREAD_STACK_SIZEOF(sleeper_stack), sleep_long,
			NULL, NULL, NULL, K_PRIO_COOP(1), 0, K_NO_WAIT);
	/* It ran (more urgent than this thread) and sleeps now. */
	sleeper_expiry = k_thread_timeout_expires_ticks(&sleeper);
	k_object_access_grant(&sleeper, k_current_get());
}

static void wide_after(void *fixture)
{
	ARG_UNUSED(fixture);
	k_thread_abort(&sleeper);
}

ZTEST_SUITE(wide_result, NULL, NULL, wide_before, wide_after, NULL);

ZTEST_USER(wide_result, test_both_words_come_back) {
	uint64_t before = (uint64_t)k_uptime_ticks();
	uint64_t now = arch_syscall_invoke2(MARK, SECOND, K_SYSCALL_K_UPTIME_TICKS);

	zassert_true(now >= before && now - before < 1000U, "k_uptime_ticks: %llx after %llx",
		     (unsigned long long)now, (unsigned long long)before);
	zassert_true(sleeper_expiry >= SLEEP_TICKS, "the sleeper expires at %llx",
		     (unsigned long long)sleeper_expiry);

	uint64_t expiry = arch_syscall_invoke2((uintptr_t)&sleeper, SECOND,
					       K_SYSCALL_K_THREAD_TIMEOUT_EXPIRES_TICKS);

	/* Within a tick or two: the expiry is the uptime plus what remains, each rounded. */
	zassert_true(expiry + 2U >= (uint64_t)sleeper_expiry &&
			 expiry <= (uint64_t)sleeper_expiry + 2U,
		     "k_thread_timeout_expires_ticks: %llx, not %llx", (unsigned long long)expiry,
		     (unsigned long long)sleeper_expiry);

	uint64_t left = arch_syscall_invoke2((uintptr_t)&sleeper, SECOND,
					     K_SYSCALL_K_THREAD_TIMEOUT_REMAINING_TICKS);

	zassert_true(left > SLEEP_TICKS - 1000 && left <= SLEEP_TICKS + 2,
		     "k_thread_timeout_remaining_ticks: %llx", (unsigned long long)left);
}
