/*
 * System call attacks on kernel objects: pointers that are not objects (an
 * ordinary kernel variable and a forged struct k_sem in the caller's own
 * partition, both carrying a real semaphore's header; NULL; misaligned and
 * interior pointers), objects of the wrong type, objects never granted,
 * uninitialised ones, re-initialising objects in use, passing on grants the
 * caller does not hold, escalation through thread creation and priorities,
 * and a kernel object placed in memory the caller can write. Each must end
 * in an oops of the caller alone (K_ERR_KERNEL_OOPS), with the objects
 * involved unchanged and still usable.
 */
#include <string.h>
#include "attack.h"

static K_SEM_DEFINE(granted_sem, 0, 1);
static K_SEM_DEFINE(ungranted_sem, 0, 1);
static K_MUTEX_DEFINE(granted_mutex);

/* An ordinary kernel variable that starts like granted_sem (its registry index). */
static uint32_t plain_kernel_words[8];

K_APP_BMEM(attacker_part) static struct k_sem forged_sem;

/*
 * Kernel mutexes in memory the attacker may write: one the supervisor placed
 * in the attacker's partition (as one might next to a shared ring buffer),
 * one in kernel RAM that a K_MEM_PARTITION_DEFINE maps writable for it. And
 * the attacker's forgeries.
 */
K_APP_BMEM(attacker_part) static struct k_mutex user_memory_mutex;
static union {
	struct k_mutex mutex;
	uint8_t bytes[64];
} exposed __aligned(64);
K_MEM_PARTITION_DEFINE(exposed_part, &exposed, sizeof(exposed), K_MEM_PARTITION_P_RW_U_RW);
static struct k_mem_domain exposed_domain;

K_APP_BMEM(attacker_part) static struct {
	struct k_thread owner;
	_wait_q_t owner_queue;
	sys_dnode_t scratch;
} forgery;
static volatile uintptr_t write_target = 0x7a26e7U;

/* Set by a thread the attacker managed to create (user or not). */
K_APP_BMEM(attacker_part) static volatile bool spawned_ran;

static void sem_give(void *sem)
{
	attack_arm();
	k_sem_give(sem);
}

static void sem_take_allocated_uninitialised(void *arg)
{
	ARG_UNUSED(arg);
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);

	attack_log.loot = (uintptr_t)sem;
	if (sem == NULL) {
		return; /* not armed: the test fails */
	}
	attack_arm();
	(void)k_sem_take(sem, K_NO_WAIT);
}

static void sem_init_again(void *sem)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_sem_init(sem, 1, 1);
}

static void mutex_init_again(void *mutex)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_mutex_init(mutex);
}

static void grant_to_probe(void *object)
{
	attack_arm();
	k_object_access_grant(object, &probe_thread);
}

static void release_object(void *object)
{
	attack_arm();
	k_object_release(object);
}

static void abort_thread(void *thread)
{
	attack_arm();
	k_thread_abort(thread);
}

static void raise_own_priority(void *arg)
{
	ARG_UNUSED(arg);
	attack_arm();
	k_thread_priority_set(k_current_get(), K_PRIO_COOP(1));
}

/*
 * The mutex body is the attacker's to write: name a forged owner, "pending"
 * on a forged queue, whose links point at write_target. Locking the mutex
 * lends the owner the caller's priority, and moving a pending thread to its
 * new place in its queue unlinks it: the kernel writes &forgery.scratch into
 * write_target. A kernel that accepted this object would have done so (and
 * the lock would then simply time out). The supervisor has set the owner's
 * state word to "pending".
 */
static void lock_forged_mutex(void *arg)
{
	struct k_mutex *mutex = arg;

	sys_dlist_init(&forgery.owner_queue.waitq);
	forgery.owner.base.prio = K_LOWEST_APPLICATION_THREAD_PRIO;
	forgery.owner.base.pended_on = &forgery.owner_queue;
	forgery.owner.base.qnode.next = &forgery.scratch;
	forgery.owner.base.qnode.prev = (sys_dnode_t *)&write_target;
	mutex->owner = &forgery.owner;
	mutex->lock_count = 1U;
	mutex->next_held = NULL;
	attack_arm();
	attack_log.loot = (uintptr_t)k_mutex_lock(mutex, K_MSEC(1));
}

/* Only reached if a forbidden thread creation went through. */
static void spawned_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	spawned_ran = true;
}

struct spawn_request {
	k_thread_stack_t *stack;
	int prio;
	uint32_t options;
};

static void spawn(void *arg)
{
	const struct spawn_request *r = arg;

	attack_arm();
	attack_log.loot =
	    (uintptr_t)k_thread_create(&probe_thread, r->stack, ATTACK_STACK_SIZE, spawned_entry,
				       NULL, NULL, NULL, r->prio, r->options, K_NO_WAIT);
}

static void check_granted_sem_intact(void)
{
	zassert_equal(k_sem_count_get(&granted_sem), 0U, "the semaphore was given");
	k_sem_give(&granted_sem);
	zassert_ok(k_sem_take(&granted_sem, K_NO_WAIT), "the semaphore is broken");
}

/* A never-started probe thread the attacker may name: registered, not running. */
static void register_idle_probe(void)
{
	k_thread_create(&probe_thread, probe_stack, ATTACK_STACK_SIZE, spawned_entry, NULL, NULL,
			NULL, ATTACKER_PRIO, K_USER, K_FOREVER);
	k_thread_abort(&probe_thread);
}

static void run_spawn(const struct spawn_request *r, void *const grants[])
{
	spawned_ran = false;
	register_idle_probe();
	attack_run(K_ERR_KERNEL_OOPS, spawn, (void *)r, grants);
	zassert_equal(attack_log.loot, LOOT_NONE);
	k_sleep(K_MSEC(5));
	zassert_false(spawned_ran, "the forbidden thread ran");
}

ATTACK_SUITE(attacks_objects);

ZTEST(attacks_objects, test_sem_give_plain_kernel_variable) {
	memcpy(plain_kernel_words, &granted_sem, sizeof(uint32_t));
	attack_run(K_ERR_KERNEL_OOPS, sem_give, plain_kernel_words, ATTACK_GRANTS(&granted_sem));
	for (unsigned int i = 1; i < ARRAY_SIZE(plain_kernel_words); i++) {
		zassert_equal(plain_kernel_words[i], 0U, "the kernel variable changed");
	}
	check_granted_sem_intact();
}

/* A byte-for-byte copy of a semaphore the attacker holds, in its own memory. */
ZTEST(attacks_objects, test_sem_give_forged_in_own_partition) {
	memcpy(&forged_sem, &granted_sem, sizeof(forged_sem));
	attack_run(K_ERR_KERNEL_OOPS, sem_give, &forged_sem, ATTACK_GRANTS(&granted_sem));
	zassert_mem_equal(&forged_sem, &granted_sem, sizeof(forged_sem), "the forgery changed");
	check_granted_sem_intact();
}

ZTEST(attacks_objects, test_sem_give_null) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, NULL, NULL);
}

ZTEST(attacks_objects, test_sem_give_misaligned) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, (char *)&granted_sem + 1,
		   ATTACK_GRANTS(&granted_sem));
	check_granted_sem_intact();
}

ZTEST(attacks_objects, test_sem_give_interior_pointer) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, (char *)&granted_sem + sizeof(uint32_t),
		   ATTACK_GRANTS(&granted_sem));
	check_granted_sem_intact();
}

ZTEST(attacks_objects, test_sem_give_device_address) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, (void *)CONFIG_NS16550_BASE, NULL);
}

ZTEST(attacks_objects, test_sem_give_mutex) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, &granted_mutex, ATTACK_GRANTS(&granted_mutex));
	zassert_ok(k_mutex_lock(&granted_mutex, K_NO_WAIT), "the mutex is broken");
	zassert_ok(k_mutex_unlock(&granted_mutex));
}

/* The attacker's own thread object, which it holds, as a semaphore. */
ZTEST(attacks_objects, test_sem_give_thread) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, &attacker_thread, NULL);
}

ZTEST(attacks_objects, test_sem_give_without_grant) {
	attack_run(K_ERR_KERNEL_OOPS, sem_give, &ungranted_sem, NULL);
	zassert_equal(k_sem_count_get(&ungranted_sem), 0U, "the semaphore was given");
}

ZTEST(attacks_objects, test_sem_take_uninitialised) {
	attack_run(K_ERR_KERNEL_OOPS, sem_take_allocated_uninitialised, NULL, NULL);
	zassert_not_equal(attack_log.loot, LOOT_NONE);
}

/* Resetting a semaphore others use (count, limit, waiters). */
ZTEST(attacks_objects, test_sem_init_again) {
	attack_run(K_ERR_KERNEL_OOPS, sem_init_again, &granted_sem, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
	check_granted_sem_intact();
	/* The limit is still 1. */
	k_sem_give(&granted_sem);
	k_sem_give(&granted_sem);
	zassert_equal(k_sem_count_get(&granted_sem), 1U);
	k_sem_reset(&granted_sem);
}

/* Stealing a mutex another thread holds by re-initialising it. */
ZTEST(attacks_objects, test_mutex_init_while_held) {
	zassert_ok(k_mutex_lock(&granted_mutex, K_NO_WAIT));
	attack_run(K_ERR_KERNEL_OOPS, mutex_init_again, &granted_mutex,
		   ATTACK_GRANTS(&granted_mutex));
	zassert_ok(k_mutex_unlock(&granted_mutex), "the owner lost the mutex");
	zassert_equal(k_mutex_unlock(&granted_mutex), -EINVAL, "the mutex was still locked");
}

/*
 * Passing on an object it does not hold, to a thread it does hold. That
 * thread (the probe, created but not started) then tries the object itself:
 * it must be refused too, so the grant did not happen.
 */
ZTEST(attacks_objects, test_grant_object_not_held) {
	attack_prepare(&probe_thread, probe_stack, sem_give, &ungranted_sem, NULL);
	attack_run(K_ERR_KERNEL_OOPS, grant_to_probe, &ungranted_sem, ATTACK_GRANTS(&probe_thread));
	attack_launch(&probe_thread, K_ERR_KERNEL_OOPS);
	zassert_equal(k_sem_count_get(&ungranted_sem), 0U, "the semaphore was given");
}

/* Holding the object but not the thread. */
ZTEST(attacks_objects, test_grant_to_thread_not_held) {
	attack_prepare(&probe_thread, probe_stack, sem_give, &granted_sem, NULL);
	attack_run(K_ERR_KERNEL_OOPS, grant_to_probe, &granted_sem, ATTACK_GRANTS(&granted_sem));
	attack_launch(&probe_thread, K_ERR_KERNEL_OOPS);
	check_granted_sem_intact();
}

ZTEST(attacks_objects, test_release_object_not_held) {
	attack_run(K_ERR_KERNEL_OOPS, release_object, &ungranted_sem, NULL);
}

ZTEST(attacks_objects, test_abort_thread_not_held) {
	attack_run(K_ERR_KERNEL_OOPS, abort_thread, &bystander_thread, NULL);
	/* attack_after checks that the bystander lives on. */
}

ZTEST(attacks_objects, test_raise_own_priority) {
	attack_run(K_ERR_KERNEL_OOPS, raise_own_priority, NULL, NULL);
}

ZTEST(attacks_objects, test_create_supervisor_thread) {
	static const struct spawn_request r = { probe_stack, ATTACKER_PRIO, 0 };

	run_spawn(&r, ATTACK_GRANTS(&probe_thread, probe_stack));
}

ZTEST(attacks_objects, test_create_more_urgent_thread) {
	static const struct spawn_request r = { probe_stack, K_PRIO_COOP(1), K_USER };

	run_spawn(&r, ATTACK_GRANTS(&probe_thread, probe_stack));
}

ZTEST(attacks_objects, test_create_thread_on_own_stack) {
	static const struct spawn_request r = { attacker_stack, ATTACKER_PRIO, K_USER };

	run_spawn(&r, ATTACK_GRANTS(&probe_thread, attacker_stack));
}

ZTEST(attacks_objects, test_create_thread_on_stack_not_held) {
	static const struct spawn_request r = { probe_stack, ATTACKER_PRIO, K_USER };

	run_spawn(&r, ATTACK_GRANTS(&probe_thread));
}

/* Control: with everything granted and allowed, the same request works. */
ZTEST(attacks_objects, test_create_thread_allowed_works) {
	static const struct spawn_request r = { probe_stack, ATTACKER_PRIO, K_USER };

	spawned_ran = false;
	register_idle_probe();
	user_run(spawn, (void *)&r, ATTACK_GRANTS(&probe_thread, probe_stack));
	zassert_equal(attack_log.loot, (uintptr_t)&probe_thread);
	zassert_ok(k_thread_join(&probe_thread, END_TIMEOUT));
	zassert_true(spawned_ran);
}

/*
 * The mutex is made public, not granted with k_object_access_grant(), which
 * insists on a registered object: if the kernel took it for an object at all,
 * the attacker may use it.
 */
static void attack_writable_mutex(struct k_mutex *mutex, struct k_mem_domain *domain)
{
	/* The bystander is blocked: its state word says "pending". */
	forgery.owner.base.thread_state = bystander_thread.base.thread_state;
	(void)k_mutex_init(mutex);
	k_object_access_all_grant(mutex);
	attack_prepare(&attacker_thread, attacker_stack, lock_forged_mutex, mutex, NULL);
	zassert_ok(k_mem_domain_add_thread(domain, &attacker_thread));
	attack_start(&attacker_thread, K_ERR_KERNEL_OOPS);
	zassert_ok(k_thread_join(&attacker_thread, END_TIMEOUT));
	zassert_equal(write_target, 0x7a26e7U,
		      "the kernel wrote 0x%08lx into its own data (&forgery.scratch is %p)",
		      (unsigned long)write_target, (void *)&forgery.scratch);
	attack_finish(&attacker_thread);
}

ZTEST(attacks_objects, test_object_in_app_partition) {
	attack_writable_mutex(&user_memory_mutex, &attacker_domain);
}

ZTEST(attacks_objects, test_object_in_writable_partition) {
	struct k_mem_partition *parts[] = { &attacker_part, &exposed_part };

	zassert_ok(k_mem_domain_init(&exposed_domain, ARRAY_SIZE(parts), parts));
	attack_writable_mutex(&exposed.mutex, &exposed_domain);
}
