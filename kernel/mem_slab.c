/*
 * Memory slabs.
 *
 * The free list is chained through the free blocks, in address order after
 * init. info.num_used counts the blocks out of the list, including those
 * handed to a woken waiter (a waker passes the block's index as the waiter's
 * return value). The lock is _sched_spinlock.
 *
 * The buffer may be user-writable (see mem_slab.h), so every link read from
 * it is checked to be a block of the slab before it is followed. With user
 * mode the slab also has an allocation map, a bitmap in kernel memory, one
 * bit per block, set while the block is out of the list (a block handed to a
 * waiter stays out): a user thread may free only a block whose bit is set,
 * tested under the lock it frees under. A forged link can only name a block
 * of the slab, and taking the head of the list sets its bit, refusing one
 * that is set already (the list then ends): so no block is ever handed out
 * twice, whatever the links say, and every check is O(1). User calls also
 * cache their check of the buffer in the slab (user_check_locked()).
 */
#include <string.h>
#include <ksched.h>
#include <kobject_init.h>
#ifdef CONFIG_USERSPACE
#include <mem_domain_internal.h>
#include <syscall_attempt.h>
#endif

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

/* The index of @block, a block of @slab. */
static uint32_t index_of(const struct k_mem_slab *slab, const char *block)
{
	return (uint32_t)((size_t)(block - slab->buffer) / slab->info.block_size);
}

#ifdef CONFIG_USERSPACE
/*
 * The map's word of block @i; *@bit its bit there. Slabs without a map (too
 * big for the one inside them) serve supervisor threads only.
 */
static uint32_t *map_word(const struct k_mem_slab *slab, uint32_t i, uint32_t *bit)
{
	*bit = BIT(i % 32U);
	return &slab->map[i / 32U];
}

/* The map says block @i is allocated. */
static bool is_marked(const struct k_mem_slab *slab, uint32_t i)
{
	uint32_t bit;

	return slab->map != NULL && (*map_word(slab, i, &bit) & bit) != 0U;
}

/* The map says block @i is free (for assertions: a supervisor's double free). */
static __maybe_unused bool is_marked_free(const struct k_mem_slab *slab, uint32_t i)
{
	uint32_t bit;

	return slab->map != NULL && (*map_word(slab, i, &bit) & bit) == 0U;
}

static void map_clear(struct k_mem_slab *slab)
{
	if (slab->map != NULL) {
		memset(slab->map, 0, DIV_ROUND_UP(slab->info.num_blocks, 32U) * sizeof(uint32_t));
	}
}

/* A slab set up at run time: the map inside it, if it is big enough. */
static uint32_t *inline_map(struct k_mem_slab *slab)
{
	return slab->info.num_blocks <= 32U * Z_MEM_SLAB_MAP_WORDS ? slab->map_inline : NULL;
}
#else
static __maybe_unused bool is_marked_free(const struct k_mem_slab *slab, uint32_t i)
{
	ARG_UNUSED(slab);
	ARG_UNUSED(i);
	return false;
}

static void map_clear(struct k_mem_slab *slab)
{
	ARG_UNUSED(slab);
}
#endif

/*
 * The head of the free list leaves it: false when the map says it is
 * allocated already. A link written by a user thread can lead there (to a
 * block in use, or back to the head); the list then ends, and the block is
 * not handed out twice. Marked before its link is read: a link back to the
 * block itself then ends the list at the next take.
 */
static bool mark_taken(const struct k_mem_slab *slab, const char *block)
{
#ifdef CONFIG_USERSPACE
	if (slab->map != NULL) {
		uint32_t bit;
		uint32_t *w = map_word(slab, index_of(slab, block), &bit);

		if ((*w & bit) != 0U) {
			return false;
		}
		*w |= bit;
	}
#else
	ARG_UNUSED(slab);
	ARG_UNUSED(block);
#endif
	return true;
}

static void mark_free(const struct k_mem_slab *slab, uint32_t i)
{
#ifdef CONFIG_USERSPACE
	uint32_t bit;

	if (slab->map != NULL) {
		*map_word(slab, i, &bit) &= ~bit;
	}
#else
	ARG_UNUSED(slab);
	ARG_UNUSED(i);
#endif
}

/* The link in free block @block, if it names a block; NULL ends the list. */
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
	map_clear(slab);
	slab->free_list = next;
	slab->info.num_used = 0;
}

/* K_MEM_SLAB_DEFINE slabs: their blocks are chained before any thread runs. */
static int static_slabs_init(void)
{
	STRUCT_SECTION_FOREACH(k_mem_slab, slab) {
#ifdef CONFIG_USERSPACE
		if (slab->map == NULL) {
			slab->map = inline_map(slab); /* Z_MEM_SLAB_INITIALIZER without a map */
		}
#endif
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

	/*
	 * The buffer, its size and the cached check of it change in one hold of
	 * the lock, which user calls check the cache under: a stamp cached for
	 * the old buffer never vouches for the new one.
	 */
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	slab->buffer = buffer;
	slab->info.block_size = block_size;
	slab->info.num_blocks = num_blocks;
#ifdef CONFIG_USERSPACE
	slab->user_stamp = 0;
	slab->map = inline_map(slab);
#endif
	k_spin_unlock(&_sched_spinlock, key);
	build_free_list(slab);
	z_object_init_end_for(slab);
	return 0;
}

static ALWAYS_INLINE char *take_block_locked(struct k_mem_slab *slab)
{
	char *block = slab->free_list;

	if (block == NULL || slab->info.num_used == slab->info.num_blocks) {
		return NULL;
	}
	if (!mark_taken(slab, block)) {
		slab->free_list = NULL;
		return NULL;
	}
	slab->free_list = next_of(slab, block);
	slab->info.num_used++;
	return block;
}

#ifdef CONFIG_USERSPACE
/*
 * A user call, under the lock (*@key): the caller may write @slab's whole
 * buffer, or the call is an oops (with the lock released). The check is
 * cached in the slab as the stamp of the domain whose partitions passed it
 * (mem_domain_internal.h): a caller of that domain, unchanged since, skips
 * it. The cache is read and written under the lock, together with the buffer
 * it is for, and k_mem_slab_init() clears it in the same hold that changes
 * the buffer. A miss checks with the lock dropped (the walk of the domain's
 * partitions stays out of the interrupts-off window) and takes the lock back;
 * a slab re-initialised meanwhile on another buffer makes the call an oops.
 */
static void user_check_miss(struct k_mem_slab *slab, k_spinlock_key_t *key)
{
	uint32_t stamp;
	char *buffer = slab->buffer;
	size_t size = buffer_size(slab);
	bool mapped = slab->map != NULL;

	k_spin_unlock(&_sched_spinlock, *key);
	K_OOPS(K_SYSCALL_VERIFY_MSG(mapped, "slab %p is too big for user mode", (void *)slab));
	if (z_user_write_check_stamped(buffer, size, &stamp) != 0) {
		K_OOPS(K_SYSCALL_VERIFY_MSG(false, "slab buffer %p not writable", buffer));
	}
	*key = k_spin_lock(&_sched_spinlock);
	if (slab->buffer != buffer || buffer_size(slab) != size || slab->map == NULL) {
		k_spin_unlock(&_sched_spinlock, *key);
		K_OOPS(K_SYSCALL_VERIFY_MSG(false, "slab %p re-initialised during the call",
					    (void *)slab));
	}
	if (stamp != 0U) {
		slab->user_stamp = stamp;
	}
}

/* The check above; a hit costs a few instructions, inline. */
static ALWAYS_INLINE void user_check_locked(struct k_mem_slab *slab, k_spinlock_key_t *key)
{
	uint32_t stamp = z_mem_domain_current_stamp();

	if (stamp == 0U || slab->user_stamp != stamp) {
		user_check_miss(slab, key);
	}
}
#endif

/*
 * @user: a user thread's call, which must be allowed the buffer (checked under
 * the lock, so that the block handed out comes from the buffer checked).
 */
static ALWAYS_INLINE int alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout, bool user)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

#ifdef CONFIG_USERSPACE
	if (user) {
		user_check_locked(slab, &key);
	}
#else
	ARG_UNUSED(user);
#endif
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
	return alloc(slab, mem, timeout, false);
}

/*
 * @block, block @i, goes to the most urgent waiter (still allocated), or back
 * on the list. True if it woke a waiter.
 */
static ALWAYS_INLINE bool give_back_locked(struct k_mem_slab *slab, char *block, uint32_t i)
{
	struct k_thread *waiter = z_waitq_head(&slab->wait_q);

	if (waiter != NULL) {
		z_wake_thread(waiter, (int)i);
		return true;
	}
	__ASSERT(slab->info.num_used > 0U, "slab %p: more frees than allocations", (void *)slab);
	mark_free(slab, i);
	*(char **)block = slab->free_list;
	slab->free_list = block;
	slab->info.num_used--;
	return false;
}

/*
 * The end of a free: only a woken waiter can call for a switch (a block
 * back on the free list readies nobody), so a free that woke none skips the
 * scheduler's pick (about 25 instructions on RISC-V).
 */
static ALWAYS_INLINE void give_back_end(k_spinlock_key_t key, bool woke)
{
	if (woke) {
		z_reschedule(key);
	} else {
		k_spin_unlock(&_sched_spinlock, key);
	}
}

void z_impl_k_mem_slab_free(struct k_mem_slab *slab, void *mem)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint32_t i = index_of(slab, mem);

	__ASSERT(is_block(slab, mem) && !is_marked_free(slab, i),
		 "slab %p: %p is not an allocated block", (void *)slab, mem);
	give_back_end(key, give_back_locked(slab, mem, i));
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
 * @mem is checked once, by the copy out: a caller that could not write it
 * gets an oops, and the block it would have had goes back.
 */
/*
 * Give @block back unless it is free already: the lock was dropped after
 * the allocation, and another thread of the caller's domain may have freed
 * the block meanwhile (it is user memory, its address easy to guess).
 */
static void free_if_allocated(struct k_mem_slab *slab, char *block)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	uint32_t i = index_of(slab, block);

	if (!is_block(slab, block) || !is_marked(slab, i)) {
		k_spin_unlock(&_sched_spinlock, key);
		return;
	}
	give_back_end(key, give_back_locked(slab, block, i));
}

static Z_SYSCALL_OUT_OF_LINE int alloc_checked(struct k_mem_slab *slab, void **mem,
					       k_timeout_t timeout)
{
	void *block;

	K_OOPS(K_SYSCALL_OBJ(slab, K_OBJ_MEM_SLAB));

	int ret = alloc(slab, &block, timeout, true);

	if (ret == Z_PEND_DECLINED) {
		return ret; /* run again, in a thread context: nothing to write yet */
	}
	if (k_usermode_to_copy(mem, &block, sizeof(block)) != 0) {
		/* Not the caller's to write (or no longer, after a wait): do not leak the block. */
		if (ret == 0) {
			free_if_allocated(slab, block);
		}
		z_syscall_oops();
	}
	return ret;
}

/*
 * Tried in the trap (one CPU), nothing else runs until the call ends: a
 * pointer word the caller may write, on its stack or in the partition it used
 * last, takes the block straight (no copy through the kernel stack, a byte at
 * a time where the word might be misaligned), and a wait the call cannot
 * make here is declined before anything but a NULL is written there.
 */
int z_vrfy_k_mem_slab_alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout)
{
	if (z_syscall_attempting() && K_SYSCALL_OBJ_FAST(slab, K_OBJ_MEM_SLAB) &&
	    ((uintptr_t)mem & (sizeof(void *) - 1U)) == 0U &&
	    K_SYSCALL_MEMORY_FAST(mem, sizeof(void *), true)) {
		return alloc(slab, mem, timeout, true);
	}
	return alloc_checked(slab, mem, timeout);
}

/*
 * Checked and freed under one lock: of two threads freeing one block, the
 * second finds its bit clear.
 */
void z_vrfy_k_mem_slab_free(struct k_mem_slab *slab, void *mem)
{
	K_OOPS(K_SYSCALL_OBJ(slab, K_OBJ_MEM_SLAB));

	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	user_check_locked(slab, &key);

	uint32_t i = index_of(slab, mem);

	if (!is_block(slab, mem) || !is_marked(slab, i)) {
		k_spin_unlock(&_sched_spinlock, key);
		K_OOPS(K_SYSCALL_VERIFY_MSG(false, "%p is not an allocated block of slab %p", mem,
					    (void *)slab));
	}
	give_back_end(key, give_back_locked(slab, mem, i));
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
