/*
 * Supervisor-only APIs called from user mode. They are not system calls: the
 * code is user-executable, but it locks interrupts and touches kernel data,
 * so the caller faults (K_ERR_CPU_EXCEPTION) and nothing changes: a domain
 * keeps its partitions and members, a grant stays (or stays absent), an
 * allocated object stays allocated, the scheduler stays unlocked.
 */
#include "attack.h"

static K_SEM_DEFINE(ungranted_sem, 0, 1);

static void add_victim_partition(void *domain)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_mem_domain_add_partition(domain, &victim_part);
}

static void join_victim_domain(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	attack_log.loot = (uintptr_t)k_mem_domain_add_thread(&victim_domain, k_current_get());
	attack_log.loot = victim_secret;
}

static void revoke_bystander_grant(void *object)
{
	attack_arm();
	k_object_access_revoke(object, &bystander_thread);
}

static void grant_to_all(void *object)
{
	attack_arm();
	k_object_access_all_grant(object);
}

static void free_object(void *object)
{
	attack_arm();
	k_object_free(object);
}

static void lock_scheduler(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	k_sched_lock();
}

static void sem_give(void *sem)
{
	attack_arm();
	k_sem_give(sem);
}

ATTACK_SUITE(attacks_privileged);

ZTEST(attacks_privileged, test_mem_domain_add_partition) {
	uint8_t parts = attacker_domain.num_partitions;

	attack_run(K_ERR_CPU_EXCEPTION, add_victim_partition, &attacker_domain, NULL);
	zassert_equal(attacker_domain.num_partitions, parts, "the domain changed");
	zassert_equal(attack_log.loot, LOOT_NONE);
}

ZTEST(attacks_privileged, test_mem_domain_add_thread) {
	attack_run(K_ERR_CPU_EXCEPTION, join_victim_domain, NULL, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}

/* The bystander uses the grant again when it wakes (attack_after). */
ZTEST(attacks_privileged, test_object_access_revoke) {
	attack_run(K_ERR_CPU_EXCEPTION, revoke_bystander_grant, &bystander_ready, NULL);
}

/* Afterwards a thread that was never granted the object is still refused. */
ZTEST(attacks_privileged, test_object_access_all_grant) {
	attack_run(K_ERR_CPU_EXCEPTION, grant_to_all, &ungranted_sem, NULL);
	attack_prepare(&probe_thread, probe_stack, sem_give, &ungranted_sem, NULL);
	attack_launch(&probe_thread, K_ERR_KERNEL_OOPS);
	zassert_equal(k_sem_count_get(&ungranted_sem), 0U, "the semaphore was given");
}

ZTEST(attacks_privileged, test_object_free) {
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);

	zassert_not_null(sem);
	zassert_ok(k_sem_init(sem, 0, 1));
	attack_run(K_ERR_CPU_EXCEPTION, free_object, sem, ATTACK_GRANTS(sem));
	/* Still allocated and working. */
	k_sem_give(sem);
	zassert_equal(k_sem_count_get(sem), 1U);
	k_object_free(sem);
}

/* The bystander and the test thread still get to run afterwards. */
ZTEST(attacks_privileged, test_sched_lock) {
	int64_t start = k_uptime_get();

	attack_run(K_ERR_CPU_EXCEPTION, lock_scheduler, NULL, NULL);
	k_sleep(K_MSEC(2));
	zassert_true(k_uptime_get() - start >= 2);
}
