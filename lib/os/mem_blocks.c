/*
 * sys_mem_blocks (include/breeze/sys/mem_blocks.h): a bitmap allocator whose
 * every bit changes by an atomic or (set) or and (clear), so that user
 * threads share a pool without a lock or a system call.
 *
 * An allocation of one block reads a bitmap word, picks its lowest clear bit
 * and sets it with one atomic or, whose old value says whether it was still
 * free; a free clears its bit with one atomic and, whose old value says
 * whether the block was allocated.
 * Several blocks are taken one at a time and given back if the call cannot
 * be completed, so a failed call leaves the pool as it found it (other
 * threads may meanwhile have seen a block taken for a moment).
 */
#include <errno.h>
#include <breeze/sys/mem_blocks.h>

/* The index of the one bit set in @bit (a power of two). */
static inline uint32_t bit_index(uint32_t bit)
{
#if defined(__riscv) && !defined(__riscv_zbb)
	/* No count-trailing-zeros instruction: a de Bruijn sequence finds it. */
	static const uint8_t position[32] = { 0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20,
					      15, 25, 17, 4,  8,  31, 27, 13, 23, 21, 19,
					      16, 7,  26, 12, 18, 6,  11, 5,  10, 9 };

	return position[(bit * 0x077cb531U) >> 27];
#else
	return (uint32_t)__builtin_ctz(bit);
#endif
}

/*
 * A block's bit is set with acquire and cleared with release ordering: what
 * the last holder wrote into a block is visible to the next one. The reads
 * that only choose a bit are relaxed; the atomic read-modify-write decides.
 */
static inline uint32_t word_read(const atomic_t *word)
{
	return (uint32_t)__atomic_load_n(word, __ATOMIC_RELAXED);
}

/* Sets @bits in @word: its bits before. */
static inline uint32_t word_set(atomic_t *word, uint32_t bits)
{
	return (uint32_t)__atomic_fetch_or(word, (atomic_val_t)bits, __ATOMIC_ACQUIRE);
}

/* Clears @bits in @word: its bits before. */
static inline uint32_t word_clear(atomic_t *word, uint32_t bits)
{
	return (uint32_t)__atomic_fetch_and(word, (atomic_val_t)~bits, __ATOMIC_RELEASE);
}

static inline bool take(sys_mem_blocks_t *mb, uint32_t i)
{
	uint32_t bit = 1U << (i % ATOMIC_BITS);

	return (word_set(&mb->bitmap[i / ATOMIC_BITS], bit) & bit) == 0U;
}

static inline bool give(sys_mem_blocks_t *mb, uint32_t i)
{
	uint32_t bit = 1U << (i % ATOMIC_BITS);

	return (word_clear(&mb->bitmap[i / ATOMIC_BITS], bit) & bit) != 0U;
}

static inline bool is_taken(const sys_mem_blocks_t *mb, uint32_t i)
{
	return (word_read(&mb->bitmap[i / ATOMIC_BITS]) & (1U << (i % ATOMIC_BITS))) != 0U;
}

static inline void *block_at(const sys_mem_blocks_t *mb, uint32_t i)
{
	return mb->buffer + ((uintptr_t)i << mb->info.blk_sz_shift);
}

/* The index of the block starting at @p, or false if no block of @mb does. */
static bool index_of(const sys_mem_blocks_t *mb, const void *p, uint32_t *index)
{
	uintptr_t offset = (uintptr_t)p - (uintptr_t)mb->buffer; /* huge if p is below */
	uintptr_t i = offset >> mb->info.blk_sz_shift;

	if (i >= mb->info.num_blocks || (offset & ((1U << mb->info.blk_sz_shift) - 1U)) != 0U) {
		return false;
	}
	*index = (uint32_t)i;
	return true;
}

/* @count blocks from @first on, @first already valid: all within the pool? */
static bool run_fits(const sys_mem_blocks_t *mb, uint32_t first, size_t count)
{
	return count <= mb->info.num_blocks - first;
}

/* The @count blocks from @p on, all the pool's: true, and *@first the index of @p. */
static bool run_of(const sys_mem_blocks_t *mb, const void *p, size_t count, uint32_t *first)
{
	return index_of(mb, p, first) && run_fits(mb, *first, count);
}

/*
 * Takes the lowest free block: its index, or -1 if none is free. The bit is
 * set with one atomic or; if another thread set it first, the or's result
 * shows the word as it now is, and the next clear bit is tried.
 */
static inline __attribute__((always_inline)) long take_any(sys_mem_blocks_t *mb)
{
	uint32_t n = mb->info.num_blocks;

	for (uint32_t k = 0; k * ATOMIC_BITS < n; k++) {
		atomic_t *word = &mb->bitmap[k];
		uint32_t seen = word_read(word);

		for (;;) {
			uint32_t bit = ~seen & (seen + 1U); /* the lowest clear bit */
			uint32_t i = k * ATOMIC_BITS + bit_index(bit);

			/* Bits past the last block are never set: a clear one there means full. */
			if (bit == 0U || i >= n) {
				break;
			}
			seen = word_set(word, bit);
			if ((seen & bit) == 0U) {
				return (long)i;
			}
		}
	}
	return -1;
}

/* Several blocks, one at a time; given back if not all can be had. */
static __attribute__((noinline)) int alloc_several(sys_mem_blocks_t *mb, size_t count,
						   void **out_blocks)
{
	if (count > mb->info.num_blocks) {
		return -ENOMEM;
	}
	for (size_t got = 0; got < count; got++) {
		long i = take_any(mb);

		if (i < 0) {
			(void)sys_mem_blocks_free(mb, got, out_blocks);
			return -ENOMEM;
		}
		out_blocks[got] = block_at(mb, (uint32_t)i);
	}
	return 0;
}

int sys_mem_blocks_alloc(sys_mem_blocks_t *mem_block, size_t count, void **out_blocks)
{
	if (mem_block == NULL || (out_blocks == NULL && count != 0U)) {
		return -EINVAL;
	}
	if (count != 1U) {
		return alloc_several(mem_block, count, out_blocks);
	}
	/* The common case: no loop, no undo, no stack frame. */
	long i = take_any(mem_block);

	if (i < 0) {
		return -ENOMEM;
	}
	out_blocks[0] = block_at(mem_block, (uint32_t)i);
	return 0;
}

/*
 * Takes blocks @first to @first + @count - 1 one at a time: true, or false
 * having given back what it took, and with *@taken the block found taken.
 */
static bool take_run(sys_mem_blocks_t *mb, uint32_t first, size_t count, uint32_t *taken)
{
	for (uint32_t i = first; i < first + count; i++) {
		if (!take(mb, i)) {
			*taken = i;
			while (i-- > first) {
				(void)give(mb, i);
			}
			return false;
		}
	}
	return true;
}

int sys_mem_blocks_alloc_contiguous(sys_mem_blocks_t *mem_block, size_t count, void **out_block)
{
	if (mem_block == NULL || out_block == NULL) {
		return -EINVAL;
	}
	if (count == 0U) {
		*out_block = NULL;
		return 0;
	}
	if (count > mem_block->info.num_blocks) {
		return -ENOMEM;
	}
	uint32_t first = 0;

	while (run_fits(mem_block, first, count)) {
		uint32_t taken;

		if (take_run(mem_block, first, count, &taken)) {
			*out_block = block_at(mem_block, first);
			return 0;
		}
		first = taken + 1U; /* no run through a taken block */
	}
	return -ENOMEM;
}

int sys_mem_blocks_get(sys_mem_blocks_t *mem_block, void *in_block, size_t count)
{
	uint32_t first;
	uint32_t taken;

	if (mem_block == NULL) {
		return -EINVAL;
	}
	if (count == 0U) {
		return 0;
	}
	if (!run_of(mem_block, in_block, count, &first)) {
		return -EFAULT;
	}
	return take_run(mem_block, first, count, &taken) ? 0 : -ENOMEM;
}

int sys_mem_blocks_is_region_free(sys_mem_blocks_t *mem_block, void *in_block, size_t count)
{
	uint32_t first;

	if (mem_block == NULL || !run_of(mem_block, in_block, count, &first)) {
		return 0;
	}
	for (uint32_t i = first; i < first + count; i++) {
		if (is_taken(mem_block, i)) {
			return 0;
		}
	}
	return 1;
}

int sys_mem_blocks_free(sys_mem_blocks_t *mem_block, size_t count, void **in_blocks)
{
	uint32_t i;
	int ret = 0;

	if (mem_block == NULL || (in_blocks == NULL && count != 0U)) {
		return -EINVAL;
	}
	if (count == 1U) {
		/* The common case: one check, one atomic and. */
		if (!index_of(mem_block, in_blocks[0], &i)) {
			return -EFAULT;
		}
		return give(mem_block, i) ? 0 : -EFAULT;
	}
	for (size_t k = 0; k < count; k++) {
		if (!index_of(mem_block, in_blocks[k], &i)) {
			return -EFAULT; /* nothing freed yet */
		}
	}
	for (size_t k = 0; k < count; k++) {
		(void)index_of(mem_block, in_blocks[k], &i);
		if (!give(mem_block, i)) {
			ret = -EFAULT; /* not allocated (or listed twice) */
		}
	}
	return ret;
}

int sys_mem_blocks_free_contiguous(sys_mem_blocks_t *mem_block, void *block, size_t count)
{
	uint32_t first;
	int ret = 0;

	if (mem_block == NULL) {
		return -EINVAL;
	}
	if (count == 0U) {
		return 0;
	}
	if (!run_of(mem_block, block, count, &first)) {
		return -EFAULT;
	}
	for (uint32_t i = first; i < first + count; i++) {
		if (!give(mem_block, i)) {
			ret = -EFAULT;
		}
	}
	return ret;
}
