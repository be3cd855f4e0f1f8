/*
 * Stacks (k_stack). Every entry moves under the scheduler lock: a push to a
 * waiting popper hands the entry straight to the most urgent one (through the
 * buffer it left in base.swap_data), so a later popper cannot take it first.
 */
#include <ksched.h>
#include <kobject_init.h>

void k_stack_init(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries)
{
	int ret = z_object_init_begin_for(stack, K_OBJ_STACK);

	__ASSERT(ret == 0, "stack %p being initialised twice at once", (void *)stack);
	if (ret != 0) {
		return;
	}
	sys_dlist_init(&stack->wait_q.waitq);
	stack->base = buffer;
	stack->next = buffer;
	stack->top = buffer + num_entries;
	z_object_init_end_for(stack);
}

int k_stack_cleanup(struct k_stack *stack)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	bool waited = z_waitq_head(&stack->wait_q) != NULL;

	k_spin_unlock(&_sched_spinlock, key);
	return waited ? -EAGAIN : 0;
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
