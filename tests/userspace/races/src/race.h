/*
 * A harness that makes two user threads race through one system call.
 *
 * Each attempt creates two user threads. The intruder (more urgent) reads the
 * cycle counter, arms a one-tick sleep and blocks; the victim then waits
 * until the intruder's wake-up is `lead_cycles` away, spins for a delay that
 * grows by `step` instructions from one attempt to the next, and makes the
 * system call under test. The timer interrupt that wakes the intruder
 * therefore lands at a different instruction of the victim's call in each
 * attempt, sweeping the whole call: with QEMU's -icount the sweep is the same
 * on every run. The intruder acts only if it finds the victim inside the call
 * (a "window hit"); a supervisor judge then checks the invariant the call
 * must keep.
 *
 * A thread that loses a race the kernel resolves with an oops is expected to:
 * every attempt accepts one K_ERR_KERNEL_OOPS.
 */
#ifndef RACE_H
#define RACE_H

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

#define RACE_PRIO_BODY     CONFIG_ZTEST_THREAD_PRIORITY
#define RACE_PRIO_VICTIM   (RACE_PRIO_BODY - 2)
#define RACE_PRIO_INTRUDER (RACE_PRIO_BODY - 4)
#define RACE_STACK_SIZE    1024

/* Memory both racing threads and the test body use; in every domain of a race. */
extern struct k_mem_partition race_part;
#define RACE_DATA K_APP_BMEM(race_part)

struct race {
	const char *name;
	unsigned int attempts;
	unsigned int lead_cycles; /* victim's head start before the wake-up, in cycles of 10 MHz */
	unsigned int step;        /* instructions the victim's call starts later each attempt */
	/* Supervisor, before each attempt: set up objects and grants. */
	void (*prepare)(unsigned int attempt, k_tid_t victim, k_tid_t intruder);
	void (*victim_warm_up)(void); /* user, optional: before the victim waits for its moment */
	void (*victim)(void);         /* user: the system call under test */
	void (*intruder)(void); /* user: what it does when it lands inside the victim's call */
	/* Supervisor, after both ended: true when the invariant held; also cleans up. */
	bool (*judge)(unsigned int attempt);
	struct k_mem_domain *victim_domain;   /* NULL: the default domain */
	struct k_mem_domain *intruder_domain; /* NULL: the default domain */
	bool supervisor_intruder; /* the intruder observes kernel state instead of attacking */
};

struct race_result {
	unsigned int hits;   /* attempts where the intruder ran inside the victim's call */
	unsigned int broken; /* attempts where the judge found the invariant broken */
	unsigned int faults; /* oopses of a thread that lost a race */
};

/*
 * A user thread on @stack that is never started (K_FOREVER): something to
 * race over. From supervisor or user code.
 */
k_tid_t race_unstarted_thread(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
			      int prio);
#define RACE_UNSTARTED(t, stack, prio) \
	race_unstarted_thread((t), (stack), K_THREAD_STACK_SIZEOF(stack), (prio))

/* Run every attempt of @r; prints and returns the counters. */
struct race_result race_run(const struct race *r);

/*
 * The usual verdict: no attempt broke the invariant, and the intruder reached
 * the inside of the call at least @min_hits times (else the test proves
 * nothing).
 */
void race_check(const struct race *r, unsigned int min_hits);

#endif /* RACE_H */
