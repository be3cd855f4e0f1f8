/*
 * System call attacks on kernel objects (semaphores, mutexes, stacks, queues,
 * events, threads): pointers that are not objects (an ordinary kernel
 * variable and a forged struct k_sem in the caller's own partition, both
 * carrying a real semaphore's header; NULL; misaligned and interior
 * pointers), objects of the wrong type, objects never granted, buffers in
 * kernel memory, uninitialised ones, passing on grants the caller does not
 * hold, escalation through thread creation and priorities, and a kernel
 * object placed in memory the caller can write. Each must end in an oops of
 * the caller alone (K_ERR_KERNEL_OOPS), with the objects involved unchanged
 * and still usable. Re-initialising objects in use is refused with -EBUSY
 * instead (Zephyr lets user threads re-initialise idle semaphores and
 * mutexes).
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

K_STACK_DEFINE(granted_stack, 2);
K_STACK_DEFINE(ungranted_stack, 2);
static stack_data_t kernel_entry = 0x5afe;

static void stack_push(void *stack)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_stack_push(stack, 0xbad);
}

static void stack_pop_into(void *buffer)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_stack_pop(&granted_stack, buffer, K_NO_WAIT);
}

static void stack_pop_sem(void *sem)
{
	static K_APP_BMEM(attacker_part) stack_data_t entry;

	attack_arm();
	attack_log.loot = (uintptr_t)k_stack_pop(sem, &entry, K_NO_WAIT);
}

K_FIFO_DEFINE(granted_fifo);
K_FIFO_DEFINE(ungranted_fifo);

static void fifo_get(void *fifo)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_fifo_get((struct k_fifo *)fifo, K_NO_WAIT);
}

static void queue_alloc_append(void *queue)
{
	attack_arm();
	attack_log.loot = (uintptr_t)k_queue_alloc_append(queue, &attack_log);
}

static void queue_init_again(void *queue)
{
	attack_arm();
	k_queue_init(queue);
	attack_log.loot = 0;
}

K_EVENT_DEFINE(granted_event);
K_EVENT_DEFINE(ungranted_event);

static void event_post(void *event)
{
	attack_arm();
	attack_log.loot = k_event_post(event, 0x1);
}

static void event_wait_safe(void *event)
{
	attack_arm();
	attack_log.loot = k_event_wait_safe(event, 0x1, false, K_NO_WAIT);
}

static void event_wait_all_safe(void *event)
{
	attack_arm();
	attack_log.loot = k_event_wait_all_safe(event, 0x1, false, K_NO_WAIT);
}

static void event_init_again(void *event)
{
	attack_arm();
	k_event_init(event);
	attack_log.loot = 0;
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
	attack_run(K_ERR_KERNEL_OOPS, sem_give, (void *)DT_REG_ADDR(DT_NODELABEL(uart0)), NULL);
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
static struct k_thread waiter_thread;
static K_THREAD_STACK_DEFINE(waiter_stack, 1024);

static void take_granted_sem(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)k_sem_take(&granted_sem, K_FOREVER);
}

/* Losing a waiter by re-initialising the semaphore it waits on. */
ZTEST(attacks_objects, test_sem_init_again) {
	k_thread_create(&waiter_thread, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack),
			take_granted_sem, NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0,
			K_NO_WAIT);
	user_run(sem_init_again, &granted_sem, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, (uintptr_t)-EBUSY);
	k_sem_give(&granted_sem);
	zassert_equal(k_thread_join(&waiter_thread, K_FOREVER), 0);
	check_granted_sem_intact();
}

/* Stealing a mutex another thread holds by re-initialising it. */
ZTEST(attacks_objects, test_mutex_init_while_held) {
	zassert_ok(k_mutex_lock(&granted_mutex, K_NO_WAIT));
	user_run(mutex_init_again, &granted_mutex, ATTACK_GRANTS(&granted_mutex));
	zassert_equal(attack_log.loot, (uintptr_t)-EBUSY);
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

ZTEST(attacks_objects, test_stack_push_without_grant) {
	stack_data_t v;

	attack_run(K_ERR_KERNEL_OOPS, stack_push, &ungranted_stack, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal(k_stack_pop(&ungranted_stack, &v, K_NO_WAIT), -EBUSY, "the push happened");
}

/* The entry would be written into kernel memory: refused before anything is popped. */
ZTEST(attacks_objects, test_stack_pop_into_kernel_buffer) {
	stack_data_t v;

	zassert_ok(k_stack_push(&granted_stack, 0x1234));
	attack_print_target(&kernel_entry);
	attack_run(K_ERR_KERNEL_OOPS, stack_pop_into, &kernel_entry, ATTACK_GRANTS(&granted_stack));
	zassert_equal(kernel_entry, 0x5afe, "kernel memory was written");
	zassert_ok(k_stack_pop(&granted_stack, &v, K_NO_WAIT), "the entry was lost");
	zassert_equal(v, 0x1234);
}

ZTEST(attacks_objects, test_stack_pop_sem) {
	attack_run(K_ERR_KERNEL_OOPS, stack_pop_sem, &granted_sem, ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
	check_granted_sem_intact();
}

ZTEST(attacks_objects, test_fifo_get_without_grant) {
	static struct {
		void *reserved;
	} item;

	k_fifo_put(&ungranted_fifo, &item);
	attack_run(K_ERR_KERNEL_OOPS, fifo_get, &ungranted_fifo, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal_ptr(k_fifo_get(&ungranted_fifo, K_NO_WAIT), &item, "the item was taken");
}

ZTEST(attacks_objects, test_queue_alloc_append_to_sem) {
	attack_run(K_ERR_KERNEL_OOPS, queue_alloc_append, &granted_sem,
		   ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
	check_granted_sem_intact();
}

/* Emptying a queue others use by initialising it again. */
ZTEST(attacks_objects, test_queue_init_again) {
	static struct {
		void *reserved;
	} item;

	k_fifo_put(&granted_fifo, &item);
	attack_run(K_ERR_KERNEL_OOPS, queue_init_again, &granted_fifo,
		   ATTACK_GRANTS(&granted_fifo));
	zassert_equal_ptr(k_fifo_get(&granted_fifo, K_NO_WAIT), &item, "the queue was emptied");
}

ZTEST(attacks_objects, test_event_post_without_grant) {
	attack_run(K_ERR_KERNEL_OOPS, event_post, &ungranted_event, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal(k_event_test(&ungranted_event, UINT32_MAX), 0, "the event was posted");
}

ZTEST(attacks_objects, test_event_post_to_sem) {
	attack_run(K_ERR_KERNEL_OOPS, event_post, &granted_sem, ATTACK_GRANTS(&granted_sem));
	check_granted_sem_intact();
}

/* Clearing events others wait for by initialising the object again. */
ZTEST(attacks_objects, test_event_init_again) {
	k_event_post(&granted_event, 0x8);
	attack_run(K_ERR_KERNEL_OOPS, event_init_again, &granted_event,
		   ATTACK_GRANTS(&granted_event));
	zassert_equal(k_event_test(&granted_event, UINT32_MAX), 0x8, "the events were cleared");
}

/* The consuming waits: taking another's events without a grant, or through a semaphore. */
ZTEST(attacks_objects, test_event_wait_safe_without_grant) {
	k_event_set(&ungranted_event, 0x1);
	attack_run(K_ERR_KERNEL_OOPS, event_wait_safe, &ungranted_event, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal(k_event_test(&ungranted_event, UINT32_MAX), 0x1, "the event was consumed");
	k_event_set(&ungranted_event, 0);
}

ZTEST(attacks_objects, test_event_wait_all_safe_on_sem) {
	k_sem_give(&granted_sem);
	attack_run(K_ERR_KERNEL_OOPS, event_wait_all_safe, &granted_sem,
		   ATTACK_GRANTS(&granted_sem));
	zassert_equal(attack_log.loot, LOOT_NONE);
	zassert_equal(k_sem_count_get(&granted_sem), 1, "the semaphore was changed");
	zassert_equal(k_sem_take(&granted_sem, K_NO_WAIT), 0);
	check_granted_sem_intact();
}

/* A pointer into the kernel's own data that is no object at all. */
ZTEST(attacks_objects, test_event_wait_safe_on_plain_kernel_data) {
	attack_run(K_ERR_KERNEL_OOPS, event_wait_safe, plain_kernel_words, NULL);
	zassert_equal(attack_log.loot, LOOT_NONE);
}
