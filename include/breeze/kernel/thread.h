/*
 * Threads: creation, life cycle, priorities and the scheduling calls.
 *
 * Priorities follow Zephyr: a lower number is more urgent; negative priorities
 * are cooperative (never preempted by another thread), 0 and up are
 * preemptible. The idle thread runs at K_IDLE_PRIO (K_LOWEST_THREAD_PRIO),
 * below every other thread: that level is the idle thread's alone.
 *
 * A thread has a base priority, the one it asked for (at creation, with
 * k_thread_priority_set()), and an effective one, which the scheduler uses
 * and k_thread_priority_get() reports: its base, or the more urgent priority
 * it inherits from threads waiting for mutexes it holds (see mutex.h).
 */
#ifndef BREEZE_KERNEL_THREAD_H
#define BREEZE_KERNEL_THREAD_H

#include <stdint.h>
#include <stddef.h>
#include <breeze/arch/cpu.h>
#include <breeze/kernel/time.h>
#include <breeze/kernel/thread_stack.h>
#include <breeze/kernel/timeout_types.h>
#include <breeze/sys/dlist.h>
#include <breeze/sys/iterable_sections.h>
#include <breeze/kernel/kobject.h>
#include <breeze/syscall.h>
#include <breeze/fatal.h>
#include <breeze/kernel/thread_ext.h>

struct k_thread;
struct k_heap;
typedef struct k_thread *k_tid_t;
typedef void (*k_thread_entry_t)(void *p1, void *p2, void *p3);

/* A queue of threads waiting for an object, most urgent first. */
typedef struct {
	sys_dlist_t waitq;
} _wait_q_t;

#define Z_WAIT_Q_INIT(wait_q)                           \
	{                                               \
		SYS_DLIST_STATIC_INIT(&(wait_q)->waitq) \
	}

/* The CPU field of a thread that runs nowhere (SMP). */
#define Z_NO_CPU (-1)

/* Scheduler-owned part of a thread. */
struct _thread_base {
	sys_dnode_t qnode;    /* link in a ready queue or a wait queue */
	_wait_q_t *pended_on; /* wait queue the thread is in, if any */
	/*
	 * The ready queue of its priority's level, kept with prio
	 * (z_thread_prio_store()): a yield finds it with one load.
	 */
	sys_dlist_t *ready_level;
	uint8_t user_options;  /* K_ESSENTIAL, K_USER, ... */
	uint16_t thread_state; /* _THREAD_* bits, see <breeze/kernel/thread_state.h> */
	union {
		struct {
			int8_t prio; /* effective: what the scheduler uses (kernel/mutex.c) */
			uint8_t sched_locked; /* k_sched_lock() nesting */
		};
		/*
		 * Both at once, little-endian: below Z_PREEMPT_THRESHOLD exactly
		 * when the thread may be preempted (prio >= 0, not locked).
		 */
		uint16_t preempt;
	};
	int8_t base_prio; /* what it asked for: at creation, k_thread_priority_set() */
#ifdef CONFIG_SCHED_CPU_MASK
	uint8_t cpu_mask; /* CPUs it may run on (<breeze/kernel/cpu_mask.h>) */
#endif
#ifdef CONFIG_SMP
	volatile int8_t cpu; /* the CPU running it, Z_NO_CPU if none (kernel/sched_smp.c) */
#endif
	int swap_retval;      /* what the blocking call returns when woken */
	void *swap_data;      /* what the waker hands over or takes (message queues) */
	struct k_mutex *held; /* the mutexes it owns, most recently locked first */
	struct _timeout timeout;
};

struct _thread_stack_info {
	uintptr_t start;
	size_t size;
};

#ifdef CONFIG_USERSPACE
struct k_mem_domain;

/* What user mode needs of a thread; kept in kernel memory. */
struct _thread_userspace {
	struct k_mem_domain *domain;
	uintptr_t priv_stack_top;   /* kernel stack of the thread's traps */
	uintptr_t user_stack_start; /* the region user mode may use */
	size_t user_stack_size;
	void *user_tls;     /* the TLS block of its user mode, atop the user stack */
	void *initializing; /* object of the k_object_init_once() in progress */
#ifdef CONFIG_USER_THREAD_CREATE
	struct k_thread *creating; /* thread object its k_thread_create() has claimed, */
	void *creating_stack;      /* with this stack, until the new thread is complete */
#endif
	uint8_t perm_index; /* bit of this thread in object permissions */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
	/*
	 * The partition of its domain where a buffer check of its system calls
	 * last succeeded, while the domain keeps the stamp it had then
	 * (kernel/user_regions.c): the next buffer there needs no walk.
	 */
	struct {
		uintptr_t start;
		size_t size_r;  /* its size if user mode may read it, else 0 */
		size_t size_w;  /* its size if user mode may write it, else 0 */
		uint32_t stamp; /* its domain's, never 0 while cached */
	} buf_cache;
	/*
	 * The last two kernel objects its system calls were allowed to use
	 * (type, grant, initialised), while the registry's generation is the
	 * one they were checked in: no grant revoked and no object's state or
	 * type changed anywhere since (kernel/kobject.c). The next check of
	 * either needs no registry lookup. An empty entry has type K_OBJ_ANY,
	 * which no check asks for.
	 */
	struct {
		const void *obj[2]; /* [0]: the one checked last */
		uint32_t generation;
		uint8_t type[2];
	} obj_cache;
#endif
};
#endif

struct k_thread {
	Z_OBJECT_HDR
	/* Right after the header, at a fixed offset for the switch code (see arch.h). */
	struct _callee_saved callee_saved;
	struct _thread_base base;
	struct _thread_stack_info stack_info;
	_wait_q_t join_queue; /* threads in k_thread_join() on this one */
#ifdef CONFIG_THREAD_NAME
	char name[CONFIG_THREAD_MAX_NAME_LEN];
#endif
#ifdef CONFIG_USERSPACE
	struct _thread_userspace userspace;
#endif
#if defined(CONFIG_USERSPACE) || defined(CONFIG_HW_STACK_PROTECTION) || \
    defined(ARCH_HAS_THREAD_STATE)
	struct _thread_arch arch;
#endif
	/* The heap the kernel allocates from for this thread (see <breeze/kernel/heap.h>). */
	struct k_heap *resource_pool;
	struct _thread_ext ext; /* custom data, thread list, statistics, ... */
};

/* Thread options. */
#define K_ESSENTIAL     BIT(0) /* its end is a fatal error (see k_thread_abort()) */
#define K_FP_REGS       BIT(1)
#define K_USER          BIT(2)
#define K_INHERIT_PERMS BIT(3)

/* Priority levels. */
#define K_HIGHEST_THREAD_PRIO             (-CONFIG_NUM_COOP_PRIORITIES)
#define K_LOWEST_THREAD_PRIO              CONFIG_NUM_PREEMPT_PRIORITIES
#define K_IDLE_PRIO                       K_LOWEST_THREAD_PRIO
#define K_HIGHEST_APPLICATION_THREAD_PRIO K_HIGHEST_THREAD_PRIO
#define K_LOWEST_APPLICATION_THREAD_PRIO  (K_LOWEST_THREAD_PRIO - 1)
#define K_PRIO_COOP(x)                    (-(CONFIG_NUM_COOP_PRIORITIES - (x)))
#define K_PRIO_PREEMPT(x)                 (x)

/*
 * Create a thread on @stack running entry(p1, p2, p3) at base priority @prio
 * (an application priority: see k_thread_priority_set()). It starts after
 * @delay (relative or absolute), or waits for k_thread_start() with
 * K_FOREVER. Returns @new_thread.
 */
#ifdef CONFIG_USER_THREAD_CREATE
__syscall k_tid_t k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack,
				  size_t stack_size, k_thread_entry_t entry, void *p1, void *p2,
				  void *p3, int prio, uint32_t options, k_timeout_t delay);
#else
/*
 * No system call (CONFIG_USER_THREAD_CREATE off): only
 * supervisor threads create threads, and a user thread that tries ends in
 * an oops here rather than in a fault somewhere inside the kernel's code.
 */
k_tid_t z_impl_k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack,
			       size_t stack_size, k_thread_entry_t entry, void *p1, void *p2,
			       void *p3, int prio, uint32_t options, k_timeout_t delay);

static inline k_tid_t k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack,
				      size_t stack_size, k_thread_entry_t entry, void *p1, void *p2,
				      void *p3, int prio, uint32_t options, k_timeout_t delay)
{
	if (z_syscall_trap()) { /* where a system call would trap (<breeze/syscall.h>) */
		k_oops();
	}
	return z_impl_k_thread_create(new_thread, stack, stack_size, entry, p1, p2, p3, prio,
				      options, delay);
}
#endif

/* Start a thread created with a K_FOREVER delay. */
__syscall void k_thread_start(k_tid_t thread);

/*
 * End @thread now, wherever it is (ready, blocked, sleeping, suspended, itself).
 * A K_ESSENTIAL thread's end is a fatal error, as in Zephyr: it ends, then the
 * caller raises a kernel panic (and is aborted if k_sys_fatal_error_handler()
 * returns). Its struct k_thread is not touched again once it has ended.
 */
__syscall void k_thread_abort(k_tid_t thread);

/*
 * Wait until @thread has ended. 0 when it has (or already had), -EBUSY with
 * K_NO_WAIT while it runs, -EAGAIN on timeout, -EDEADLK if @thread is the
 * caller or is itself joining the caller.
 */
__syscall int k_thread_join(struct k_thread *thread, k_timeout_t timeout);

/*
 * Name @thread (NULL: the caller). 0, or -EINVAL when @name is NULL. A
 * supervisor's name is truncated to fit; from user mode, as in Zephyr, a name
 * too long is -EINVAL, an unreadable one -EFAULT, and a thread object the
 * caller does not hold -EINVAL.
 */
__syscall int k_thread_name_set(k_tid_t thread, const char *name);
/* The name in kernel memory: supervisor mode only; user threads use k_thread_name_copy(). */
const char *k_thread_name_get(k_tid_t thread);

/*
 * Copy the name into @buf: 0, -ENOSPC if it does not fit, -ENOSYS without
 * names. From user mode, as in Zephyr: any thread object that holds or held a
 * thread may be named, granted or not; another pointer is -EINVAL, a buffer
 * the caller may not write -EFAULT.
 */
__syscall int k_thread_name_copy(k_tid_t thread, char *buf, size_t size);

/* The effective priority: the base, or a more urgent one inherited through a mutex. */
__syscall int k_thread_priority_get(k_tid_t thread);

/*
 * Set the base priority; the effective one follows, keeping any more urgent
 * priority inherited through a mutex. @prio must lie between
 * K_HIGHEST_APPLICATION_THREAD_PRIO and K_LOWEST_APPLICATION_THREAD_PRIO (so
 * must k_thread_create()'s): an assertion in supervisor mode, an oops from user
 * mode, which may also go no more urgent than the caller's own base priority.
 */
__syscall void k_thread_priority_set(k_tid_t thread, int prio);

__syscall void k_thread_suspend(k_tid_t thread);
__syscall void k_thread_resume(k_tid_t thread);

/* Let threads of the same priority run; the caller goes behind them. */
__syscall void k_yield(void);

/*
 * Sleep; each returns the time left if woken early by k_wakeup(), else 0.
 * k_sleep() until an absolute time already past returns at once.
 */
__syscall int32_t k_sleep(k_timeout_t timeout);
int32_t k_msleep(int32_t ms);
__syscall int32_t k_usleep(int32_t us);

/* End a k_sleep() early. */
__syscall void k_wakeup(k_tid_t thread);

k_tid_t k_current_get(void);

/* Keep the caller from being preempted by other threads until unlocked. */
void k_sched_lock(void);
void k_sched_unlock(void);

/* Change time slicing at run time: slice in ms (0 = off), lowest slicing priority. */
void k_sched_time_slice_set(int32_t slice, int prio);

/* True in interrupt context. */
bool k_is_in_isr(void);

/* True when the caller is a preemptible thread (not cooperative, not locked). */
__syscall int k_is_preempt_thread(void);

/* Static threads, created and started at boot (after @delay ms, or never with SYS_FOREVER_MS). */
struct _static_thread_data {
	struct k_thread *init_thread;
	k_thread_stack_t *init_stack;
	size_t init_stack_size;
	k_thread_entry_t init_entry;
	void *init_p1;
	void *init_p2;
	void *init_p3;
	int init_prio;
	uint32_t init_options;
	int32_t init_delay_ms;
	const char *init_name;
};

#define SYS_FOREVER_MS (-1)

#define K_THREAD_DEFINE(name, stack_size, entry, p1, p2, p3, prio, options, delay)           \
	K_THREAD_STACK_DEFINE(_k_thread_stack_##name, stack_size);                           \
	STRUCT_SECTION_ITERABLE(k_thread, _k_thread_obj_##name);                             \
	static const STRUCT_SECTION_ITERABLE(_static_thread_data, _k_thread_data_##name) = { \
		.init_thread = &_k_thread_obj_##name,                                        \
		.init_stack = _k_thread_stack_##name,                                        \
		.init_stack_size = K_THREAD_STACK_SIZEOF(_k_thread_stack_##name),            \
		.init_entry = (k_thread_entry_t)(entry),                                     \
		.init_p1 = (void *)(p1),                                                     \
		.init_p2 = (void *)(p2),                                                     \
		.init_p3 = (void *)(p3),                                                     \
		.init_prio = (prio),                                                         \
		.init_options = (options),                                                   \
		.init_delay_ms = (delay),                                                    \
		.init_name = #name,                                                          \
	};                                                                                   \
	const k_tid_t name = (k_tid_t)&_k_thread_obj_##name

#endif /* BREEZE_KERNEL_THREAD_H */
