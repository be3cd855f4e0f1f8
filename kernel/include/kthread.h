/*
 * Thread internals shared between thread creation, boot and the ports.
 */
#ifndef BREEZE_KTHREAD_H
#define BREEZE_KTHREAD_H

#include <breeze/kernel.h>

/* Initialise @t (state PRESTART) with its stack, TLS and initial context. */
void z_setup_new_thread(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
			k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
			uint32_t options);

/*
 * The stack canary of a TLS block sits just below it, at this offset from the
 * thread pointer (the compiler is told so: -mstack-protector-guard-offset).
 */
#define Z_TLS_CANARY_OFFSET (-4)

/*
 * Fill the TLS block at @tls for @t: the .tdata template, zeroed .tbss, @t as
 * the block's current thread, whether it is a @user block, and the canary.
 */
void z_tls_block_init(void *tls, struct k_thread *t, bool user);

/*
 * Carve a TLS block from the top of a stack and fill it: moves *@stack_top
 * below the block and its canary word and returns the thread pointer value.
 */
void *z_tls_setup(char **stack_top, struct k_thread *t, bool user);

/* Start @t now (K_NO_WAIT), after @delay, or never (K_FOREVER: k_thread_start()). */
void z_thread_schedule_start(struct k_thread *t, k_timeout_t delay);

/* Sleep for @ticks; returns the cycles left if woken early. */
uint64_t z_tick_sleep(k_ticks_t ticks);

/*
 * K_ESSENTIAL after creation, as Zephyr's internal calls: an essential
 * thread's end is a fatal error (see k_thread_abort()). The thread's own
 * option bits; set and cleared by the thread itself or while it cannot run.
 */
static inline void z_thread_essential_set(struct k_thread *t)
{
	t->base.user_options |= K_ESSENTIAL;
}

static inline void z_thread_essential_clear(struct k_thread *t)
{
	t->base.user_options &= (uint8_t)~K_ESSENTIAL;
}

static inline bool z_is_thread_essential(const struct k_thread *t)
{
	return (t->base.user_options & K_ESSENTIAL) != 0U;
}

#endif /* BREEZE_KTHREAD_H */
