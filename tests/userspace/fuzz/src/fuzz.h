/*
 * The system call fuzzer: what the supervisor (main.c, setup.c, check.c) and
 * the user-mode fuzzing code (fuzzer.c) share.
 *
 * Two memory domains, each with two fuzzing threads. A domain has four
 * partitions: its scratch area (read-write; its fuzzers aim buffers at it, and
 * the buffer of its slab lies in it), its stats (read-write; the fuzzers'
 * records), its configuration (read-only to user mode: the pools arguments
 * are drawn from, then a pattern) and its guard (read-write, a pattern that
 * none of its own code ever points at, while the other domain aims at it).
 * Both domains also share a partition and a few objects, so that all four
 * fuzzers contend for them. The objects of the further services (queues,
 * stacks, events, timers, pipes, condition variables, poll signals, devices)
 * are services.c's.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <zephyr/kernel.h>
#include <syscall_list.h>

#define NUM_DOMAINS        2
#define FUZZERS_PER_DOMAIN 2
#define NUM_FUZZERS        (NUM_DOMAINS * FUZZERS_PER_DOMAIN)

/* Static thread objects and stacks per domain, for the threads fuzzers create. */
#define CHILDREN_PER_DOMAIN 2
#define NUM_CHILD_STACKS    (NUM_DOMAINS * CHILDREN_PER_DOMAIN)

#define FUZZ_PRIO K_PRIO_PREEMPT(5)

#define FUZZ_STACK_SIZE  2048
#define CHILD_STACK_SIZE 1536

/* Per-ID counters: every listed call, then one bucket for all IDs out of range. */
#define NUM_IDS (K_SYSCALL_LIMIT + 1)

/* Buffers on a fuzzer's own stack: at most this far in, as no call writes more than 64 bytes. */
#define STACK_BUF_SIZE 256
#define STACK_BUF_PAD  64

/* Where argument words come from (domain_cfg.pool). */
enum pool {
	/* Objects granted to the domain's fuzzers, one pool per type. */
	POOL_SEM,
	POOL_MUTEX,
	POOL_MSGQ,
	POOL_SLAB,
	POOL_THREAD,     /* the domain's fuzzing threads: alive but for moments */
	POOL_NEW_THREAD, /* thread objects for threads the fuzzers create (mostly unused) */
	POOL_STACK,
	POOL_QUEUE,
	POOL_KSTACK, /* k_stack (POOL_STACK holds thread stacks) */
	POOL_EVENT,
	POOL_TIMER,
	POOL_PIPE,
	POOL_CONDVAR,
	POOL_SIGNAL,
	POOL_DEVICE,
	POOL_FOREIGN, /* objects of the supervisor and of the other domain: never granted */
	POOL_KERNEL,  /* kernel memory: data, the registry, other stacks, text, devices */
	POOL_OWN,     /* the domain's own partitions: starts, ends, insides */
	POOL_OTHER,   /* the other domain's partitions */
	POOL_INT,     /* small and huge integers */
	POOL_ENTRY,   /* thread entry points, good and bad */
	NUM_POOLS
};
#define NUM_OBJECT_POOLS (POOL_DEVICE + 1)
#define POOL_SIZE        48

/* A domain's configuration: written by the supervisor before any fuzzer runs. */
struct domain_cfg {
	uintptr_t pool[NUM_POOLS][POOL_SIZE];
	uint32_t count[NUM_POOLS];
	uint32_t valid[NUM_POOLS]; /* the first ones: what a well-formed call may use */
	uintptr_t scratch;         /* the domain's read-write partition */
	uint32_t scratch_size;
	uintptr_t shared; /* the partition both domains have */
	uint32_t shared_size;
	struct domain_stats *stats;
};

/* Read-only partition: the configuration, then a pattern up to the end. */
#define RO_SIZE 8192
union ro_area {
	struct domain_cfg cfg;
	uint32_t words[RO_SIZE / 4];
} __aligned(RO_SIZE);

#define DYN_MAX   8
#define BLOCK_MAX 4

/* The state of one fuzzing thread: it survives the thread's deaths. */
struct fuzz_state {
	uint32_t rng;
	uint32_t calls;
	uint32_t budget;
	uint32_t id;        /* of the last call */
	bool in_call;       /* it has not returned (yet) */
	uintptr_t args[6];  /* its argument words (a reproducer if the kernel falls over) */
	uint32_t arity;     /* how many of them went in registers */
	uintptr_t stack_lo; /* own user stack, set by the supervisor */
	uintptr_t stack_hi;
	uintptr_t dyn[DYN_MAX]; /* objects it allocated (freed when it dies: stale then) */
	uint8_t dyn_type[DYN_MAX];
	uintptr_t block[BLOCK_MAX]; /* slab blocks it was given */
	uint32_t dyn_next;
	uint32_t block_next;
	uint32_t per_id[NUM_IDS];
};

/* A domain's stats partition. */
struct domain_stats {
	struct fuzz_state fuzzer[FUZZERS_PER_DOMAIN];
	atomic_t child_calls;
};

/* Words of each canary: in kernel data, and in each domain's guard partition. */
#define CANARY_WORDS 64

extern union ro_area ro_area[NUM_DOMAINS];

/* The pattern of word @i of the canaries and of the read-only areas. */
static inline uint32_t fuzz_pattern(uint32_t salt, uint32_t i)
{
	return (salt ^ (i * 0x9e3779b9U)) | 1U;
}

/* User mode: fuzz until state->calls reaches state->budget (p1: cfg, p2: state). */
void fuzzer_entry(void *p1, void *p2, void *p3);

/* User mode: a thread a fuzzer created; a few calls (p1: seed, p2: count) and out. */
void child_entry_a(void *p1, void *p2, void *p3);
void child_entry_b(void *p1, void *p2, void *p3);

#endif /* FUZZ_H */
