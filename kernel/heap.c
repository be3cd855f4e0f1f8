/*
 * Heaps (k_heap): the allocator of lib/heap under the heap's own lock, and a
 * wait queue for allocations that do not fit.
 *
 * Two locks, never held together: the heap's lock covers the allocator (its
 * walk is bounded by the heap's size, see <breeze/sys/sys_heap.h>), the
 * scheduler lock covers the wait queue. A free counts itself in heap->frees
 * under the heap's lock, then wakes every waiter under the scheduler lock; an
 * allocation that failed notes the count it saw and, under the scheduler
 * lock, goes to sleep only if no free came since. So a free between the
 * failed try and the sleep is never missed: either the waiter sees the new
 * count and tries again, or it is already in the queue the free then empties.
 */
#include <string.h>
#include <ksched.h>
#include <breeze/kernel/heap.h>

void k_heap_init(struct k_heap *heap, void *mem, size_t bytes)
{
	sys_heap_init(&heap->heap, mem, bytes);
	sys_dlist_init(&heap->wait_q.waitq);
	heap->frees = 0;
}

int k_heap_array_get(struct k_heap **heap)
{
	unsigned int n;

	STRUCT_SECTION_START_EXTERN(k_heap);
	STRUCT_SECTION_COUNT(k_heap, &n);
	if (n != 0U) {
		*heap = _k_heap_list_start;
	}
	return (int)n;
}

enum heap_op {
	OP_ALLOC,
	OP_REALLOC,
};

/*
 * Try @op until it succeeds or @timeout ends, sleeping between tries until
 * some block is freed. A realloc that fails leaves its block untouched, so it
 * can be tried again just like an allocation.
 */
static void *attempt(struct k_heap *heap, enum heap_op op, void *ptr, size_t align, size_t bytes,
		     k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr() || K_TIMEOUT_EQ(timeout, K_NO_WAIT),
		 "a heap may only wait in a thread");
	k_timepoint_t end = sys_timepoint_calc(timeout); /* one budget for every try */

	for (;;) {
		k_spinlock_key_t key = k_spin_lock(&heap->lock);
		void *mem = op == OP_ALLOC
				? sys_heap_aligned_alloc(&heap->heap, align, bytes)
				: sys_heap_aligned_realloc(&heap->heap, ptr, align, bytes);
		uint32_t seen = heap->frees;

		k_spin_unlock(&heap->lock, key);
		/* A realloc to 0 bytes frees: NULL is its success. */
		if (mem != NULL || (op == OP_REALLOC && bytes == 0U)) {
			return mem;
		}
		k_timeout_t left = sys_timepoint_timeout(end);

		if (K_TIMEOUT_EQ(left, K_NO_WAIT)) {
			return NULL;
		}
		key = k_spin_lock(&_sched_spinlock);
		if (heap->frees != seen) {
			k_spin_unlock(&_sched_spinlock, key);
			continue;
		}
		(void)z_pend_curr(key, &heap->wait_q, left);
	}
}

void *k_heap_aligned_alloc(struct k_heap *heap, size_t align, size_t bytes, k_timeout_t timeout)
{
	return attempt(heap, OP_ALLOC, NULL, align, bytes, timeout);
}

void *k_heap_alloc(struct k_heap *heap, size_t bytes, k_timeout_t timeout)
{
	return attempt(heap, OP_ALLOC, NULL, sizeof(void *), bytes, timeout);
}

void *k_heap_calloc(struct k_heap *heap, size_t num, size_t size, k_timeout_t timeout)
{
	size_t bytes;

	if (__builtin_mul_overflow(num, size, &bytes)) {
		return NULL;
	}
	void *mem = k_heap_alloc(heap, bytes, timeout);

	if (mem != NULL) {
		memset(mem, 0, bytes);
	}
	return mem;
}

void *k_heap_realloc(struct k_heap *heap, void *ptr, size_t bytes, k_timeout_t timeout)
{
	return attempt(heap, OP_REALLOC, ptr, sizeof(void *), bytes, timeout);
}

void k_heap_free(struct k_heap *heap, void *mem)
{
	if (mem == NULL) {
		return;
	}
	k_spinlock_key_t key = k_spin_lock(&heap->lock);

	sys_heap_free(&heap->heap, mem);
	heap->frees++;
	k_spin_unlock(&heap->lock, key);

	key = k_spin_lock(&_sched_spinlock);
	if (z_wake_all(&heap->wait_q, 0)) {
		z_reschedule(key);
	} else {
		k_spin_unlock(&_sched_spinlock, key);
	}
}
