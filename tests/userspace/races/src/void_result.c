/*
 * Nothing comes back from a call that returns nothing.
 *
 * A call declared void has no result: left as the handler happened to leave
 * them, the result registers would carry kernel values (pointers, another
 * thread's return value) to user mode. Each call is made with the raw trap, a
 * recognisable first argument and a known second argument register; the first
 * result word must come back 0, the second 0 where the port zeroes it
 * (RISC-V: the trap exit zeroes every caller-saved register but a0 and a1,
 * and a1 as well after a one-word call) or, where the port leaves it alone
 * (ARCH_SYSCALL_KEEPS_SECOND_WORD, Cortex-M: the caller resumes from its own
 * frame, only r0 written), the caller's own value.
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

	zassert_equal((uint32_t)ret, 0U, "%s: first word %#x", what, (unsigned int)ret);
#ifdef ARCH_SYSCALL_KEEPS_SECOND_WORD
	zassert_equal((uint32_t)(ret >> 32), a1, "%s: second word %#x", what,
		      (unsigned int)(ret >> 32));
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
