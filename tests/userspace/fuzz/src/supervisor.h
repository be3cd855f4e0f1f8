/*
 * The fuzzer's supervisor side (kernel mode): the domains and their objects
 * (setup.c), the objects the fuzzers must never affect, the run's totals
 * (main.c) and the end-of-run checks (check.c).
 */
#ifndef SUPERVISOR_H
#define SUPERVISOR_H

#include <zephyr/kernel.h>
#include <zephyr/app_memory/app_memdomain.h>
#include "fuzz.h"

#define SCRATCH_BYTES 512
#define SLAB_BLOCK    16
#define SLAB_BLOCKS   8
#define BIG_MSG       CONFIG_MSGQ_MAX_USER_MSG_SIZE
#define HUGE_MSG      (CONFIG_MSGQ_MAX_USER_MSG_SIZE + 8) /* too big for user threads */
#define MAX_GRANTS    64

/* A memory domain with its partitions, the objects its fuzzers hold and their pools. */
struct domain {
	struct k_mem_domain domain;
	struct k_mem_partition *scratch;
	struct k_mem_partition *stats_part;
	struct k_mem_partition *guard_part;
	uint32_t *guard; /* CANARY_WORDS in guard_part */
	struct k_mem_partition *ro;
	struct domain_stats *stats;
	union ro_area *ro_area;
	uint8_t *slab_buf; /* in scratch: the fuzzers can scribble on the free list */
	k_thread_entry_t child_entry;

	struct k_sem *sem_static;
	struct k_sem sem_rt;
	struct k_sem sem_uninit; /* registered, left for a user thread to initialise */
	void *sem_dyn;
	struct k_mutex *mutex_static;
	struct k_mutex mutex_rt;
	struct k_mutex mutex_uninit;
	void *mutex_dyn;
	struct k_msgq *msgq_static;
	struct k_msgq msgq_big;
	struct k_msgq msgq_huge;
	char msgq_big_buf[4 * BIG_MSG];
	char msgq_huge_buf[2 * HUGE_MSG];
	struct k_mem_slab slab_user;
	struct k_mem_slab slab_kernel; /* its buffer is kernel memory: refused to user threads */
	char slab_kernel_buf[4 * SLAB_BLOCK] __aligned(4);
	struct k_thread child[CHILDREN_PER_DOMAIN];
	struct k_thread *thread_dyn;
	k_thread_stack_t *child_stack[CHILDREN_PER_DOMAIN];

	const void *grants[MAX_GRANTS];
	unsigned int num_grants;
	struct domain_cfg cfg_copy; /* what the read-only partition must still hold */
};

#define REAPER_STACK_SIZE 1024
#define SUPERVISOR_PRIO   K_PRIO_COOP(4) /* main and the reapers */
#define SLEEPER_PRIO      K_PRIO_PREEMPT(3)

extern struct domain dom[NUM_DOMAINS];
extern struct k_thread fuzzer_threads[NUM_FUZZERS];
extern k_thread_stack_t fuzzer_stacks[NUM_FUZZERS][Z_THREAD_STACK_LEN(FUZZ_STACK_SIZE)];
extern struct k_thread reapers[NUM_FUZZERS];
extern k_thread_stack_t reaper_stacks[NUM_FUZZERS][K_KERNEL_STACK_LEN(REAPER_STACK_SIZE)];

/* Kernel data the fuzzers aim at (filled with a pattern). */
extern uint32_t kernel_canary[CANARY_WORDS];

/* The supervisor's own objects: never granted to anyone, checked at the end. */
#define SUP_SEM_COUNT 3
#define SUP_MSGS      3
#define SUP_MSG_SIZE  8
#define SUP_BLOCKS    4
#define SUP_TAKEN     2
extern struct k_sem sup_sem;
extern struct k_mutex sup_mutex_held; /* locked by main all along */
extern struct k_mutex sup_mutex_free;
extern struct k_msgq sup_msgq;     /* holds SUP_MSGS messages */
extern struct k_mem_slab sup_slab; /* SUP_TAKEN of its blocks taken by main */
extern struct k_thread sleeper;    /* a supervisor thread waiting on sleeper_go */
extern struct k_sem sleeper_go;
extern volatile int sleeper_woke_with;
extern struct k_sem public_sem; /* every thread may use it */

/* Granted to both domains. */
extern struct k_sem shared_sem;
extern struct k_mutex shared_mutex;
extern struct k_msgq shared_msgq;
extern struct k_thread shared_child;
extern k_thread_stack_t shared_stack[];

struct fuzz_totals {
	uint32_t faults; /* every user fault */
	uint32_t by_reason[K_ERR_KERNEL_PANIC + 2];
	uint32_t fuzzer_faults;
	uint32_t child_faults;
	uint32_t faults_by_id[NUM_IDS];
	/* Faults in their own code: a call wrote into its frames (see fuzzer.c). */
	uint32_t faults_between_calls;
	uint32_t records_repaired; /* a fuzzer's call count overwritten by its own calls */
	uint32_t respawns;
	uint32_t watchdog_aborts;
	uint32_t kills;      /* fuzzers main aborted at a random moment */
	uint32_t other_ends; /* aborted by main, a sibling, or itself */
	uint32_t children_aborted;
	uint32_t strays; /* live user threads on objects the fuzzers allocated, ended at the end */
	uint32_t corruptions;            /* found while fuzzing: priorities, reapers' stacks */
	bool fault_pending[NUM_FUZZERS]; /* set by the fault handler for the reaper */
};
extern struct fuzz_totals totals;

/* Build the supervisor's objects, the domains, their objects and their pools. */
void setup(void);

/* A setup step that cannot go on (the checks need every object in place). */
#define FUZZ_REQUIRE(cond, msg)                             \
	do {                                                \
		if (!(cond)) {                              \
			printk("fuzz: setup: %s\n", (msg)); \
			k_panic();                          \
		}                                           \
	} while (false)

/* Grant @obj to @d's fuzzers (each time one is spawned). */
void domain_grant(struct domain *d, const void *obj);

/* Append @v to pool @p of a domain's configuration. */
void pool_add(struct domain_cfg *cfg, enum pool p, uintptr_t v);

#define ADD(cfg, p, ...)                                               \
	do {                                                           \
		const uintptr_t _v[] = { __VA_ARGS__ };                \
		for (unsigned int _i = 0; _i < ARRAY_SIZE(_v); _i++) { \
			pool_add((cfg), (p), _v[_i]);                  \
		}                                                      \
	} while (false)

/* The same, for entries a well-formed call may use: they must come first in their pool. */
#define ADD_VALID(cfg, p, ...)                                                        \
	do {                                                                          \
		FUZZ_REQUIRE((cfg)->valid[p] == (cfg)->count[p], "valid ones first"); \
		ADD(cfg, p, __VA_ARGS__);                                             \
		(cfg)->valid[p] = (cfg)->count[p];                                    \
	} while (false)

/* The further services' objects (services.c): setup, pools, grants, checks. */
void services_setup(void);
void services_domain_objects(unsigned int i, struct domain *d);
void services_own_pools(struct domain_cfg *cfg, unsigned int i);
void services_foreign_pools(struct domain_cfg *cfg, unsigned int other);
void services_common_pools(struct domain_cfg *cfg);
void services_watch(void (*watch)(const void *obj));
void services_pool_assign(struct k_thread *t);
uint32_t services_check(uint32_t (*corrupt)(const char *what, unsigned int which));

/*
 * Before the run: fill the canaries and remember what must not change (the
 * code and read-only data, the objects' registry indexes).
 */
void check_prepare(void);

/*
 * After the run: end what threads the fuzzers left, then count the corruptions
 * found outside the fuzzers' reach (each one printed).
 */
uint32_t check_all(void);

/* After the run: the kernel still creates threads, passes semaphores, mutexes, messages. */
bool check_kernel_works(void);

#endif /* SUPERVISOR_H */
