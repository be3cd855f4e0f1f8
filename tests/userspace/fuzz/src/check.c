/*
 * After the run, the supervisor's proof that the fuzzers changed nothing they
 * could not legitimately reach: canary-filled kernel data, the code and
 * read-only data, the read-only partitions and the guard partitions (only the
 * other domain aims at them), the registry indexes of every
 * object, and the state of the supervisor's own objects and threads. Then
 * that the kernel still does its job for new threads, supervisor and user.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/app_memory/app_memdomain.h>
#include "supervisor.h"

uint32_t kernel_canary[CANARY_WORDS];

extern char __text_region_start[];
extern char __rom_region_end[];

#define MAX_CHECKED_OBJECTS (NUM_DOMAINS * MAX_GRANTS + 16)

static uint32_t rom_sum;
static const void *objects[MAX_CHECKED_OBJECTS];
static uint32_t object_idx[MAX_CHECKED_OBJECTS];
static unsigned int num_objects;

static uint32_t checksum(const char *start, const char *end)
{
	uint32_t h = 2166136261U; /* FNV-1a */

	for (const char *p = start; p < end; p++) {
		h = (h ^ (uint8_t)*p) * 16777619U;
	}
	return h;
}

static void watch_object(const void *obj)
{
	FUZZ_REQUIRE(num_objects < MAX_CHECKED_OBJECTS, "MAX_CHECKED_OBJECTS too small");
	objects[num_objects] = obj;
	/* Every kernel object starts with its registry index. */
	object_idx[num_objects] = ((const struct z_object_hdr *)obj)->idx;
	num_objects++;
}

void check_prepare(void)
{
	const void *sup[] = { &sup_sem,    &sup_mutex_held, &sup_mutex_free, &sup_msgq,  &sup_slab,
			      &sleeper_go, &sleeper,        k_current_get(), &public_sem };

	for (unsigned int i = 0; i < CANARY_WORDS; i++) {
		kernel_canary[i] = fuzz_pattern(0xca4aU, i);
		for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
			dom[d].guard[i] = fuzz_pattern(0x57a7U + d, i);
		}
	}
	rom_sum = checksum(__text_region_start, __rom_region_end);
	for (unsigned int o = 0; o < ARRAY_SIZE(sup); o++) {
		watch_object(sup[o]);
	}
	services_watch(watch_object);
	for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
		for (unsigned int g = 0; g < dom[d].num_grants; g++) {
			watch_object(dom[d].grants[g]);
		}
	}
}

static uint32_t corrupt(const char *what, unsigned int which)
{
	printk("fuzz: CORRUPTION: %s (%u)\n", what, which);
	return 1;
}

static uint32_t check_memory(void)
{
	uint32_t bad = 0;

	for (unsigned int i = 0; i < CANARY_WORDS; i++) {
		if (kernel_canary[i] != fuzz_pattern(0xca4aU, i)) {
			bad += corrupt("kernel canary word", i);
		}
	}
	if (checksum(__text_region_start, __rom_region_end) != rom_sum) {
		bad += corrupt("code or read-only data changed", 0);
	}
	for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
		union ro_area *ro = dom[d].ro_area;

		if (memcmp(&ro->cfg, &dom[d].cfg_copy, sizeof(ro->cfg)) != 0) {
			bad += corrupt("read-only configuration of domain", d);
		}
		for (unsigned int w = sizeof(ro->cfg) / 4U; w < ARRAY_SIZE(ro->words); w++) {
			if (ro->words[w] != fuzz_pattern(0x0707U + d, w)) {
				bad += corrupt("read-only partition word", w);
			}
		}
		for (unsigned int i = 0; i < CANARY_WORDS; i++) {
			if (dom[d].guard[i] != fuzz_pattern(0x57a7U + d, i)) {
				bad += corrupt(
				    "guard partition word (only the other domain aims there)", i);
			}
		}
	}
	for (unsigned int o = 0; o < num_objects; o++) {
		if (((const struct z_object_hdr *)objects[o])->idx != object_idx[o]) {
			bad += corrupt("registry index of an object", o);
		}
	}
	return bad;
}

static uint32_t check_supervisor_objects(void)
{
	static const uint8_t msg[SUP_MSGS][SUP_MSG_SIZE] = { "msg-one", "msg-two", "msg-3" };
	uint8_t got[SUP_MSG_SIZE];
	uint32_t bad = 0;

	if (k_sem_count_get(&sup_sem) != SUP_SEM_COUNT) {
		bad += corrupt("supervisor semaphore count", k_sem_count_get(&sup_sem));
	}
	if (sup_mutex_held.owner != k_current_get() || sup_mutex_held.lock_count != 1U) {
		bad += corrupt("held supervisor mutex", sup_mutex_held.lock_count);
	}
	if (sup_mutex_free.owner != NULL || sup_mutex_free.lock_count != 0U) {
		bad += corrupt("free supervisor mutex", sup_mutex_free.lock_count);
	}
	if (k_msgq_num_used_get(&sup_msgq) != SUP_MSGS) {
		bad += corrupt("supervisor message count", k_msgq_num_used_get(&sup_msgq));
	}
	for (unsigned int i = 0; i < SUP_MSGS; i++) {
		if (k_msgq_get(&sup_msgq, got, K_NO_WAIT) != 0 ||
		    memcmp(got, msg[i], sizeof(got)) != 0) {
			bad += corrupt("supervisor message", i);
		}
	}
	if (k_mem_slab_num_used_get(&sup_slab) != SUP_TAKEN ||
	    k_mem_slab_num_free_get(&sup_slab) != SUP_BLOCKS - SUP_TAKEN) {
		bad += corrupt("supervisor slab blocks in use", k_mem_slab_num_used_get(&sup_slab));
	}
	bad += services_check(corrupt);
	if (k_thread_priority_get(k_current_get()) != SUPERVISOR_PRIO) {
		bad += corrupt("main's priority", 0);
	}
	if (k_thread_priority_get(&sleeper) != SLEEPER_PRIO) {
		bad += corrupt("sleeper's priority", 0);
	}
	/* Still waiting where it was: the give wakes it with success. */
	k_sem_give(&sleeper_go);
	if (k_thread_join(&sleeper, K_MSEC(10)) != 0 || sleeper_woke_with != 0) {
		bad += corrupt("sleeper thread", (unsigned int)sleeper_woke_with);
	}
	return bad;
}

/* What the fuzzers could change is at least still consistent. */
static uint32_t check_domain_objects(void)
{
	uint32_t bad = 0;

	if (k_sem_count_get(&shared_sem) > shared_sem.limit) {
		bad += corrupt("shared semaphore count above its limit", 0);
	}
	if (k_msgq_num_used_get(&shared_msgq) > shared_msgq.max_msgs) {
		bad += corrupt("shared message queue holding more than it can", 0);
	}
	for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
		struct domain *dm = &dom[d];

		if (k_sem_count_get(&dm->sem_rt) > dm->sem_rt.limit) {
			bad += corrupt("semaphore count above its limit in domain", d);
		}
		if (k_msgq_num_used_get(&dm->msgq_big) > 4U) {
			bad += corrupt("message queue holding more than it can in domain", d);
		}
		if (k_mem_slab_num_used_get(&dm->slab_user) > SLAB_BLOCKS) {
			bad += corrupt("slab with more blocks used than it has in domain", d);
		}
	}
	return bad;
}

/* A user thread in a domain of its own, for the last checks. */
K_APPMEM_PARTITION_DEFINE(final_part);
K_APP_BMEM(final_part) static volatile uint32_t final_steps;
static struct k_mem_domain final_domain;
static struct k_thread final_thread;
K_THREAD_STACK_DEFINE(final_stack, 1024);

/* Run entry(p1, p2) as a user thread holding @grants; true if it ended without a fault. */
static bool run_user(k_thread_entry_t entry, void *p1, void *p2, const void *const *grants,
		     unsigned int n)
{
	uint32_t faults = totals.faults;

	k_thread_create(&final_thread, final_stack, K_THREAD_STACK_SIZEOF(final_stack), entry, p1,
			p2, NULL, K_PRIO_PREEMPT(0), K_USER, K_FOREVER);
	if (k_mem_domain_add_thread(&final_domain, &final_thread) != 0) {
		return false;
	}
	for (unsigned int g = 0; g < n; g++) {
		k_object_access_grant_typed(grants[g], &final_thread, K_OBJ_ANY);
	}
	k_thread_start(&final_thread);
	return k_thread_join(&final_thread, K_MSEC(10)) == 0 && totals.faults == faults;
}

static void nothing(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* User mode: abort thread @t (only a live thread passes the check). */
static void abort_it(void *t, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_thread_abort(t);
}

/*
 * A thread the fuzzers left on @t: a moment to end, then aborted by a user
 * thread, which leaves alone an object that is not a live thread.
 */
static void end_child(struct k_thread *t)
{
	const void *grants[] = { t };

	if (k_thread_join(t, K_MSEC(20)) != 0 &&
	    run_user(abort_it, t, NULL, grants, ARRAY_SIZE(grants))) {
		totals.children_aborted++;
	}
}

/*
 * Threads the fuzzers created on thread objects they allocated themselves
 * (k_object_alloc(K_OBJ_THREAD)), which no list of the test names: found on
 * the kernel's thread list. One never started (a delay of K_FOREVER) still
 * owns its stack; it is a live thread, not a leak of the kernel's.
 */
#define MAX_STRAYS 16

struct strays {
	struct k_thread *t[MAX_STRAYS];
	unsigned int n;
};

static void note_stray(const struct k_thread *t, void *data)
{
	struct strays *s = data;

	if (t != &final_thread && (t->base.user_options & K_USER) != 0U && s->n < MAX_STRAYS) {
		s->t[s->n++] = (struct k_thread *)t;
	}
}

static void end_children(void)
{
	struct strays strays = { .n = 0 };

	for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
		for (unsigned int c = 0; c < CHILDREN_PER_DOMAIN; c++) {
			end_child(&dom[d].child[c]);
		}
		end_child(dom[d].thread_dyn);
	}
	end_child(&shared_child);
	k_thread_foreach(note_stray, &strays);
	for (unsigned int i = 0; i < strays.n; i++) {
		end_child(strays.t[i]);
		totals.strays++;
	}
}

/* User mode: a thread on @obj and @stack, waited for. */
static void create_on(void *obj, void *stack, void *p3)
{
	ARG_UNUSED(p3);
	k_thread_create(obj, stack, CHILD_STACK_SIZE, nothing, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			K_USER, K_NO_WAIT);
	(void)k_thread_join(obj, K_FOREVER);
}

static uint32_t thread_object_reusable(struct k_thread *t, k_thread_stack_t *stack)
{
	const void *grants[] = { t, stack };

	if (run_user(create_on, t, stack, grants, ARRAY_SIZE(grants))) {
		return 0;
	}
	printk("fuzz: CORRUPTION: no user thread can be created on thread object %p with stack %p "
	       "any more\n",
	       (void *)t, (void *)stack);
	return 1;
}

static uint32_t initialisable(void *obj, int ret)
{
	if (ret == 0) {
		return 0;
	}
	printk("fuzz: CORRUPTION: object %p cannot be initialised again (%d)\n", obj, ret);
	return 1;
}

/*
 * The objects the fuzzers created threads on or initialised serve again,
 * whatever state their users' deaths (wherever they happened) left them in.
 */
static uint32_t check_objects_reusable(void)
{
	uint32_t bad = 0;

	for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
		struct domain *dm = &dom[d];

		for (unsigned int c = 0; c < CHILDREN_PER_DOMAIN; c++) {
			bad += thread_object_reusable(&dm->child[c], dm->child_stack[c]);
		}
		bad += thread_object_reusable(dm->thread_dyn, dm->child_stack[0]);
		bad += initialisable(&dm->sem_uninit, k_sem_init(&dm->sem_uninit, 0, 1));
		bad += initialisable(dm->sem_dyn, k_sem_init(dm->sem_dyn, 0, 1));
		bad += initialisable(&dm->mutex_uninit, k_mutex_init(&dm->mutex_uninit));
		bad += initialisable(dm->mutex_dyn, k_mutex_init(dm->mutex_dyn));
	}
	return bad + thread_object_reusable(&shared_child, shared_stack);
}

uint32_t check_all(void)
{
	struct k_mem_partition *parts[] = { &final_part };

	if (k_mem_domain_init(&final_domain, ARRAY_SIZE(parts), parts) != 0) {
		k_panic();
	}
	end_children();

	uint32_t bad = check_memory() + check_supervisor_objects() + check_domain_objects() +
		       check_objects_reusable();

	printk("fuzz: integrity checks done: %u corruptions\n", (unsigned int)bad);
	return bad;
}

/* The kernel still works: a supervisor thread, and a user thread in a new domain. */

K_SEM_DEFINE(final_sem, 0, 1);
K_MUTEX_DEFINE(final_mutex);
K_MSGQ_DEFINE(final_msgq, 4, 2, 4);

static const char *const final_step_names[] = {
	"k_object_alloc", "k_sem_init", "k_sem_take", "k_mutex_lock",
	"k_mutex_unlock", "k_msgq_put", "k_msgq_get",
};
#define FINAL_STEPS ARRAY_SIZE(final_step_names)

static void give_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_give(&final_sem);
}

/* User mode: one step after the other; final_steps says how far it got. */
static void user_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint32_t in = 0x600dU;
	uint32_t out = 0;
	struct k_sem *s = k_object_alloc(K_OBJ_SEM);

	if (s == NULL) {
		return;
	}
	final_steps = 1U;
	if (k_sem_init(s, 0, 1) == 0) {
		final_steps++;
	}
	k_sem_give(s);
	if (final_steps == 2U && k_sem_take(s, K_NO_WAIT) == 0) {
		final_steps++;
	}
	if (final_steps == 3U && k_mutex_lock(&final_mutex, K_NO_WAIT) == 0) {
		final_steps++;
	}
	if (final_steps == 4U && k_mutex_unlock(&final_mutex) == 0) {
		final_steps++;
	}
	if (final_steps == 5U && k_msgq_put(&final_msgq, &in, K_NO_WAIT) == 0) {
		final_steps++;
	}
	if (final_steps == 6U && k_msgq_get(&final_msgq, &out, K_NO_WAIT) == 0 && out == in) {
		final_steps++;
	}
}

static bool supervisor_thread_works(void)
{
	k_thread_create(&final_thread, final_stack, K_THREAD_STACK_SIZEOF(final_stack), give_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	return k_sem_take(&final_sem, K_MSEC(10)) == 0 &&
	       k_thread_join(&final_thread, K_MSEC(10)) == 0;
}

static bool user_thread_works(void)
{
	const void *grants[] = { &final_mutex, &final_msgq };
	bool ended = run_user(user_entry, NULL, NULL, grants, ARRAY_SIZE(grants));

	if (ended && final_steps == FINAL_STEPS) {
		return true;
	}
	printk("fuzz: user thread in a new domain: %s failed\n",
	       final_steps < FINAL_STEPS ? final_step_names[final_steps] : "its end");
	return false;
}

bool check_kernel_works(void)
{
	int64_t before = k_uptime_get();
	bool sup = supervisor_thread_works();
	bool user = user_thread_works();

	k_msleep(2);

	bool timer = k_uptime_get() - before >= 2;

	printk("fuzz: kernel works: supervisor thread %s, user thread %s, timer %s\n",
	       sup ? "yes" : "NO", user ? "yes" : "NO", timer ? "yes" : "NO");
	return sup && user && timer;
}
