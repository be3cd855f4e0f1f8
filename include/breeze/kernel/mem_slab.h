/*
 * Memory slabs: a buffer cut into equal blocks, handed out and taken back in
 * O(1), with threads blocking while every block is taken.
 *
 * Free blocks are chained through their first word, as in Zephyr. A freed
 * block goes straight to the most urgent waiter, if any.
 *
 * Breeze goes further than Zephyr here: alloc, free and the two counters are
 * system calls (CONFIG_USERSPACE), so that user threads can share a slab whose
 * buffer lies in a memory partition they can write (k_mem_slab_init() on a
 * K_APP_BMEM buffer, by a supervisor thread; the slab itself is a granted
 * kernel object). The rules for user callers:
 * - the whole buffer must be writable by the caller, else the call is an oops
 *   (so a slab in kernel memory, such as K_MEM_SLAB_DEFINE's, stays kernel
 *   only: user code never gets a pointer it could not use anyway);
 * - a freed pointer must be the start of a block of that slab that is
 *   currently allocated, else the call is an oops (this catches double frees).
 *   The kernel knows which blocks are allocated from a bitmap of its own, one
 *   bit per block, so the check is O(1) under the lock it frees under: two
 *   threads freeing one block cannot both pass. K_MEM_SLAB_DEFINE puts the
 *   bitmap beside the buffer, sized for it; k_mem_slab_init(), whose Zephyr
 *   signature has no room for one, uses CONFIG_MEM_SLAB_MAP_WORDS words inside
 *   the slab (32 blocks by default): a bigger slab set up at run time is for
 *   supervisor threads only (a user call on it is an oops).
 * Since user threads may write into the buffer, the kernel trusts no link it
 * reads from it: a link that is not a block of the slab, or that leads to a
 * block the bitmap says is allocated, ends the free list. A user thread
 * scribbling over free blocks can so lose them for everyone sharing the slab,
 * but never have one block handed out twice, nor make the kernel touch memory
 * outside the buffer.
 *
 * To let user threads use a K_MEM_SLAB_DEFINE slab, put its buffer in a
 * partition: K_MEM_SLAB_DEFINE_IN_SECT(name, K_APP_BMEM(part), ...). The
 * check that the caller may write the buffer is cached in the slab, as the
 * stamp of the caller's memory domain (docs/userspace.md, "Memory slabs").
 */
#ifndef BREEZE_KERNEL_MEM_SLAB_H
#define BREEZE_KERNEL_MEM_SLAB_H

#include <breeze/kernel/thread.h>

struct k_mem_slab_info {
	uint32_t num_blocks;
	size_t block_size;
	uint32_t num_used;
};

#ifdef CONFIG_MEM_SLAB_MAP_WORDS
#define Z_MEM_SLAB_MAP_WORDS CONFIG_MEM_SLAB_MAP_WORDS
#else
#define Z_MEM_SLAB_MAP_WORDS 1
#endif

struct k_mem_slab {
	Z_OBJECT_HDR
	_wait_q_t wait_q;
	char *buffer;
	char *free_list;
	struct k_mem_slab_info info;
#ifdef CONFIG_USERSPACE
	/* Bit i % 32 of word i / 32 set: block i is allocated. NULL: no map, no user calls. */
	uint32_t *map;
	/* A domain stamp whose partitions let user mode write the whole buffer, or 0. */
	uint32_t user_stamp;
	uint32_t map_inline[Z_MEM_SLAB_MAP_WORDS]; /* the map of a slab set up at run time */
#endif
};

#ifdef CONFIG_USERSPACE
#define Z_MEM_SLAB_MAP_INIT(slab_map)  .map = (slab_map), .user_stamp = 0,
/* A kernel-side allocation map of @n blocks for the slab @name (it is never in a partition). */
#define Z_MEM_SLAB_MAP_DEFINE(name, n) static uint32_t _k_mem_slab_map_##name[DIV_ROUND_UP(n, 32)];
#define Z_MEM_SLAB_MAP(name)           _k_mem_slab_map_##name
#else
#define Z_MEM_SLAB_MAP_INIT(slab_map)
#define Z_MEM_SLAB_MAP_DEFINE(name, n)
#define Z_MEM_SLAB_MAP(name) NULL
#endif

/*
 * The free list of a statically defined slab is built at boot. @slab_map:
 * its allocation map, NULL for the one inside the slab (when it fits).
 */
#define Z_MEM_SLAB_INITIALIZER_MAP(obj, slab_buffer, slab_block_size, slab_num_blocks, slab_map)  \
	{                                                                                         \
		Z_OBJECT_HDR_INIT.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .buffer = (slab_buffer), \
		.free_list = NULL,                                                                \
		.info = { .num_blocks = (slab_num_blocks),                                        \
			  .block_size = (slab_block_size),                                        \
			  .num_used = 0 },                                                        \
		Z_MEM_SLAB_MAP_INIT(slab_map)                                                     \
	}

#define Z_MEM_SLAB_INITIALIZER(obj, slab_buffer, slab_block_size, slab_num_blocks) \
	Z_MEM_SLAB_INITIALIZER_MAP(obj, slab_buffer, slab_block_size, slab_num_blocks, NULL)

/* Blocks are word multiples: a free block holds the link to the next one. */
#define Z_MEM_SLAB_BLOCK_SIZE(size) ROUND_UP(size, sizeof(void *))

#define Z_MEM_SLAB_DEFINE_IN_SECT(storage, name, in_section, slab_block_size, slab_num_blocks,     \
				  slab_align)                                                      \
	Z_MEM_SLAB_MAP_DEFINE(name, slab_num_blocks)                                               \
	static char in_section __aligned(Z_MEM_SLAB_BLOCK_SIZE(slab_align))                        \
	    _k_mem_slab_buf_##name[(slab_num_blocks)*Z_MEM_SLAB_BLOCK_SIZE(slab_block_size)];      \
	storage STRUCT_SECTION_ITERABLE(k_mem_slab, name) = Z_MEM_SLAB_INITIALIZER_MAP(            \
	    name, _k_mem_slab_buf_##name, Z_MEM_SLAB_BLOCK_SIZE(slab_block_size), slab_num_blocks, \
	    Z_MEM_SLAB_MAP(name));                                                                 \
	BUILD_ASSERT((slab_block_size) > 0 && (slab_num_blocks) > 0 &&                             \
			 IS_POWER_OF_TWO(slab_align),                                              \
		     "K_MEM_SLAB_DEFINE: empty slab or bad alignment")

#define Z_MEM_SLAB_DEFINE(storage, name, slab_block_size, slab_num_blocks, slab_align)       \
	Z_MEM_SLAB_DEFINE_IN_SECT(storage, name, __noinit, slab_block_size, slab_num_blocks, \
				  slab_align)

/*
 * A slab of @slab_num_blocks blocks of @slab_block_size bytes (rounded up to a
 * word multiple), the buffer aligned to @slab_align (a power of two).
 */
#define K_MEM_SLAB_DEFINE(name, slab_block_size, slab_num_blocks, slab_align) \
	Z_MEM_SLAB_DEFINE(, name, slab_block_size, slab_num_blocks, slab_align)

/* The same, with the slab private to its file. */
#define K_MEM_SLAB_DEFINE_STATIC(name, slab_block_size, slab_num_blocks, slab_align) \
	Z_MEM_SLAB_DEFINE(static, name, slab_block_size, slab_num_blocks, slab_align)

/*
 * K_MEM_SLAB_DEFINE with the buffer given the attribute @in_section, as in
 * Zephyr: K_APP_BMEM(part) puts it in a partition, for user threads.
 */
#define K_MEM_SLAB_DEFINE_IN_SECT(name, in_section, slab_block_size, slab_num_blocks, slab_align) \
	Z_MEM_SLAB_DEFINE_IN_SECT(, name, in_section, slab_block_size, slab_num_blocks, slab_align)

#define K_MEM_SLAB_DEFINE_IN_SECT_STATIC(name, in_section, slab_block_size, slab_num_blocks,  \
					 slab_align)                                          \
	Z_MEM_SLAB_DEFINE_IN_SECT(static, name, in_section, slab_block_size, slab_num_blocks, \
				  slab_align)

/*
 * A slab of @slab_num_blocks blocks that each hold one @type: the block size
 * and alignment are the type's (a type's size is a multiple of its alignment,
 * so every block is aligned for it).
 */
#define K_MEM_SLAB_DEFINE_TYPE(name, type, slab_num_blocks) \
	K_MEM_SLAB_DEFINE(name, sizeof(type), slab_num_blocks, __alignof__(type))

/* The same, with the slab private to its file. */
#define K_MEM_SLAB_DEFINE_STATIC_TYPE(name, type, slab_num_blocks) \
	K_MEM_SLAB_DEFINE_STATIC(name, sizeof(type), slab_num_blocks, __alignof__(type))

/*
 * Set up @slab over @buffer (@num_blocks * @block_size bytes). 0, or -EINVAL
 * when @block_size is smaller than a pointer or not a multiple of one, when
 * @buffer is not pointer-aligned, or when the buffer size overflows.
 * Supervisor mode only; the slab must not be in use when re-initialised.
 */
int k_mem_slab_init(struct k_mem_slab *slab, void *buffer, size_t block_size, uint32_t num_blocks);

/*
 * Take a block into *@mem: 0, -ENOMEM when none is free with K_NO_WAIT (also
 * from an ISR), -EAGAIN on timeout. *@mem is NULL on failure.
 */
__syscall int k_mem_slab_alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout);

/* Give back a block from k_mem_slab_alloc() (also from an ISR). */
__syscall void k_mem_slab_free(struct k_mem_slab *slab, void *mem);

__syscall uint32_t k_mem_slab_num_used_get(struct k_mem_slab *slab);
__syscall uint32_t k_mem_slab_num_free_get(struct k_mem_slab *slab);

#endif /* BREEZE_KERNEL_MEM_SLAB_H */
