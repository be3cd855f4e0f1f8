/*
 * Stack painting (CONFIG_INIT_STACKS): every new thread's usable stack is
 * filled with 0xaa before its first instruction; k_thread_stack_space_get()
 * counts, from the bottom, the bytes still holding it. A stack grows down,
 * so that is how much was never used (a value the code happened to store
 * as 0xaa at the deepest point makes it one byte more, as in Zephyr).
 *
 * The usable stack is the user stack of a user-capable stack object (whether
 * the thread runs in user mode or not: it is the stack the thread runs on),
 * otherwise what lies above the guard of a kernel stack; it ends below the
 * TLS block at the top. A user-capable stack object also holds the thread's
 * privileged stack (its system calls and traps from user mode): painted too,
 * and measured apart, because overflowing either one kills the thread.
 */
#include <string.h>
#include <ksched.h>
#include <kuser.h>
#include <thread_ext_internal.h>

#define STACK_PAINT 0xaaU

static uintptr_t usable_low(struct k_thread *t, k_thread_stack_t *stack)
{
#ifdef CONFIG_USERSPACE
	if (z_stack_is_user_capable(stack)) {
		return t->userspace.user_stack_start;
	}
#else
	ARG_UNUSED(t);
#endif
#ifdef CONFIG_HW_STACK_PROTECTION
	return Z_KERNEL_STACK_GUARD(stack) + Z_STACK_GUARD_SIZE;
#else
	return (uintptr_t)stack;
#endif
}

#ifdef CONFIG_USERSPACE
/* From above the guard below the privileged stack up to its top (z_thread_stack_layout()). */
static void priv_stack_paint(struct k_thread *t, k_thread_stack_t *stack)
{
	if (!z_stack_is_user_capable(stack)) {
		return; /* t->ext was zeroed: no privileged stack */
	}
	uintptr_t low = (uintptr_t)stack +
			Z_USER_STACK_GUARD_OF(arch_user_stack_len(t->userspace.user_stack_size)) +
			Z_STACK_GUARD_SIZE;

	t->ext.priv_stack_low = low;
	t->ext.priv_stack_painted = t->userspace.priv_stack_top - low;
	memset((void *)low, STACK_PAINT, t->ext.priv_stack_painted);
}
#else
static void priv_stack_paint(struct k_thread *t, k_thread_stack_t *stack)
{
	ARG_UNUSED(t);
	ARG_UNUSED(stack);
}
#endif

void z_thread_stack_paint(struct k_thread *t, k_thread_stack_t *stack, char *top)
{
	uintptr_t low = usable_low(t, stack);

	t->ext.stack_low = low;
	t->ext.stack_painted = (uintptr_t)top - low;
	memset((void *)low, STACK_PAINT, t->ext.stack_painted);
	priv_stack_paint(t, stack);
}

/* Bytes from @p up that still hold the paint, of @size. */
static size_t unused_of(const uint8_t *p, size_t size)
{
	size_t unused = 0;

	while (unused < size && p[unused] == STACK_PAINT) {
		unused++;
	}
	return unused;
}

int z_impl_k_thread_stack_space_get(const struct k_thread *thread, size_t *unused_ptr)
{
	/*
	 * One snapshot of the bounds: the thread may end and its object be
	 * created again meanwhile (a user creation runs with the scheduler
	 * locked, so it is never seen half done). The scan itself reads stack
	 * memory only, whoever uses it by then.
	 */
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	const uint8_t *p = (const uint8_t *)thread->ext.stack_low;
	size_t size = thread->ext.stack_painted;

	k_spin_unlock(&_sched_spinlock, key);

	if (p == NULL) {
		return -EINVAL; /* never created (or created before painting was on) */
	}
	*unused_ptr = unused_of(p, size);
	return 0;
}

int k_thread_priv_stack_space_get(const struct k_thread *thread, size_t *size_ptr,
				  size_t *unused_ptr)
{
#ifdef CONFIG_USERSPACE
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	const uint8_t *p = (const uint8_t *)thread->ext.priv_stack_low;
	size_t size = thread->ext.priv_stack_painted;

	k_spin_unlock(&_sched_spinlock, key);
	if (p == NULL || size == 0U) {
		return -EINVAL;
	}
	*size_ptr = size;
	*unused_ptr = unused_of(p, size);
	return 0;
#else
	ARG_UNUSED(thread);
	ARG_UNUSED(size_ptr);
	ARG_UNUSED(unused_ptr);
	return -EINVAL;
#endif
}

#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>

/*
 * Any thread the caller holds, as in Zephyr. The count goes into a kernel
 * variable and is copied out with the buffer checked as it is written.
 */
int z_vrfy_k_thread_stack_space_get(const struct k_thread *thread, size_t *unused_ptr)
{
	size_t unused;

	K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
	int ret = z_impl_k_thread_stack_space_get(thread, &unused);

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(unused_ptr, &unused, sizeof(unused)));
	}
	return ret;
}
#endif
