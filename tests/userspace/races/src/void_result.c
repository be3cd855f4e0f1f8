/*
 * Nothing comes back from a call that returns nothing (issue 8, item 5).
 *
 * The trap exit zeroes every caller-saved register but the result words a0
 * and a1. A call declared void has no result, so both must come back 0: left
 * as the handler happened to leave them they carry kernel values (pointers,
 * another thread's return value) to user mode. Each call is made with the raw
 * ecall and a recognisable a0; none may come back with anything but 0.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <syscall_list.h>

#define MARK 0x5a5a5a5aU

K_SEM_DEFINE(void_sem, 0, 1);
ZTEST_BMEM static char out[1];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_object_access_grant(&void_sem, k_current_get());
}

ZTEST_SUITE(void_result, NULL, NULL, before, NULL, NULL);

ZTEST_USER(void_result, test_void_calls_return_zero) {
	uintptr_t self = (uintptr_t)k_current_get();
	uintptr_t prio = (uintptr_t)k_thread_priority_get(k_current_get());

	zassert_equal(arch_syscall_invoke1(MARK, K_SYSCALL_K_YIELD), 0, "k_yield");
	zassert_equal(arch_syscall_invoke1((uintptr_t)&void_sem, K_SYSCALL_K_SEM_GIVE), 0,
		      "k_sem_give");
	zassert_equal(arch_syscall_invoke1((uintptr_t)&void_sem, K_SYSCALL_K_SEM_RESET), 0,
		      "k_sem_reset");
	zassert_equal(arch_syscall_invoke2(self, prio, K_SYSCALL_K_THREAD_PRIORITY_SET), 0,
		      "k_thread_priority_set");
	zassert_equal(arch_syscall_invoke1(self, K_SYSCALL_K_THREAD_RESUME), 0, "k_thread_resume");
	zassert_equal(arch_syscall_invoke1(self, K_SYSCALL_K_WAKEUP), 0, "k_wakeup");
	zassert_equal(arch_syscall_invoke2((uintptr_t)out, 0, K_SYSCALL_K_STR_OUT), 0, "k_str_out");
}
