/*
 * The attack scaffolding: partitions and domains, the bystander, and running
 * an attacker thread up to its expected death (see attack.h).
 */
#include "attack.h"

K_APPMEM_PARTITION_DEFINE(attacker_part);
K_APPMEM_PARTITION_DEFINE(victim_part);

K_APP_BMEM(attacker_part) struct attack_log attack_log;
K_APP_DMEM(victim_part) volatile uint32_t victim_secret = VICTIM_SECRET;
K_APP_BMEM(victim_part) struct bystander_log bystander_log;

/* Kernel RAM that the attacker domain maps read-only. */
volatile uint32_t ro_words[8] __aligned(32) = { RO_VALUE, RO_VALUE, RO_VALUE, RO_VALUE,
						RO_VALUE, RO_VALUE, RO_VALUE, RO_VALUE };
K_MEM_PARTITION_DEFINE(ro_part, ro_words, sizeof(ro_words), K_MEM_PARTITION_P_RO_U_RO);

struct k_mem_domain attacker_domain;
struct k_mem_domain victim_domain;

struct k_thread attacker_thread;
struct k_thread probe_thread;
struct k_thread bystander_thread;
K_THREAD_STACK_DEFINE(attacker_stack, ATTACK_STACK_SIZE);
K_THREAD_STACK_DEFINE(probe_stack, ATTACK_STACK_SIZE);
K_THREAD_STACK_DEFINE(bystander_stack, ATTACK_STACK_SIZE);

/* The bystander says it is waiting (and, after the attack, that it still holds this grant). */
K_SEM_DEFINE(bystander_ready, 0, 1);
K_SEM_DEFINE(bystander_go, 0, 1);

/* User threads this test created besides the bystander, to end after a failed test. */
static struct k_thread *created[4];
static unsigned int created_count;
static bool bystander_created;

void *attack_suite_setup(void)
{
	static bool done;
	struct k_mem_partition *attacker_parts[] = { &attacker_part, &ro_part };
	struct k_mem_partition *victim_parts[] = { &victim_part };

	if (!done) {
		zassert_ok(k_mem_domain_init(&attacker_domain, ARRAY_SIZE(attacker_parts),
					     attacker_parts));
		zassert_ok(
		    k_mem_domain_init(&victim_domain, ARRAY_SIZE(victim_parts), victim_parts));
		done = true;
	}
	return NULL;
}

/* User mode, victim domain: wait in a system call with a secret on the stack. */
static void bystander_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	volatile uint32_t stack_secret = STACK_SECRET;

	bystander_log.stack_secret_addr = (uintptr_t)&stack_secret;
	k_sem_give(&bystander_ready);
	(void)k_sem_take(&bystander_go, K_FOREVER);
	bystander_log.seen_victim_secret = victim_secret;
	bystander_log.seen_stack_secret = stack_secret;
	/* A grant it held before the attack must still work. */
	k_sem_give(&bystander_ready);
	bystander_log.rounds++;
}

void attack_before(void *fixture)
{
	ARG_UNUSED(fixture);
	created_count = 0;
	bystander_created = false;
	k_sem_reset(&bystander_ready);
	k_sem_reset(&bystander_go);
	bystander_log = (struct bystander_log){ 0 };

	k_thread_create(&bystander_thread, bystander_stack, K_THREAD_STACK_SIZEOF(bystander_stack),
			bystander_entry, NULL, NULL, NULL, BYSTANDER_PRIO, K_USER, K_FOREVER);
	bystander_created = true;
	k_thread_name_set(&bystander_thread, "bystander");
	zassert_ok(k_mem_domain_add_thread(&victim_domain, &bystander_thread));
	k_thread_access_grant(&bystander_thread, &bystander_ready, &bystander_go);
	k_thread_start(&bystander_thread);
	zassert_ok(k_sem_take(&bystander_ready, END_TIMEOUT), "the bystander did not start");
	zassert_not_equal(bystander_log.stack_secret_addr, 0U);
}

static void end_thread(struct k_thread *t)
{
	if (k_thread_join(t, K_NO_WAIT) != 0) {
		k_thread_abort(t);
	}
}

void attack_after(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < created_count; i++) {
		end_thread(created[i]);
	}
	if (!bystander_created) {
		return;
	}
	k_sem_give(&bystander_go);
	int ret = k_thread_join(&bystander_thread, END_TIMEOUT);

	end_thread(&bystander_thread);
	zassert_ok(ret, "the bystander did not finish");
	zassert_equal(bystander_log.rounds, 1U);
	zassert_equal(bystander_log.seen_victim_secret, VICTIM_SECRET, "victim data changed");
	zassert_equal(bystander_log.seen_stack_secret, STACK_SECRET, "bystander stack changed");
	zassert_ok(k_sem_take(&bystander_ready, K_NO_WAIT), "the bystander lost its grant");
}

void attack_print_target(const void *target)
{
	printk("    attack target 0x%08lx\n", (unsigned long)(uintptr_t)target);
}

/* User mode: the attack, then the proof that the attacker went on. */
static void attacker_entry(void *fn, void *arg, void *p3)
{
	ARG_UNUSED(p3);
	((attack_fn)fn)(arg);
	attack_log.survived = 1U;
}

static void track(struct k_thread *t)
{
	unsigned int i = 0;

	while (i < created_count && created[i] != t) {
		i++;
	}
	if (i == created_count && created_count < ARRAY_SIZE(created)) {
		created[created_count++] = t;
	}
	k_thread_name_set(t, t == &attacker_thread ? "attacker"
			     : t == &probe_thread  ? "probe"
						   : "helper");
}

void attack_prepare(struct k_thread *t, k_thread_stack_t *stack, attack_fn fn, void *arg,
		    void *const grants[])
{
	user_thread_create(t, stack, attacker_entry, (void *)fn, arg, ATTACKER_PRIO, grants);
}

void user_thread_create(struct k_thread *t, k_thread_stack_t *stack, k_thread_entry_t entry,
			void *p1, void *p2, int prio, void *const grants[])
{
	k_thread_create(t, stack, ATTACK_STACK_SIZE, entry, p1, p2, NULL, prio, K_USER, K_FOREVER);
	track(t);
	zassert_ok(k_mem_domain_add_thread(&attacker_domain, t));
	for (unsigned int i = 0; grants != NULL && grants[i] != NULL; i++) {
		k_object_access_grant(grants[i], t);
	}
}

static void log_reset(void)
{
	attack_log.armed = 0U;
	attack_log.survived = 0U;
	attack_log.loot = LOOT_NONE;
}

static unsigned int faults_before;

void attack_start(struct k_thread *t, unsigned int reason)
{
	faults_before = ztest_fault_count();
	log_reset();
	ztest_expect_fault(reason);
	k_thread_start(t);
}

void attack_finish(struct k_thread *t)
{
	zassert_ok(k_thread_join(t, END_TIMEOUT), "the attacking thread did not end");
	zassert_true(attack_log.armed, "the attacking thread did not reach its attack");
	zassert_false(attack_log.survived, "the attack went through: the thread ran on");
	zassert_equal(ztest_fault_count(), faults_before + 1U, "not exactly one fault");
}

void attack_launch(struct k_thread *t, unsigned int reason)
{
	attack_start(t, reason);
	attack_finish(t);
}

void attack_run(unsigned int reason, attack_fn fn, void *arg, void *const grants[])
{
	attack_prepare(&attacker_thread, attacker_stack, fn, arg, grants);
	attack_launch(&attacker_thread, reason);
}

void user_run(attack_fn fn, void *arg, void *const grants[])
{
	unsigned int faults = ztest_fault_count();

	attack_prepare(&attacker_thread, attacker_stack, fn, arg, grants);
	log_reset();
	k_thread_start(&attacker_thread);
	zassert_ok(k_thread_join(&attacker_thread, END_TIMEOUT), "the user thread did not end");
	zassert_true(attack_log.survived, "the user thread did not finish");
	zassert_equal(ztest_fault_count(), faults);
}
