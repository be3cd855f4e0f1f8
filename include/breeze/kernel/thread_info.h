/*
 * Further thread calls: custom data, walking the threads, run-time
 * statistics, per-thread time slices and stack usage.
 */
#ifndef BREEZE_KERNEL_THREAD_INFO_H
#define BREEZE_KERNEL_THREAD_INFO_H

#include <breeze/kernel/thread.h>

#ifdef CONFIG_THREAD_CUSTOM_DATA
/*
 * One pointer of the caller's own, kept in kernel memory (NULL at creation).
 * System calls: a user thread sets and reads its own value only.
 */
__syscall void k_thread_custom_data_set(void *value);
__syscall void *k_thread_custom_data_get(void);
#endif

typedef void (*k_thread_user_cb_t)(const struct k_thread *thread, void *user_data);

/*
 * Call @user_cb for every live thread (created and not ended), the idle and
 * main threads included; with CONFIG_THREAD_MONITOR only (without it, none,
 * as in Zephyr). k_thread_foreach() holds the scheduler lock throughout: the
 * callback must not block, and no thread starts or ends meanwhile.
 * k_thread_foreach_unlocked() takes it only to step: a thread that ends
 * during its callback may cut the walk short, and its storage must not be
 * reused before the walk is over. Supervisor only.
 */
#ifdef CONFIG_THREAD_MONITOR
void k_thread_foreach(k_thread_user_cb_t user_cb, void *user_data);
void k_thread_foreach_unlocked(k_thread_user_cb_t user_cb, void *user_data);
#else
static inline void k_thread_foreach(k_thread_user_cb_t user_cb, void *user_data)
{
	ARG_UNUSED(user_cb);
	ARG_UNUSED(user_data);
}
static inline void k_thread_foreach_unlocked(k_thread_user_cb_t user_cb, void *user_data)
{
	ARG_UNUSED(user_cb);
	ARG_UNUSED(user_data);
}
#endif

/*
 * Cycles of the hardware timer run (CONFIG_THREAD_RUNTIME_STATS), counted at
 * each context switch; interrupts count for the thread they interrupted.
 * For a thread, execution_cycles == total_cycles and idle_cycles is 0; for
 * all threads, execution_cycles = total_cycles (everything but idle) +
 * idle_cycles. The running thread's current stretch is included.
 */
typedef struct k_thread_runtime_stats {
	uint64_t execution_cycles;
	uint64_t total_cycles;
	uint64_t idle_cycles;
} k_thread_runtime_stats_t;

/* 0, or -EINVAL for a NULL thread or @stats. Supervisor only. */
int k_thread_runtime_stats_get(k_tid_t thread, k_thread_runtime_stats_t *stats);
int k_thread_runtime_stats_all_get(k_thread_runtime_stats_t *stats);

/*
 * Give @th a time slice of its own, of @slice_ticks (0: back to the global
 * one, k_sched_time_slice_set()), that applies at any priority, cooperative
 * ones included; when it runs out, @expired(th, data) is called in interrupt
 * context (if not NULL) and @th goes behind the threads of its priority
 * (CONFIG_TIMESLICE_PER_THREAD). Supervisor only.
 */
void k_thread_time_slice_set(struct k_thread *th, int32_t slice_ticks,
			     k_thread_timeslice_fn_t expired, void *data);

#ifdef CONFIG_INIT_STACKS
/*
 * Bytes of @thread's stack never used so far, from the 0xaa its stack was
 * painted with at creation (CONFIG_INIT_STACKS): the user stack of a user
 * thread, the whole usable stack of a supervisor thread. 0, or -EINVAL for a
 * thread never created. System call: from user mode @thread must be held and
 * @unused_ptr writable.
 */
__syscall int k_thread_stack_space_get(const struct k_thread *thread, size_t *unused_ptr);

/*
 * The privileged stack of @thread, which serves its system calls and the
 * traps taken in user mode: its size in *@size_ptr and the bytes never used
 * so far in *@unused_ptr. 0; -EINVAL for a thread never created or one
 * without a privileged stack (not on a K_THREAD_STACK_DEFINE stack, or no
 * CONFIG_USERSPACE). Breeze's (Zephyr has it as an arch call); supervisor only.
 */
int k_thread_priv_stack_space_get(const struct k_thread *thread, size_t *size_ptr,
				  size_t *unused_ptr);
#endif

/*
 * @thread's state bits as text in @buf, e.g. "pending+suspended" ("" for no
 * bit set), each bit named in Zephyr's order (dummy, pending, prestart,
 * sleeping, dead, suspended, aborting, queued; the mutex qualifier of
 * pending is not shown), cut to fit @size. Returns @buf, or "" when @buf is
 * NULL or @size 0. A snapshot, read without the scheduler lock. Supervisor
 * only, as in Zephyr. A thread whose CPU mask keeps it off this CPU shows
 * "" (runnable, but not queued).
 */
const char *k_thread_state_str(k_tid_t thread, char *buf, size_t size);

#endif /* BREEZE_KERNEL_THREAD_INFO_H */
