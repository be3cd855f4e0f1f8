/*
 * An "agent": a user thread that loops on a semaphore and, each time it is
 * woken, performs one memory access the test body asked for (read or write a
 * word at an address). Its control block lives in the partition part_ctl,
 * which every domain an agent is placed in must contain. Since the agent is
 * more urgent than the test body, each request is done (or has faulted) by
 * the time agent_do() returns.
 *
 * Also the thread pool and run helpers the domain tests share.
 */
#ifndef AGENT_H
#define AGENT_H

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

#define POOL_THREADS    4
#define USER_STACK_SIZE 1024
#define TEST_PRIO       CONFIG_ZTEST_THREAD_PRIORITY
#define USER_PRIO       (TEST_PRIO - 1)
#define NOT_REACHED     0x7eadbeef

#define INT_ARG(i) ((void *)(intptr_t)(i))

enum agent_op {
	AGENT_READ,
	AGENT_WRITE,
	AGENT_EXIT,
};

/* In part_ctl: written by the test body, read and updated by the agent. */
struct agent_ctl {
	enum agent_op op;
	volatile uint32_t *addr;
	uint32_t value;    /* written, or read back */
	unsigned int done; /* requests completed */
};

/* In kernel RAM (a kernel object must not sit in user-writable memory). */
struct agent {
	struct k_sem go;
	struct agent_ctl *ctl;
	k_tid_t tid;
};

extern struct k_mem_partition part_ctl;

/* Start agent @a on pool thread @slot, in @domain, driven through @ctl (in part_ctl). */
void agent_start(struct agent *a, unsigned int slot, struct agent_ctl *ctl,
		 struct k_mem_domain *domain);

/* Ask the agent for one access, which must succeed; agent_read returns the value read. */
uint32_t agent_read(struct agent *a, const void *addr);
void agent_write(struct agent *a, void *addr, uint32_t value);

/* Ask for an access that must fault (K_ERR_CPU_EXCEPTION), which ends the agent. */
void agent_read_faults(struct agent *a, const void *addr);
void agent_write_faults(struct agent *a, void *addr);

/* Let the agent return, and join it. */
void agent_stop(struct agent *a);

/* Pool thread @slot as a user thread (not started) in @domain. */
k_tid_t user_create(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		    struct k_mem_domain *domain);

/* Start and join: no fault / exactly one fault of @reason. */
void run_to_end(k_tid_t t);
void run_expect_fault(k_tid_t t, unsigned int reason);

#endif /* AGENT_H */
