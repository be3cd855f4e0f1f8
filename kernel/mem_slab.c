/*
 * Memory slabs.
 *
 * The free list is chained through the free blocks, in address order after
 * init. info.num_used counts the blocks out of the list, including those
 * handed to a woken waiter (a waker passes the block's index as the waiter's
 * return value). The lock is _sched_spinlock.
 *
 * The buffer may be user-writable (see mem_slab.h), so every link read from
 * it is checked to be a block of the slab before it is followed, and walks
 * of the list are bounded by the number of free blocks.
 */
#include <ksched.h>
#include <kobject_init.h>

static size_t buffer_size(const struct k_mem_slab *slab)
{
	return (size_t)slab->info.num_blocks * slab->info.block_size;
}

/* True when @p is the start of one of @slab's blocks. */
static bool is_block(const struct k_mem_slab *slab, const char *p)
{
	/* Below the buffer, the unsigned offset wraps and fails the bound. */
	uintptr_t offset = (uintptr_t)p - (uintptr_t)slab->buffer;

	return offset < buffer_size(slab) && offset % slab->info.block_size == 0U;
}

static char *next_of(const struct k_mem_slab *slab, const char *block)
{
	char *next = *(char *const *)block;

	return is_block(slab, next) ? next : NULL;
}

static void build_free_list(struct k_mem_slab *slab)
{
	char *next = NULL;

	for (uint32_t i = slab->info.num_blocks; i > 0U; i--) {
		char *block = slab->buffer + (size_t)(i - 1U) * slab->info.block_size;

		*(char **)block = next;
		next = block;
	}
	slab->free_list = next;
	slab->info.num_used = 0;
}

/* K_MEM_SLAB_DEFINE slabs: their blocks are chained before any thread runs. */
static int static_slabs_init(void)
{
	STRUCT_SECTION_FOREACH(k_mem_slab, slab) {
		build_free_list(slab);
	}
	return 0;
}
SYS_INIT(static_slabs_init, PRE_KERNEL_1, 0);

int k_mem_slab_init(struct k_mem_slab *slab, void *buffer, size_t block_size, uint32_t num_blocks)
{
	size_t size;

	if (block_size < sizeof(void *) || block_size % sizeof(void *) != 0U ||
	    (uintptr_t)buffer % sizeof(void *) != 0U ||
	    __builtin_mul_overflow(block_size, (size_t)num_blocks, &size) ||
	    (uintptr_t)buffer + size < (uintptr_t)buffer) {
		return -EINVAL;
	}
	int ret = z_object_init_begin_for(slab, K_OBJ_MEM_SLAB);

	if (ret != 0) {
		return ret;
	}
	sys_dlist_init(&slab->wait_q.waitq);
	slab->buffer = buffer;
	slab->info.block_size = block_size;
	slab->info.num_blocks = num_blocks;
	build_free_list(slab);
	z_object_init_end_for(slab);
	return 0;
}

static char *take_block_locked(struct k_mem_slab *slab)
{
	char *block = slab->free_list;

	if (block == NULL || slab->info.num_used == slab->info.num_blocks) {
		return NULL;
	}
	slab->free_list = next_of(slab, block);
	slab->info.num_used++;
	return block;
}

/*
 * -EINVAL when @slab's buffer is no longer [@buffer, @buffer + @size) (NULL:
 * any buffer will do). A user thread's verifier checked that the caller may
 * write that buffer, before the lock; a supervisor may have re-initialised the
 * slab since, and the block handed out must come from the buffer checked.
 */
static int alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout, const char *buffer,
		 size_t size)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (buffer != NULL && (slab->buffer != buffer || buffer_size(slab) != size)) {
		k_spin_unlock(&_sched_spinlock, key);
		*mem = NULL;
		return -EINVAL;
	}
	char *block = take_block_locked(slab);

	if (block != NULL) {
		k_spin_unlock(&_sched_spinlock, key);
		*mem = block;
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		*mem = NULL;
		return -ENOMEM;
	}
	__ASSERT(!k_is_in_isr(), "k_mem_slab_alloc may only wait in a thread");

	int ret = z_pend_curr(key, &slab->wait_q, timeout);

	if (ret < 0) {
		*mem = NULL;
		return ret;
	}
	*mem = slab->buffer + (size_t)ret * slab->info.block_size;
	return 0;
}

int z_impl_k_mem_slab_alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout)
{
	return alloc(slab, mem, timeout, NULL, 0);
}

/* The block goes to the most urgent waiter, or back on the list. */
static void give_back_locked(struct k_mem_slab *slab, char *block)
{
	struct k_thread *waiter = z_waitq_head(&slab->wait_q);

	if (waiter != NULL) {
		z_wake_thread(waiter,
			      (int)((size_t)(block - slab->buffer) / slab->info.block_size));
		return;
	}
	__ASSERT(slab->info.num_used > 0U, "slab %p: more frees than allocations", (void *)slab);
	*(char **)block = slab->free_list;
	slab->free_list = block;
	slab->info.num_used--;
}

void z_impl_k_mem_slab_free(struct k_mem_slab *slab, void *mem)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	give_back_locked(slab, mem);
	z_reschedule(key);
}

uint32_t z_impl_k_mem_slab_num_used_get(struct k_mem_slab *slab)
{
	return slab->info.num_used;
}

uint32_t z_impl_k_mem_slab_num_free_get(struct k_mem_slab *slab)
{
	return slab->info.num_blocks - slab->info.num_used;
}

#ifdef CONFIG_USERSPACE
/*
 * A user thread may use a slab only if it could write every block itself.
 * Returns the buffer checked, whose size is *@size.
 */
static char *check_user_slab(struct k_mem_slab *slab, size_t *size)
{
	K_OOPS(K_SYSCALL_OBJ(slab, K_OBJ_MEM_SLAB));

	char *buffer = slab->buffer;

	*size = buffer_size(slab);
	K_OOPS(K_SYSCALL_MEMORY_WRITE(buffer, *size));
	return buffer;
}

/*
 * @block is a block of @slab that is out of the free list. The walk holds the
 * scheduler lock for as many steps as the slab has free blocks: it cannot be
 * cut, the list changing as soon as the lock is dropped, so the slab's size
 * bounds that interrupts-off window (a per-block allocation bitmap in struct
 * k_mem_slab would make it O(1)).
 */
static bool is_allocated_locked(const struct k_mem_slab *slab, const char *block)
{
	if (!is_block(slab, block) || slab->info.num_used == 0U) {
		return false;
	}
	const char *free = slab->free_list;

	for (uint32_t n = slab->info.num_blocks - slab->info.num_used; n > 0U && free != NULL;
	     n--) {
		if (free == block) {
			return false;
		}
		free = next_of(slab, free);
	}
	return true;
}

int z_vrfy_k_mem_slab_alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout)
{
	void *block;
	size_t size;
	char *buffer = check_user_slab(slab, &size);

	K_OOPS(K_SYSCALL_MEMORY_WRITE(mem, sizeof(*mem)));

	int ret = alloc(slab, &block, timeout, buffer, size);

	K_OOPS(K_SYSCALL_VERIFY_MSG(ret != -EINVAL, "slab %p re-initialised during the call",
				    (void *)slab));

	if (k_usermode_to_copy(mem, &block, sizeof(block)) != 0) {
		/* The caller lost access while it waited: do not leak the block. */
		if (ret == 0) {
			z_impl_k_mem_slab_free(slab, block);
		}
		z_syscall_oops();
	}
	return ret;
}

void z_vrfy_k_mem_slab_free(struct k_mem_slab *slab, void *mem)
{
	size_t size;

	(void)check_user_slab(slab, &size);

	/* Checked and freed under one lock: two threads freeing one block cannot both pass. */
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (!is_allocated_locked(slab, mem)) {
		k_spin_unlock(&_sched_spinlock, key);
		K_OOPS(K_SYSCALL_VERIFY_MSG(false, "%p is not an allocated block of slab %p", mem,
					    (void *)slab));
	}
	give_back_locked(slab, mem);
	z_reschedule(key);
}

uint32_t z_vrfy_k_mem_slab_num_used_get(struct k_mem_slab *slab)
{
	K_OOPS(K_SYSCALL_OBJ(slab, K_OBJ_MEM_SLAB));
	return z_impl_k_mem_slab_num_used_get(slab);
}

uint32_t z_vrfy_k_mem_slab_num_free_get(struct k_mem_slab *slab)
{
	K_OOPS(K_SYSCALL_OBJ(slab, K_OBJ_MEM_SLAB));
	return z_impl_k_mem_slab_num_free_get(slab);
}
#endif
