/*
 * Threads and user mode (CONFIG_USERSPACE): stack layout, object registration
 * and permissions of new threads, the drop to user mode, clean-up at exit, and
 * the verifiers of the thread system calls.
 */
#include <string.h>
#include <ksched.h>
#include <kthread.h>
#include <kuser.h>
#include <kobject_internal.h>
#include <syscall_handler.h>
#include <mem_domain_internal.h>
#include <arch_interface.h>

extern char __user_stacks_start[];
extern char __user_stacks_end[];

bool z_stack_is_user_capable(const k_thread_stack_t *stack)
{
	return (const char *)stack >= __user_stacks_start &&
	       (const char *)stack < __user_stacks_end;
}

char *z_thread_stack_layout(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
			    void **tls)
{
	char *base = (char *)stack;
	/* Unused where the reserved part does not depend on it (no guard, no power of two). */
	__maybe_unused size_t len = arch_user_stack_len(stack_size);
	size_t reserved = Z_USER_STACK_RESERVED_OF(len);
	char *top = base + reserved + stack_size;

	((struct z_stack_hdr *)stack)->owner = t;
	*tls = base + Z_USER_STACK_KTLS;
	z_tls_block_init(*tls, t, false);
#ifdef CONFIG_HW_STACK_PROTECTION
	arch_stack_guard_set(t, (uintptr_t)(base + Z_USER_STACK_GUARD_OF(len)));
#endif
	t->userspace.priv_stack_top = (uintptr_t)(base + reserved);
	t->userspace.user_stack_start = (uintptr_t)(base + reserved);
	t->userspace.user_stack_size = stack_size;
	t->userspace.user_tls = z_tls_setup(&top, t, true);
	return top;
}

void z_thread_user_setup(struct k_thread *t, struct k_thread *creator)
{
	bool inherit = (t->base.user_options & K_INHERIT_PERMS) != 0U;
	/* For a user caller, the verifier has already claimed the object. */
	int ret = z_syscall_in_progress() ? 0 : z_object_init_begin(t, K_OBJ_THREAD, true);

	if (ret == 0) {
		ret = z_thread_perms_init(t, creator, inherit);
		/* Initialised only with an index of its own; else never startable. */
		z_object_init_end(t, ret == 0);
	}
	if (ret != 0) {
		t->base.thread_state = _THREAD_DEAD;
		z_stack_release((k_thread_stack_t *)t->stack_info.start, t);
		printk("thread %p: no kernel object slot or thread index left (%d): raise "
		       "CONFIG_MAX_KERNEL_OBJECTS / CONFIG_MAX_THREADS\n",
		       (void *)t, ret);
		if (z_syscall_in_progress()) {
			z_syscall_oops();
		}
		k_oops();
	}
	struct k_mem_domain *domain = creator->userspace.domain;

	z_mem_domain_thread_add(domain != NULL ? domain : &k_mem_domain_default, t);
}

#ifdef CONFIG_USER_THREAD_CREATE
/* A creator died inside k_thread_create(): give back what it had claimed. */
static void undo_creation(struct k_thread *t)
{
	struct k_thread *c = t->userspace.creating;
	struct z_object *ko = k_object_find(c);

	t->userspace.creating = NULL;
	if (ko != NULL && atomic_get(&ko->state) == Z_OBJ_INITIALIZED) {
		return; /* the new thread is complete: its stack is its own */
	}
	if (ko != NULL) {
		(void)atomic_cas(&ko->state, Z_OBJ_INITIALIZING, Z_OBJ_UNINITIALIZED);
	}
	z_stack_release(t->userspace.creating_stack, c);
}
#endif

void z_thread_user_exit_locked(struct k_thread *t)
{
#ifdef CONFIG_USER_THREAD_CREATE
	if (t->userspace.creating != NULL) {
		undo_creation(t);
	}
#endif
	z_stack_release((k_thread_stack_t *)t->stack_info.start, t);
	z_mem_domain_thread_remove(t);
	z_thread_perms_release(t);
}

FUNC_NORETURN void z_thread_user_start(k_thread_entry_t entry, void *p1, void *p2, void *p3)
{
	k_thread_user_mode_enter(entry, p1, p2, p3);
}

/* Runs in user mode: the first and last frame of every user thread. */
static FUNC_NORETURN void user_entry(void *entry, void *p1, void *p2, void *p3)
{
	((k_thread_entry_t)entry)(p1, p2, p3);
	k_thread_abort(k_current_get());
	CODE_UNREACHABLE;
}

FUNC_NORETURN void k_thread_user_mode_enter(k_thread_entry_t entry, void *p1, void *p2, void *p3)
{
	struct k_thread *t = _current;

	__ASSERT(t->userspace.user_stack_size != 0U,
		 "thread %p runs on a kernel stack: user threads need K_THREAD_STACK_DEFINE",
		 (void *)t);
	if (t->userspace.user_stack_size == 0U) {
		k_oops();
	}
	(void)arch_irq_lock();
	/* A user thread is never essential (its faults must end it alone), as in Zephyr. */
	t->base.user_options = (t->base.user_options | K_USER) & ~K_ESSENTIAL;
	arch_user_mode_enter(t, user_entry, (void *)entry, p1, p2, p3);
}

/* Verifiers */

#ifdef CONFIG_USER_THREAD_CREATE
k_tid_t z_vrfy_k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack,
			       size_t stack_size, k_thread_entry_t entry, void *p1, void *p2,
			       void *p3, int prio, uint32_t options, k_timeout_t delay)
{
	K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(new_thread, K_OBJ_THREAD));
	K_OOPS(K_SYSCALL_OBJ_INIT(stack, K_OBJ_THREAD_STACK_ELEMENT));
	/* The stack must be big enough for what the caller claims. */
	struct z_stack_desc_info info;

	K_OOPS(K_SYSCALL_VERIFY(z_stack_object_info(stack, &info) == 0));
	K_OOPS(K_SYSCALL_VERIFY(stack_size >= 256U && stack_size <= info.user_size));
	/* A user thread may only create user threads, no more urgent than its base priority. */
	K_OOPS(K_SYSCALL_VERIFY((options & K_USER) != 0U && (options & K_ESSENTIAL) == 0U));
	K_OOPS(K_SYSCALL_VERIFY(prio >= _current->base.base_prio &&
				prio <= K_LOWEST_APPLICATION_THREAD_PRIO));
	/*
	 * From the first claim until the new thread is complete, no other thread
	 * runs. Setting a thread up takes no lock, and the thread calls check
	 * their thread object and then act on it under the scheduler lock: they
	 * must find it ended or complete, never half built (starting a thread
	 * whose context is not set yet would switch to nowhere). Nor may a
	 * sibling kill the caller between its claims and their use: they would
	 * stay taken for good.
	 */
	k_sched_lock();
	/*
	 * Claim the stack, then the thread object, each by compare-and-swap: a
	 * concurrent creator on either is refused, and a check that the stack is
	 * free could no longer be overtaken before the thread is set up on it.
	 */
	if (!z_stack_claim(stack, new_thread)) {
		k_sched_unlock();
		K_OOPS(K_SYSCALL_VERIFY_MSG(false, "stack %p is in use or being claimed",
					    (void *)stack));
	}
	if (z_object_init_begin(new_thread, K_OBJ_THREAD, false) != 0) {
		k_sched_unlock();
		z_stack_release(stack, new_thread);
		K_OOPS(K_SYSCALL_VERIFY_MSG(false,
					    "thread object %p is being created by another thread",
					    (void *)new_thread));
	}
	/*
	 * Should the caller die before the thread is complete (its privileged
	 * stack overflows, say), its exit undoes both claims.
	 */
	_current->userspace.creating = new_thread;
	_current->userspace.creating_stack = stack;
	k_tid_t t = z_impl_k_thread_create(new_thread, stack, stack_size, entry, p1, p2, p3, prio,
					   options, delay);

	_current->userspace.creating = NULL;
	k_sched_unlock();
	return t;
}
#endif /* CONFIG_USER_THREAD_CREATE */

#define THREAD_OBJ_CHECK(t) K_OOPS(K_SYSCALL_OBJ(t, K_OBJ_THREAD))

void z_vrfy_k_thread_start(k_tid_t thread)
{
	THREAD_OBJ_CHECK(thread);
	z_impl_k_thread_start(thread);
}

void z_vrfy_k_thread_abort(k_tid_t thread)
{
	/* As in Zephyr, a thread that ended (or never ran) is nothing to abort. */
	K_OOPS(K_SYSCALL_OBJ_INIT(thread, K_OBJ_THREAD));
	if (k_object_find(thread)->state != Z_OBJ_INITIALIZED) {
		return;
	}
	K_OOPS(K_SYSCALL_VERIFY_MSG((thread->base.user_options & K_ESSENTIAL) == 0U,
				    "aborting essential thread %p", (void *)thread));
	z_impl_k_thread_abort(thread);
}

int z_vrfy_k_thread_join(struct k_thread *thread, k_timeout_t timeout)
{
	/*
	 * A dead thread's object is uninitialised again but may still be
	 * joined; so may one that never held a thread (nothing to wait for).
	 */
	K_OOPS(K_SYSCALL_OBJ_INIT(thread, K_OBJ_THREAD));
	if (k_object_find(thread)->state != Z_OBJ_INITIALIZED &&
	    (thread->base.thread_state & _THREAD_DEAD) == 0U) {
		return 0;
	}
	return z_impl_k_thread_join(thread, timeout);
}

#ifdef CONFIG_THREAD_NAME
/* The error returns of both name calls follow Zephyr's verifiers: a bad argument is no oops. */
int z_vrfy_k_thread_name_set(k_tid_t thread, const char *name)
{
	char buf[CONFIG_THREAD_MAX_NAME_LEN];

	if (thread != NULL && !z_object_usable(thread, K_OBJ_THREAD, _OBJ_INIT_TRUE, _current)) {
		return -EINVAL;
	}
	if (name == NULL) {
		return -EINVAL;
	}
	int ret = k_usermode_string_copy(buf, name, sizeof(buf));

	if (ret != 0) {
		return ret; /* -EFAULT: unreadable; -EINVAL: longer than a name may be */
	}
	return z_impl_k_thread_name_set(thread, buf);
}

int z_vrfy_k_thread_name_copy(k_tid_t thread, char *buf, size_t size)
{
	char name[CONFIG_THREAD_MAX_NAME_LEN] = { 0 };
	const struct z_object *ko = k_object_find(thread);

	/* Names are not secrets: no grant needed, as in Zephyr. */
	if (ko == NULL || ko->type != K_OBJ_THREAD) {
		return -EINVAL;
	}
	if (K_SYSCALL_MEMORY_WRITE(buf, size) != 0) {
		return -EFAULT;
	}
	int ret = z_impl_k_thread_name_copy(thread, name, sizeof(name));

	if (ret != 0) {
		return ret;
	}
	/*
	 * Another thread may rename @thread during the copy (names take no
	 * lock), so the copy may lack its terminator: measure it within its own
	 * bounds only. Zeroed beforehand, it holds nothing but name bytes.
	 */
	name[sizeof(name) - 1U] = '\0';
	size_t len = strlen(name) + 1U;

	if (len > size) {
		return -ENOSPC;
	}
	return k_usermode_to_copy(buf, name, len);
}
#else
/* Without names there is nothing to check or copy (the kernel calls say -ENOSYS). */
int z_vrfy_k_thread_name_set(k_tid_t thread, const char *name)
{
	return z_impl_k_thread_name_set(thread, name);
}

int z_vrfy_k_thread_name_copy(k_tid_t thread, char *buf, size_t size)
{
	return z_impl_k_thread_name_copy(thread, buf, size);
}
#endif

int z_vrfy_k_thread_priority_get(k_tid_t thread)
{
	THREAD_OBJ_CHECK(thread);
	return z_impl_k_thread_priority_get(thread);
}

void z_vrfy_k_thread_priority_set(k_tid_t thread, int prio)
{
	THREAD_OBJ_CHECK(thread);
	/*
	 * No raising anyone above the caller's base priority: its effective one
	 * may be a boost it only borrows while a more urgent thread waits.
	 */
	K_OOPS(K_SYSCALL_VERIFY_MSG(prio >= _current->base.base_prio &&
					prio <= K_LOWEST_APPLICATION_THREAD_PRIO,
				    "priority %d not allowed", prio));
	z_impl_k_thread_priority_set(thread, prio);
}

/* Suspend and resume: frameless when the check passes (K_SYSCALL_OBJ_FAST). */
static Z_SYSCALL_SLOW_PATH void z_vrfy_k_thread_suspend_checked(k_tid_t thread)
{
	K_OOPS(K_SYSCALL_OBJ_SLOW(thread, K_OBJ_THREAD));
	z_impl_k_thread_suspend(thread);
}

void z_vrfy_k_thread_suspend(k_tid_t thread)
{
	K_SYSCALL_OBJ_FAST(thread, K_OBJ_THREAD) ? z_impl_k_thread_suspend(thread)
						 : z_vrfy_k_thread_suspend_checked(thread);
}

static Z_SYSCALL_SLOW_PATH void z_vrfy_k_thread_resume_checked(k_tid_t thread)
{
	K_OOPS(K_SYSCALL_OBJ_SLOW(thread, K_OBJ_THREAD));
	z_impl_k_thread_resume(thread);
}

void z_vrfy_k_thread_resume(k_tid_t thread)
{
	K_SYSCALL_OBJ_FAST(thread, K_OBJ_THREAD) ? z_impl_k_thread_resume(thread)
						 : z_vrfy_k_thread_resume_checked(thread);
}

void z_vrfy_k_wakeup(k_tid_t thread)
{
	THREAD_OBJ_CHECK(thread);
	z_impl_k_wakeup(thread);
}

int32_t z_vrfy_k_sleep(k_timeout_t timeout)
{
	return z_impl_k_sleep(timeout);
}

int32_t z_vrfy_k_usleep(int32_t us)
{
	return z_impl_k_usleep(us);
}

int64_t z_vrfy_k_uptime_ticks(void)
{
	return z_impl_k_uptime_ticks();
}

int z_vrfy_k_is_preempt_thread(void)
{
	return z_impl_k_is_preempt_thread();
}
