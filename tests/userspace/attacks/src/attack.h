/*
 * Scaffolding shared by the attack suites.
 *
 * Every attack runs in a fresh user thread (the attacker) in its own memory
 * domain: its partition attacker_part (RW) and ro_part (read-only). Another
 * user thread (the bystander) lives in a second domain (victim_part) and is
 * blocked in a system call while the attack happens, with a secret on its own
 * stack; after the attack it must wake, find its data intact, use one of its
 * grants once more and finish.
 *
 * The attacker writes its progress into attack_log, in its own partition:
 * "armed" just before the forbidden operation, "survived" after it. A test
 * passes only if the attacker was armed, did not survive, died of exactly the
 * expected fatal error (ztest ends the run on any other), exactly one fault
 * was counted, and the bystander still did its work.
 */
#ifndef ATTACK_H
#define ATTACK_H

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/app_memory/app_memdomain.h>

#define VICTIM_SECRET 0x71c7135eU /* in victim_part */
#define STACK_SECRET  0x57ac5ec7U /* on the bystander's stack */
#define RO_VALUE      0x0dd0beefU /* in ro_part */
#define LOOT_NONE     0x10071e55U /* attack_log.loot until an attack step stores something */
#define ATTACK_VALUE  0xa77ac4edU /* what write attacks try to store */

#define ATTACKER_PRIO  K_PRIO_PREEMPT(2)
#define BYSTANDER_PRIO K_PRIO_PREEMPT(0) /* more urgent than the test: it blocks at once */

#define ATTACK_STACK_SIZE 1024

/* How long a thread that should end at once is given (virtual time, costs nothing). */
#define END_TIMEOUT K_MSEC(200)

struct attack_log {
	volatile uint32_t armed;
	volatile uint32_t survived;
	volatile uintptr_t loot; /* what a read got, or the result of a preparatory step */
};

struct bystander_log {
	volatile uintptr_t stack_secret_addr; /* a live local of the bystander */
	volatile uint32_t seen_victim_secret;
	volatile uint32_t seen_stack_secret;
	volatile uint32_t rounds;
};

extern struct k_mem_partition attacker_part;
extern struct k_mem_partition victim_part;
extern struct k_mem_partition ro_part;
extern struct k_mem_domain attacker_domain;
extern struct k_mem_domain victim_domain;

extern struct attack_log attack_log;
extern struct bystander_log bystander_log;
extern volatile uint32_t victim_secret;
extern volatile uint32_t ro_words[8];

/* Threads and stacks: the attacker, a second user thread (probe), the bystander. */
extern struct k_thread attacker_thread;
extern struct k_thread probe_thread;
extern struct k_thread bystander_thread;
extern struct k_sem bystander_ready; /* granted to the bystander only */
/*
 * Declared with their size: where a stack's user part starts
 * (K_THREAD_STACK_BUFFER) depends on it where that part must be a naturally
 * aligned power of two (ARMv7-M).
 */
K_THREAD_STACK_DECLARE(attacker_stack, ATTACK_STACK_SIZE);
K_THREAD_STACK_DECLARE(probe_stack, ATTACK_STACK_SIZE);
K_THREAD_STACK_DECLARE(bystander_stack, ATTACK_STACK_SIZE);

/* User-mode side: the attacker is about to do the forbidden thing. */
static ALWAYS_INLINE void attack_arm(void)
{
	attack_log.armed = 1U;
	__asm__ volatile("" ::: "memory");
}

typedef void (*attack_fn)(void *arg);

/* Suite hooks: setup builds the domains; before starts the bystander; after checks it. */
void *attack_suite_setup(void);
void attack_before(void *fixture);
void attack_after(void *fixture);

#define ATTACK_SUITE(name) \
	ZTEST_SUITE(name, NULL, attack_suite_setup, attack_before, attack_after, NULL)

/* Print the address an attack aims at, for the report checks of testspec.cmake. */
void attack_print_target(const void *target);

/*
 * Create user thread @t on @stack in the attacker domain (the attacker, the
 * probe or another; ended after the test if still alive), holding @grants (NULL-terminated, or
 * NULL), to run entry(p1, p2, NULL) at @prio; it does not start yet.
 */
void user_thread_create(struct k_thread *t, k_thread_stack_t *stack, k_thread_entry_t entry,
			void *p1, void *p2, int prio, void *const grants[]);

/* The same, to run the attack fn(arg) at ATTACKER_PRIO. */
void attack_prepare(struct k_thread *t, k_thread_stack_t *stack, attack_fn fn, void *arg,
		    void *const grants[]);

/*
 * Start @t expecting a fatal error of @reason; then wait for its end and
 * check that it died right at its attack: it was armed, did not survive, and
 * exactly one more fault was counted.
 */
void attack_start(struct k_thread *t, unsigned int reason);
void attack_finish(struct k_thread *t);

/* Start and finish. */
void attack_launch(struct k_thread *t, unsigned int reason);

/* Both at once, on the attacker thread. */
void attack_run(unsigned int reason, attack_fn fn, void *arg, void *const grants[]);

/* Run fn(arg) in the attacker thread and check that it ended normally, without a fault. */
void user_run(attack_fn fn, void *arg, void *const grants[]);

#define ATTACK_GRANTS(...) ((void *const[]){ __VA_ARGS__, NULL })

#endif /* ATTACK_H */
