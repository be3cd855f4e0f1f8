/*
 * Stacks (k_stack): a kernel array of word-sized entries, pushed and popped
 * last in, first out, with threads blocking while it is empty. A push to a
 * waiting popper hands the entry straight to the most urgent one.
 *
 * k_stack_push() and k_stack_pop() are system calls: a user thread granted
 * the stack may use it (the entries live in kernel memory; a popped entry is
 * copied out to the caller), and so is k_stack_alloc_init().
 */
#ifndef BREEZE_KERNEL_STACK_H
#define BREEZE_KERNEL_STACK_H

#include <breeze/kernel/thread.h>

typedef uintptr_t stack_data_t;

struct k_stack {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	stack_data_t *base; /* the first entry */
	stack_data_t *next; /* where the next push goes */
	stack_data_t *top;  /* one past the last entry */
	uint8_t flags;      /* K_STACK_FLAG_* */
};

/* The buffer came from k_stack_alloc_init(): k_stack_cleanup() frees it. */
#define K_STACK_FLAG_ALLOC BIT(0)

#define Z_STACK_INITIALIZER(obj, stack_buffer, stack_num_entries)                                \
	{                                                                                        \
		Z_OBJECT_HDR_INIT.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .base = (stack_buffer), \
		.next = (stack_buffer), .top = (stack_buffer) + (stack_num_entries)              \
	}

#define K_STACK_DEFINE(name, stack_num_entries)                     \
	static stack_data_t _k_stack_buf_##name[stack_num_entries]; \
	STRUCT_SECTION_ITERABLE(k_stack, name) =                    \
	    Z_STACK_INITIALIZER(name, _k_stack_buf_##name, stack_num_entries)

/*
 * The calls, only with CONFIG_K_STACK: without it, a call of any is an undeclared
 * function and fails to build and link, naming the call.
 */
#ifdef CONFIG_K_STACK

/* Use @buffer, @num_entries entries long, as @stack's storage; the stack starts empty. */
void k_stack_init(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries);

/*
 * Set up @stack with @num_entries entries from the caller's resource pool
 * (k_thread_heap_assign()): 0, or -ENOMEM without a pool or room in it. From
 * user mode the stack must be granted and never initialised, and
 * @num_entries not 0.
 */
__syscall int32_t k_stack_alloc_init(struct k_stack *stack, uint32_t num_entries);

/*
 * Release the stack (and the buffer k_stack_alloc_init() took): 0, or
 * -EAGAIN while threads wait on it.
 */
int k_stack_cleanup(struct k_stack *stack);

/* Push @data: 0, or -ENOMEM when the stack is full. */
__syscall int k_stack_push(struct k_stack *stack, stack_data_t data);

/*
 * Pop the latest entry into @data: 0; -EBUSY when empty with K_NO_WAIT;
 * -EAGAIN when @timeout expires first.
 */
__syscall int k_stack_pop(struct k_stack *stack, stack_data_t *data, k_timeout_t timeout);

#endif /* CONFIG_K_STACK */

#endif /* BREEZE_KERNEL_STACK_H */
