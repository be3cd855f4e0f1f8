/*
 * Attacks on the application's system calls: what the application's
 * verifiers refuse is an oops of the caller, as for the kernel's calls, and
 * the vault, the kernel's memory and the objects named stay as they were.
 */
#include <vault.h>
#include "legacy/tally.h"
#include "user_util.h"

K_SEM_DEFINE(ungranted_sem, 0, 1);
K_MUTEX_DEFINE(a_mutex);

static uint8_t kernel_bytes[8] = "kernel!";
static const uint8_t ro_bytes[8] = "rodata";

RESULT static volatile int returned;

typedef void (*attack_fn)(void);

static void attacker(void *fn, void *b, void *c)
{
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	((attack_fn)fn)();
	returned = 1;
}

static void expect_oops(attack_fn fn)
{
	k_tid_t t = user_create(0, attacker, (void *)fn, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&a_mutex, t);
	returned = 0;
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(returned, 0, "the call returned");
}

static void check_vault_intact(void)
{
	uint8_t out[VAULT_SIZE];

	zassert_equal(vault_fetch(out, sizeof(out)), 4, "the vault changed");
	zassert_mem_equal(out, "keep", 4);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	vault_store("keep", 4);
}

ZTEST_SUITE(app_syscall_attacks, NULL, NULL, before, NULL, NULL);

static void store_from_kernel(void)
{
	(void)vault_store(kernel_bytes, sizeof(kernel_bytes));
}

ZTEST(app_syscall_attacks, test_store_from_kernel_memory) {
	expect_oops(store_from_kernel);
	check_vault_intact();
}

static void store_from_null(void)
{
	(void)vault_store(NULL, 4);
}

ZTEST(app_syscall_attacks, test_store_from_null) {
	expect_oops(store_from_null);
	check_vault_intact();
}

static void fetch_into_kernel(void)
{
	(void)vault_fetch(kernel_bytes, sizeof(kernel_bytes));
}

ZTEST(app_syscall_attacks, test_fetch_into_kernel_memory) {
	expect_oops(fetch_into_kernel);
	zassert_mem_equal(kernel_bytes, "kernel!", 8, "kernel memory was written");
}

static void fetch_into_rodata(void)
{
	(void)vault_fetch((void *)ro_bytes, sizeof(ro_bytes));
}

ZTEST(app_syscall_attacks, test_fetch_into_read_only_memory) {
	expect_oops(fetch_into_rodata);
	zassert_mem_equal(ro_bytes, "rodata", 7);
}

static void fetch_wrapping(void)
{
	(void)vault_fetch((void *)0xfffffff0, 0x100);
}

ZTEST(app_syscall_attacks, test_fetch_wrapping_range) {
	expect_oops(fetch_wrapping);
}

static void signal_ungranted(void)
{
	(void)vault_signal(&ungranted_sem);
}

ZTEST(app_syscall_attacks, test_signal_an_ungranted_sem) {
	expect_oops(signal_ungranted);
	zassert_equal(k_sem_count_get(&ungranted_sem), 0, "given by the attacker");
}

static void signal_mutex(void)
{
	(void)vault_signal((struct k_sem *)&a_mutex);
}

ZTEST(app_syscall_attacks, test_signal_a_mutex) {
	expect_oops(signal_mutex);
	zassert_is_null(a_mutex.owner);
}

static void signal_kernel_bytes(void)
{
	(void)vault_signal((struct k_sem *)kernel_bytes);
}

ZTEST(app_syscall_attacks, test_signal_not_an_object) {
	expect_oops(signal_kernel_bytes);
	zassert_mem_equal(kernel_bytes, "kernel!", 8);
}

static void tally_too_much(void)
{
	(void)tally_add(5000000);
}

ZTEST(app_syscall_attacks, test_legacy_verifier_refuses) {
	tally_total = 7;
	expect_oops(tally_too_much);
	zassert_equal(tally_total, 7);
}

/* The seven-word call's extra words travel in a block the kernel copies in with checks. */
static void sum7_bad_block(void)
{
	(void)arch_syscall_invoke6(1, 2, 3, 4, 5, (uintptr_t)kernel_bytes, K_SYSCALL_VAULT_SUM7);
}

ZTEST(app_syscall_attacks, test_extra_words_from_kernel_memory) {
	expect_oops(sum7_bad_block);
}

/* An ID past the application's calls. */
static void past_the_last_id(void)
{
	(void)arch_syscall_invoke0(K_SYSCALL_LIMIT);
}

ZTEST(app_syscall_attacks, test_id_past_the_table) {
	expect_oops(past_the_last_id);
}
