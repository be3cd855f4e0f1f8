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
 * TLS block at the top.
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

void z_thread_stack_paint(struct k_thread *t, k_thread_stack_t *stack, char *top)
{
	uintptr_t low = usable_low(t, stack);

	t->ext.stack_low = low;
	t->ext.stack_painted = (uintptr_t)top - low;
	memset((void *)low, STACK_PAINT, t->ext.stack_painted);
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
	size_t unused = 0;

	if (p == NULL) {
		return -EINVAL; /* never created (or created before painting was on) */
	}
	while (unused < size && p[unused] == STACK_PAINT) {
		unused++;
	}
	*unused_ptr = unused;
	return 0;
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
