/*
 * Hooks of the further thread calls into thread creation, the scheduler and
 * the timeout list. Each compiles to nothing without its option.
 */
#ifndef BREEZE_THREAD_EXT_INTERNAL_H
#define BREEZE_THREAD_EXT_INTERNAL_H

#include <breeze/kernel.h>

#ifdef CONFIG_THREAD_MONITOR
/* A new thread joins the list k_thread_foreach() walks (takes the lock). */
void z_thread_monitor_add(struct k_thread *t);
/* An ending thread leaves it (lock held). */
void z_thread_monitor_remove_locked(struct k_thread *t);
#else
static inline void z_thread_monitor_add(struct k_thread *t)
{
	ARG_UNUSED(t);
}
static inline void z_thread_monitor_remove_locked(struct k_thread *t)
{
	ARG_UNUSED(t);
}
#endif

#ifdef CONFIG_THREAD_RUNTIME_STATS
/*
 * At every switch (lock held): @old is charged the cycles since the last
 * switch; NULL when the thread switched out has ended (only the totals count).
 * Also when the running thread ends (@new NULL): charged up to then.
 */
void z_thread_usage_switch_locked(struct k_thread *old, struct k_thread *new);
#else
static inline void z_thread_usage_switch_locked(struct k_thread *old, struct k_thread *new)
{
	ARG_UNUSED(old);
	ARG_UNUSED(new);
}
#endif

#ifdef CONFIG_TIMESLICE_PER_THREAD
/* @t's own slice ended (timer interrupt, lock held): note its callback for later. */
void z_thread_slice_expired_locked(struct k_thread *t);
/* Run the noted callback: still in the interrupt, without the lock. */
void z_thread_slice_callback_run(void);
#else
static inline void z_thread_slice_expired_locked(struct k_thread *t)
{
	ARG_UNUSED(t);
}
static inline void z_thread_slice_callback_run(void)
{
}
#endif

#ifdef CONFIG_INIT_STACKS
/* Fill the part of @t's stack below @top that the thread may use with 0xaa. */
void z_thread_stack_paint(struct k_thread *t, k_thread_stack_t *stack, char *top);
#else
static inline void z_thread_stack_paint(struct k_thread *t, k_thread_stack_t *stack, char *top)
{
	ARG_UNUSED(t);
	ARG_UNUSED(stack);
	ARG_UNUSED(top);
}
#endif

#endif /* BREEZE_THREAD_EXT_INTERNAL_H */
