/*
 * The application's system calls from supervisor and from user mode: the
 * same results both ways, IDs after the kernel's, 64-bit and seven-word
 * arguments, a header in the older style.
 */
#include <string.h>
#include <vault.h>
#include "legacy/tally.h"
#include "user_util.h"

K_SEM_DEFINE(vault_sem, 0, 10);

RESULT static volatile int r[8];
RESULT static volatile int64_t r64;
RESULT static uint8_t ubuf[VAULT_SIZE + 8];

/* The build numbered the application's calls after every kernel call. */
BUILD_ASSERT(K_SYSCALL_VAULT_STORE > K_SYSCALL_K_THREAD_CREATE);
BUILD_ASSERT(K_SYSCALL_VAULT_STORE > K_SYSCALL_K_PIPE_CLOSE);
BUILD_ASSERT(K_SYSCALL_TALLY_ADD < K_SYSCALL_LIMIT && K_SYSCALL_VAULT_SUM7 < K_SYSCALL_LIMIT);

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	r64 = 0;
	k_sem_reset(&vault_sem);
	vault_store("", 0);
}

ZTEST_SUITE(app_syscalls, NULL, NULL, before, NULL, NULL);

ZTEST(app_syscalls, test_supervisor_calls) {
	uint8_t out[VAULT_SIZE];

	zassert_equal(vault_store("secret", 6), 0);
	zassert_equal(vault_store(out, VAULT_SIZE + 1), -EINVAL);
	zassert_equal(vault_fetch(out, 3), -ENOSPC);
	zassert_equal(vault_fetch(out, sizeof(out)), 6);
	zassert_mem_equal(out, "secret", 6);
	zassert_equal(vault_signal(&vault_sem), 0);
	zassert_equal(k_sem_count_get(&vault_sem), 1);
	zassert_equal(vault_add64(0x100000000LL, 5), 0x100000005LL);
	zassert_equal(vault_sum7(1, 1, 1, 1, 1, 1, 1), 28);
}

static void user_calls(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	memcpy(ubuf, "from user", 9);
	r[0] = vault_store(ubuf, 9);
	memset(ubuf, 0, sizeof(ubuf));
	r[1] = vault_fetch(ubuf, sizeof(ubuf));
	r[2] = vault_fetch(ubuf, 4);
	r[3] = vault_store(ubuf, VAULT_SIZE + 1);
	r[4] = vault_signal(&vault_sem);
	r[5] = (int)vault_sum7(1, 2, 3, 4, 5, 6, 7);
	r[6] = (int)tally_add(5);
	r64 = vault_add64(-0x7fffffff00LL, 0xffffffffU);
}

ZTEST(app_syscalls, test_user_calls) {
	k_tid_t t = user_create(0, user_calls, NULL, NULL, NULL, USER_PRIO, 0);

	tally_total = 10;
	k_object_access_grant(&vault_sem, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 9);
	zassert_mem_equal(ubuf, "from user", 9);
	zassert_equal(r[2], -ENOSPC);
	zassert_equal(r[3], -EINVAL);
	zassert_equal(r[4], 0);
	zassert_equal(k_sem_count_get(&vault_sem), 1);
	zassert_equal(r[5], 1 + 4 + 9 + 16 + 25 + 36 + 49);
	zassert_equal(r[6], 15);
	zassert_equal(tally_total, 15);
	zassert_equal(r64, -0x7fffffff00LL + 0xffffffffLL);
}
