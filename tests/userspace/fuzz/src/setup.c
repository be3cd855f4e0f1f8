/*
 * Before the run: the supervisor's own objects, the two memory domains with
 * the objects their fuzzers are granted, and each domain's argument pools
 * (written into its read-only partition, then copied aside for the checks).
 */
#include <zephyr/kernel.h>
#include <zephyr/app_memory/app_memdomain.h>
#include "supervisor.h"

K_APPMEM_PARTITION_DEFINE(scratch_a);
K_APPMEM_PARTITION_DEFINE(scratch_b);
K_APPMEM_PARTITION_DEFINE(stats_a);
K_APPMEM_PARTITION_DEFINE(stats_b);
K_APPMEM_PARTITION_DEFINE(guard_a);
K_APPMEM_PARTITION_DEFINE(guard_b);
/* Room for the fuzzers' buffers, reached through the partition's bounds only. */
K_APP_BMEM(scratch_a) static __used uint8_t scratch_area_a[SCRATCH_BYTES];
K_APP_BMEM(scratch_b) static __used uint8_t scratch_area_b[SCRATCH_BYTES];
K_APP_BMEM(scratch_a) static uint8_t slab_buf_a[SLAB_BLOCK * SLAB_BLOCKS] __aligned(8);
K_APP_BMEM(scratch_b) static uint8_t slab_buf_b[SLAB_BLOCK * SLAB_BLOCKS] __aligned(8);
K_APP_BMEM(stats_a) static struct domain_stats stats_area_a;
K_APP_BMEM(stats_b) static struct domain_stats stats_area_b;
K_APP_BMEM(guard_a) static uint32_t guard_area_a[CANARY_WORDS];
K_APP_BMEM(guard_b) static uint32_t guard_area_b[CANARY_WORDS];

union ro_area ro_area[NUM_DOMAINS];
K_MEM_PARTITION_DEFINE(ro_a, &ro_area[0], RO_SIZE, K_MEM_PARTITION_P_RO_U_RO);
K_MEM_PARTITION_DEFINE(ro_b, &ro_area[1], RO_SIZE, K_MEM_PARTITION_P_RO_U_RO);

K_SEM_DEFINE(sem_static_a, 0, 10);
K_SEM_DEFINE(sem_static_b, 0, 10);
K_MUTEX_DEFINE(mutex_static_a);
K_MUTEX_DEFINE(mutex_static_b);
K_MSGQ_DEFINE(msgq_static_a, 8, 4, 4);
K_MSGQ_DEFINE(msgq_static_b, 8, 4, 4);
K_THREAD_STACK_ARRAY_DEFINE(child_stacks, NUM_CHILD_STACKS, CHILD_STACK_SIZE);

struct domain dom[NUM_DOMAINS] = {
	{ .scratch = &scratch_a,
	  .stats_part = &stats_a,
	  .guard_part = &guard_a,
	  .guard = guard_area_a,
	  .ro = &ro_a,
	  .stats = &stats_area_a,
	  .ro_area = &ro_area[0],
	  .slab_buf = slab_buf_a,
	  .child_entry = child_entry_a,
	  .sem_static = &sem_static_a,
	  .mutex_static = &mutex_static_a,
	  .msgq_static = &msgq_static_a },
	{ .scratch = &scratch_b,
	  .stats_part = &stats_b,
	  .guard_part = &guard_b,
	  .guard = guard_area_b,
	  .ro = &ro_b,
	  .stats = &stats_area_b,
	  .ro_area = &ro_area[1],
	  .slab_buf = slab_buf_b,
	  .child_entry = child_entry_b,
	  .sem_static = &sem_static_b,
	  .mutex_static = &mutex_static_b,
	  .msgq_static = &msgq_static_b },
};

/* Shared by both domains: all four fuzzers contend for these. */
K_APPMEM_PARTITION_DEFINE(shared_part);
K_APP_BMEM(shared_part) static __used uint8_t shared_area[SCRATCH_BYTES];
K_SEM_DEFINE(shared_sem, 1, 3);
K_MUTEX_DEFINE(shared_mutex);
K_MSGQ_DEFINE(shared_msgq, 16, 4, 4);
struct k_thread shared_child;
K_THREAD_STACK_DEFINE(shared_stack, CHILD_STACK_SIZE);

/* The supervisor's own objects. */
K_SEM_DEFINE(sup_sem, SUP_SEM_COUNT, 5);
K_MUTEX_DEFINE(sup_mutex_held);
K_MUTEX_DEFINE(sup_mutex_free);
K_MSGQ_DEFINE(sup_msgq, SUP_MSG_SIZE, SUP_MSGS + 1, 4);
K_MEM_SLAB_DEFINE(sup_slab, SLAB_BLOCK, SUP_BLOCKS, 4);
K_SEM_DEFINE(sleeper_go, 0, 1);
struct k_thread sleeper;
static K_KERNEL_STACK_DEFINE(sleeper_stack, 1024);
volatile int sleeper_woke_with = 1;
/* A plain variable of an object type, never initialised nor granted: nobody may use it. */
static struct k_sem sup_plain_sem;
struct k_sem public_sem;

static const char rodata_string[] = "read-only data";

extern char __data_region_start[];
extern char _end[];
/* The kernel's object registry (its type is the kernel's business: only its address is used). */
extern char z_object_registry[];

static void sleeper_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	sleeper_woke_with = k_sem_take(&sleeper_go, K_FOREVER);
}

static void supervisor_objects(void)
{
	static const uint8_t msg[SUP_MSGS][SUP_MSG_SIZE] = { "msg-one", "msg-two", "msg-3" };
	void *block;

	if (k_mutex_lock(&sup_mutex_held, K_NO_WAIT) != 0) {
		k_panic();
	}
	for (unsigned int i = 0; i < SUP_MSGS; i++) {
		(void)k_msgq_put(&sup_msgq, msg[i], K_NO_WAIT);
	}
	for (unsigned int i = 0; i < SUP_TAKEN; i++) {
		(void)k_mem_slab_alloc(&sup_slab, &block, K_NO_WAIT);
	}
	k_thread_create(&sleeper, sleeper_stack, K_KERNEL_STACK_SIZEOF(sleeper_stack),
			sleeper_entry, NULL, NULL, NULL, SLEEPER_PRIO, 0, K_NO_WAIT);
	k_thread_name_set(&sleeper, "sleeper");
	k_sem_init(&public_sem, 0, 100);
	k_object_access_all_grant(&public_sem);
}

static void nothing(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* Run a thread that ends at once on @t: a dead thread object, ready for a user to create on. */
static void used_thread_object(struct k_thread *t, k_thread_stack_t *stack)
{
	k_thread_create(t, stack, CHILD_STACK_SIZE, nothing, NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0,
			K_NO_WAIT);
	(void)k_thread_join(t, K_FOREVER);
}

void domain_grant(struct domain *d, const void *obj)
{
	FUZZ_REQUIRE(d->num_grants < MAX_GRANTS, "MAX_GRANTS too small");
	d->grants[d->num_grants++] = obj;
}

static void domain_objects(unsigned int i)
{
	struct domain *d = &dom[i];

	k_sem_init(&d->sem_rt, 1, 5);
	d->sem_dyn = k_object_alloc(K_OBJ_SEM);
	k_sem_init(d->sem_dyn, 0, 3);
	k_mutex_init(&d->mutex_rt);
	d->mutex_dyn = k_object_alloc(K_OBJ_MUTEX);
	k_mutex_init(d->mutex_dyn);
	/* Registered, not initialised: a user thread's k_sem_init / k_mutex_init may be first. */
	k_object_access_grant(&d->sem_uninit, k_current_get());
	k_object_access_grant(&d->mutex_uninit, k_current_get());
	k_msgq_init(&d->msgq_big, d->msgq_big_buf, BIG_MSG, 4);
	k_msgq_init(&d->msgq_huge, d->msgq_huge_buf, HUGE_MSG, 2);
	(void)k_mem_slab_init(&d->slab_user, d->slab_buf, SLAB_BLOCK, SLAB_BLOCKS);
	(void)k_mem_slab_init(&d->slab_kernel, d->slab_kernel_buf, SLAB_BLOCK, 4);
	for (unsigned int c = 0; c < CHILDREN_PER_DOMAIN; c++) {
		d->child_stack[c] = child_stacks[i * CHILDREN_PER_DOMAIN + c];
		used_thread_object(&d->child[c], d->child_stack[c]);
	}
	d->thread_dyn = k_object_alloc(K_OBJ_THREAD);
	used_thread_object(d->thread_dyn, d->child_stack[0]);
	if (d->sem_dyn == NULL || d->mutex_dyn == NULL || d->thread_dyn == NULL) {
		k_panic();
	}

	const void *objs[] = { d->sem_static,    &d->sem_rt,        &d->sem_uninit,
			       d->sem_dyn,       d->mutex_static,   &d->mutex_rt,
			       &d->mutex_uninit, d->mutex_dyn,      d->msgq_static,
			       &d->msgq_big,     &d->msgq_huge,     &d->slab_user,
			       &d->slab_kernel,  &d->child[0],      &d->child[1],
			       d->thread_dyn,    d->child_stack[0], d->child_stack[1],
			       &shared_sem,      &shared_mutex,     &shared_msgq,
			       &shared_child,    shared_stack };

	for (unsigned int o = 0; o < ARRAY_SIZE(objs); o++) {
		domain_grant(d, objs[o]);
	}
	services_domain_objects(i, d);
	for (unsigned int f = 0; f < FUZZERS_PER_DOMAIN; f++) {
		struct k_thread *t = &fuzzer_threads[i * FUZZERS_PER_DOMAIN + f];

		/* Registered now, so that a fuzzer is granted its sibling before either runs. */
		k_object_access_grant(t, k_current_get());
		domain_grant(d, t);
	}
}

void pool_add(struct domain_cfg *cfg, enum pool p, uintptr_t v)
{
	FUZZ_REQUIRE(cfg->count[p] < POOL_SIZE, "POOL_SIZE too small");
	cfg->pool[p][cfg->count[p]++] = v;
}

#define U(x) ((uintptr_t)(x))

/*
 * An address just past one of the domain's partitions, unless it is in
 * another of them: partitions are laid out back to back.
 */
static void add_outside(struct domain_cfg *cfg, const struct domain *d, uintptr_t a)
{
	for (unsigned int p = 0; p < d->domain.num_partitions; p++) {
		const struct k_mem_partition *part = &d->domain.partitions[p];

		if (a >= part->start && a - part->start < part->size) {
			return;
		}
	}
	pool_add(cfg, POOL_OWN, a);
}

static void own_pools(struct domain_cfg *cfg, const struct domain *d)
{
	uintptr_t s = d->scratch->start;
	uintptr_t n = d->scratch->size;
	uintptr_t ro = d->ro->start;

	ADD_VALID(cfg, POOL_SEM, U(d->sem_static), U(&d->sem_rt), U(d->sem_dyn), U(&public_sem),
		  U(&shared_sem));
	ADD(cfg, POOL_SEM, U(&d->sem_uninit));
	ADD_VALID(cfg, POOL_MUTEX, U(d->mutex_static), U(&d->mutex_rt), U(d->mutex_dyn),
		  U(&shared_mutex));
	ADD(cfg, POOL_MUTEX, U(&d->mutex_uninit));
	ADD_VALID(cfg, POOL_MSGQ, U(d->msgq_static), U(&d->msgq_big), U(&shared_msgq));
	ADD(cfg, POOL_MSGQ, U(&d->msgq_huge));
	ADD_VALID(cfg, POOL_SLAB, U(&d->slab_user));
	ADD(cfg, POOL_SLAB, U(&d->slab_kernel));
	ADD_VALID(cfg, POOL_NEW_THREAD, U(&d->child[0]), U(&d->child[1]), U(d->thread_dyn),
		  U(&shared_child));
	for (unsigned int f = 0; f < FUZZERS_PER_DOMAIN; f++) {
		ADD_VALID(cfg, POOL_THREAD, U(&fuzzer_threads[(d - dom) * FUZZERS_PER_DOMAIN + f]));
	}
	ADD_VALID(cfg, POOL_STACK, U(d->child_stack[0]), U(d->child_stack[1]), U(shared_stack));
	/* Starts, insides and ends, misaligned, and just outside. */
	ADD(cfg, POOL_OWN, s, s + n / 2U, s + n - 4U, s + n - 1U, s + 1U, ro, ro + RO_SIZE - 4U,
	    U(d->slab_buf), U(d->slab_buf) + SLAB_BLOCK, shared_part.start,
	    shared_part.start + shared_part.size - 4U);
	add_outside(cfg, d, s - 4U);
	add_outside(cfg, d, s + n);
	add_outside(cfg, d, ro + RO_SIZE);
	add_outside(cfg, d, shared_part.start + shared_part.size);
	ADD_VALID(cfg, POOL_ENTRY, U(d->child_entry), U(d->child_entry), U(d->child_entry));
}

static void other_pools(struct domain_cfg *cfg, const struct domain *o)
{
	uintptr_t s = o->scratch->start;
	uintptr_t n = o->scratch->size;

	ADD(cfg, POOL_FOREIGN, U(o->sem_static), U(&o->sem_rt), U(&o->mutex_rt), U(&o->msgq_big),
	    U(&o->slab_user), U(&o->child[0]), U(o->thread_dyn), U(o->child_stack[1]));
	for (unsigned int f = 0; f < FUZZERS_PER_DOMAIN; f++) {
		pool_add(cfg, POOL_FOREIGN, U(&fuzzer_threads[(o - dom) * FUZZERS_PER_DOMAIN + f]));
	}
	ADD(cfg, POOL_OTHER, s, s + n / 2U, s + n - 4U, o->ro->start, o->ro->start + RO_SIZE / 2U,
	    U(o->stats), U(o->guard), U(&o->guard[CANARY_WORDS / 2]),
	    U(&o->guard[CANARY_WORDS - 1]), U(o->slab_buf));
	ADD(cfg, POOL_ENTRY, U(o->child_entry));
}

static void common_pools(struct domain_cfg *cfg)
{
	ADD(cfg, POOL_FOREIGN, U(&sup_sem), U(&sup_mutex_held), U(&sup_mutex_free), U(&sup_msgq),
	    U(&sup_slab), U(&sleeper), U(k_current_get()), U(&sup_plain_sem));
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		pool_add(cfg, POOL_FOREIGN, U(fuzzer_stacks[i])); /* stacks nobody granted */
		pool_add(cfg, POOL_FOREIGN, U(&reapers[i]));
		/* Privileged stacks and the live top of the reapers' stacks. */
		pool_add(cfg, POOL_KERNEL, U(fuzzer_stacks[i]) + Z_USER_STACK_RESERVED - 64U);
		pool_add(cfg, POOL_KERNEL, U(reaper_stacks[i]) + sizeof(reaper_stacks[i]) - 96U);
	}
	ADD(cfg, POOL_KERNEL, U(kernel_canary), U(&kernel_canary[CANARY_WORDS / 2]),
	    U(&kernel_canary[CANARY_WORDS - 1]), U(z_object_registry), U(z_object_registry) + 64U,
	    U(__data_region_start), U(_end) - 4U, U(_end), U(&sup_sem) + 4U, U(fuzzer_entry),
	    U(rodata_string), U(&printk), 0x10000000U /* UART */, 0x02004000U /* mtimecmp */,
	    0x0c000000U /* PLIC */, 0x00100000U /* test device */, 0U, 0x80000000U, 0x81fffff0U);
	ADD(cfg, POOL_INT, 0U, 1U, 2U, 3U, 4U, 7U, 8U, 16U, 64U, 65U, 255U, 256U, 4096U, 0xffffU,
	    0x7fffffffU, 0x80000000U, 0xfffffffeU, 0xffffffffU, K_OBJ_LAST);
	/* Entries that fault at once (no code there, or not executable) or with their arguments. */
	ADD(cfg, POOL_ENTRY, 0U, U(kernel_canary), U(fuzzer_entry), U(&printk), 0xfffffffeU);
}

static void domain_pools(unsigned int i)
{
	struct domain *d = &dom[i];
	union ro_area *ro = d->ro_area;
	struct domain_cfg *cfg = &ro->cfg;

	*cfg = (struct domain_cfg){
		.scratch = d->scratch->start,
		.scratch_size = d->scratch->size,
		.shared = shared_part.start,
		.shared_size = shared_part.size,
		.stats = d->stats,
	};
	/*
	 * The guard partition last: ARMv7-M gives a domain four MPU regions,
	 * so there it stays out of its domain, unmapped for both; the other
	 * domain's scratch partition still stands for a mapped foreign one.
	 */
	struct k_mem_partition *parts[] = { d->scratch, d->stats_part, d->ro, &shared_part,
					    d->guard_part };
	const uint8_t nparts = IS_ENABLED(CONFIG_ARMV7_M_MPU) ? 4U : ARRAY_SIZE(parts);

	if (k_mem_domain_init(&d->domain, nparts, parts) != 0) {
		k_panic();
	}
	own_pools(cfg, d);
	services_own_pools(cfg, i);
	other_pools(cfg, &dom[NUM_DOMAINS - 1U - i]);
	services_foreign_pools(cfg, NUM_DOMAINS - 1U - i);
	common_pools(cfg);
	services_common_pools(cfg);
	for (unsigned int p = 0; p < NUM_POOLS; p++) {
		if (cfg->valid[p] == 0U) {
			cfg->valid[p] = cfg->count[p]; /* only fuzzed calls draw from these */
		}
	}
	for (unsigned int w = sizeof(*cfg) / 4U; w < ARRAY_SIZE(ro->words); w++) {
		ro->words[w] = fuzz_pattern(0x0707U + i, w);
	}
	d->cfg_copy = *cfg;
}

void setup(void)
{
	supervisor_objects();
	services_setup();
	used_thread_object(&shared_child, shared_stack);
	for (unsigned int i = 0; i < NUM_DOMAINS; i++) {
		domain_objects(i);
	}
	for (unsigned int i = 0; i < NUM_DOMAINS; i++) {
		domain_pools(i);
	}
	check_prepare();
}
