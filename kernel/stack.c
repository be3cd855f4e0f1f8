/*
 * Stacks (k_stack). Every entry moves under the scheduler lock: a push to a
 * waiting popper hands the entry straight to the most urgent one (through the
 * buffer it left in base.swap_data), so a later popper cannot take it first.
 */
#include <ksched.h>
#include <kobject_init.h>
#include <thread_pool.h>

/* Claim and set up @stack: 0, or why the claim failed (another initialiser raced). */
static int stack_setup(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries,
		       uint8_t flags)
{
	int ret = z_object_init_begin_for(stack, K_OBJ_STACK);

	if (ret != 0) {
		return ret;
	}
	sys_dlist_init(&stack->wait_q.waitq);
	stack->base = buffer;
	stack->next = buffer;
	stack->top = buffer + num_entries;
	stack->flags = flags;
	z_object_init_end_for(stack);
	return 0;
}

void k_stack_init(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries)
{
	int ret = stack_setup(stack, buffer, num_entries, 0);

	__ASSERT(ret == 0, "stack %p being initialised twice at once", (void *)stack);
	ARG_UNUSED(ret);
}

int32_t z_impl_k_stack_alloc_init(struct k_stack *stack, uint32_t num_entries)
{
	size_t bytes;

	if (__builtin_mul_overflow((size_t)num_entries, sizeof(stack_data_t), &bytes)) {
		return -ENOMEM;
	}
	stack_data_t *buffer = z_thread_malloc(bytes);

	if (buffer == NULL) {
		return -ENOMEM;
	}
	int ret = stack_setup(stack, buffer, num_entries, K_STACK_FLAG_ALLOC);

	if (ret != 0) {
		k_free(buffer); /* lost a race for a never-initialised stack */
	}
	return ret;
}

/*
 * An allocated buffer is detached under the lock (the stack then holds and
 * takes no entry) and freed after it.
 */
int k_stack_cleanup(struct k_stack *stack)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (z_waitq_head(&stack->wait_q) != NULL) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EAGAIN;
	}
	stack_data_t *buffer = NULL;

	if ((stack->flags & K_STACK_FLAG_ALLOC) != 0U) {
		buffer = stack->base;
		stack->flags &= ~K_STACK_FLAG_ALLOC;
		stack->base = NULL;
		stack->next = NULL;
		stack->top = NULL;
	}
	k_spin_unlock(&_sched_spinlock, key);
	k_free(buffer);
	return 0;
}

int z_impl_k_stack_push(struct k_stack *stack, stack_data_t data)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (stack->next == stack->top) {
		k_spin_unlock(&_sched_spinlock, key);
		return -ENOMEM;
	}
	struct k_thread *popper = z_waitq_head(&stack->wait_q);

	if (popper != NULL) {
		*(stack_data_t *)popper->base.swap_data = data;
		z_wake_thread(popper, 0);
		z_reschedule(key);
		return 0;
	}
	*stack->next++ = data;
	k_spin_unlock(&_sched_spinlock, key);
	return 0;
}

int z_impl_k_stack_pop(struct k_stack *stack, stack_data_t *data, k_timeout_t timeout)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (stack->next != stack->base) {
		*data = *--stack->next;
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
	__ASSERT(!k_is_in_isr(), "k_stack_pop may only wait in a thread");
	_current->base.swap_data = data;
	return z_pend_curr(key, &stack->wait_q, timeout);
}

#ifdef CONFIG_USERSPACE
int32_t z_vrfy_k_stack_alloc_init(struct k_stack *stack, uint32_t num_entries)
{
	K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(stack, K_OBJ_STACK));
	K_OOPS(K_SYSCALL_VERIFY(num_entries > 0U));
	return z_impl_k_stack_alloc_init(stack, num_entries);
}

int z_vrfy_k_stack_push(struct k_stack *stack, stack_data_t data)
{
	K_OOPS(K_SYSCALL_OBJ(stack, K_OBJ_STACK));
	return z_impl_k_stack_push(stack, data);
}

/*
 * The entry is popped into a kernel variable (a pusher writes a waiting
 * popper's entry from another thread: never into user memory), then copied
 * out, the buffer checked again as it is copied to.
 */
int z_vrfy_k_stack_pop(struct k_stack *stack, stack_data_t *data, k_timeout_t timeout)
{
	stack_data_t entry;

	K_OOPS(K_SYSCALL_OBJ(stack, K_OBJ_STACK));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(data, sizeof(*data)));
	int ret = z_impl_k_stack_pop(stack, &entry, timeout);

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(data, &entry, sizeof(entry)));
	}
	return ret;
}
#endif
