/*
 * Buffer checks for system calls: is [addr, addr + size) memory the calling
 * user thread may read (or write)? The answer follows the regions the memory
 * protection unit gives the caller: its user stack, the shared code and
 * read-only data, its domain's partitions. A port whose kernel cannot read
 * some of them for the caller (RISC-V with Smepmp: machine mode never reads
 * code or executable partitions) says so through
 * arch_user_region_kernel_readable().
 */
#include <breeze/kernel.h>
#include <kernel_structs.h>
#include <syscall_handler.h>
#include <arch_interface.h>
#include <mem_domain_internal.h>

extern char __text_region_start[];
extern char __rodata_region_start[];
extern char __rom_region_end[];

struct user_region {
	uintptr_t start;
	uintptr_t end;
	uint8_t perm; /* Z_MEM_R / W / X for the caller, as the kernel may honour them */
};

static uint8_t honoured(uint8_t perm)
{
	if ((perm & Z_MEM_X) != 0U && !arch_user_region_kernel_readable(perm)) {
		perm &= (uint8_t)~Z_MEM_R; /* the kernel cannot read it for the caller */
	}
	return perm;
}

/* The partition of @d (NULL: none) that holds @addr, if any. */
static inline const struct k_mem_partition *partition_of(const struct k_mem_domain *d,
							 uintptr_t addr)
{
	for (unsigned int i = 0; d != NULL && i < d->num_partitions; i++) {
		const struct k_mem_partition *p = &d->partitions[i];

		if (addr - p->start < p->size) {
			return p;
		}
	}
	return NULL;
}

/* The region of the current thread that contains @addr, if any. */
static bool find_region(uintptr_t addr, struct user_region *r)
{
	const struct k_thread *t = _current;
	uintptr_t s = t->userspace.user_stack_start;

	if (addr >= s && addr - s < t->userspace.user_stack_size) {
		*r = (struct user_region){ s, s + t->userspace.user_stack_size, Z_MEM_R | Z_MEM_W };
		return true;
	}
	if (addr >= (uintptr_t)__text_region_start && addr < (uintptr_t)__rodata_region_start) {
		*r = (struct user_region){ (uintptr_t)__text_region_start,
					   (uintptr_t)__rodata_region_start,
					   honoured(Z_MEM_R | Z_MEM_X) };
		return true;
	}
	if (addr >= (uintptr_t)__rodata_region_start && addr < (uintptr_t)__rom_region_end) {
		*r = (struct user_region){ (uintptr_t)__rodata_region_start,
					   (uintptr_t)__rom_region_end, Z_MEM_R };
		return true;
	}
	const struct k_mem_partition *p = partition_of(t->userspace.domain, addr);

	if (p != NULL) {
		*r = (struct user_region){ p->start, p->start + p->size, honoured(p->attr.perm) };
		return true;
	}
	return false;
}

/*
 * Remember the partition a check found for the caller's next ones
 * (z_user_partition_cached()), if the domain's stamp, read before its
 * partitions were, is still the same after: then they were the partitions
 * that stamp names (the sequence lock of z_user_write_check_stamped()).
 */
static inline void remember(struct k_thread *t, const struct k_mem_domain *d, uintptr_t start,
			    size_t size, uint8_t perm, uint32_t stamp)
{
#ifdef CONFIG_SPEED_OPTIMIZATIONS
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	if (stamp == 0U || __atomic_load_n(&d->stamp, __ATOMIC_RELAXED) != stamp) {
		return;
	}
	/* Never a mix of two partitions, should it trap meanwhile. */
	t->userspace.buf_cache.size_r = 0U;
	t->userspace.buf_cache.size_w = 0U;
	t->userspace.buf_cache.start = start;
	t->userspace.buf_cache.stamp = stamp;
	t->userspace.buf_cache.size_r = (perm & Z_MEM_R) != 0U ? size : 0U;
	t->userspace.buf_cache.size_w = (perm & Z_MEM_W) != 0U ? size : 0U;
#else
	ARG_UNUSED(t);
	ARG_UNUSED(d);
	ARG_UNUSED(start);
	ARG_UNUSED(size);
	ARG_UNUSED(perm);
	ARG_UNUSED(stamp);
#endif
}

/*
 * The next most common case: [@a, @a + @size) inside one partition of the
 * caller's domain that grants @need (Z_MEM_R or Z_MEM_W) and is not
 * executable, whose rights the port may honour differently (honoured()):
 * those, and everything else, take find_region()'s full walk.
 */
static inline bool partition_holds(uintptr_t a, size_t size, uint8_t need)
{
	struct k_thread *t = _current;
	const struct k_mem_domain *d = t->userspace.domain;
	uint32_t stamp = d != NULL ? __atomic_load_n(&d->stamp, __ATOMIC_ACQUIRE) : 0U;
	const struct k_mem_partition *p = partition_of(d, a);

	if (p == NULL || (p->attr.perm & (need | Z_MEM_X)) != need ||
	    size > p->size - (a - p->start)) {
		return false;
	}
	remember(t, d, p->start, p->size, p->attr.perm, stamp);
	return true;
}

int arch_buffer_validate(const void *addr, size_t size, bool write)
{
	uintptr_t a = (uintptr_t)addr;
	struct user_region r;

	/* Most buffers lie on the caller's own stack: one range test, no region walk. */
	if (z_user_stack_holds(addr, size)) {
		return 0;
	}
	if (partition_holds(a, size, write ? Z_MEM_W : Z_MEM_R)) {
		return 0;
	}
	if (size == 0U) {
		return 0;
	}
	if (a + size - 1U < a || !find_region(a, &r)) {
		return -EFAULT;
	}
	if ((r.perm & (write ? Z_MEM_W : Z_MEM_R)) == 0U || size > r.end - a) {
		return -EFAULT;
	}
	return 0;
}

/*
 * The cacheable part of a write check: is [@a, @a + @size) inside one
 * partition of @d that user mode may write? Whatever else the caller may
 * write (its stack) is its own, not the domain's.
 */
static bool domain_writable(const struct k_mem_domain *d, uintptr_t a, size_t size)
{
	const struct k_mem_partition *p = partition_of(d, a);

	return p != NULL && (honoured(p->attr.perm) & Z_MEM_W) != 0U &&
	       size <= p->size - (a - p->start);
}

/*
 * The check itself is arch_buffer_validate()'s, unchanged. The domain's stamp
 * is read before and after its partitions, as a sequence lock: the domain
 * stamps 0 while they change (mem_domain.c), and a stamp is never given
 * twice, so the same stamp twice means the partitions read were the ones it
 * names. An empty range is nobody's partition: no stamp.
 */
int z_user_write_check_stamped(const void *addr, size_t size, uint32_t *stamp)
{
	const struct k_mem_domain *d = _current->userspace.domain;
	uint32_t s = d != NULL ? __atomic_load_n(&d->stamp, __ATOMIC_ACQUIRE) : 0U;
	int ret = arch_buffer_validate(addr, size, true);

	if (ret != 0 || s == 0U || size == 0U || !domain_writable(d, (uintptr_t)addr, size)) {
		s = 0U;
	}
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	*stamp = s != 0U && __atomic_load_n(&d->stamp, __ATOMIC_RELAXED) == s ? s : 0U;
	return ret;
}

size_t arch_user_readable_len(const void *addr)
{
	struct user_region r;

	if (!find_region((uintptr_t)addr, &r) || (r.perm & Z_MEM_R) == 0U) {
		return 0;
	}
	return r.end - (uintptr_t)addr;
}

bool z_thread_may_write(const struct k_thread *t, const void *addr, size_t size)
{
	uintptr_t a = (uintptr_t)addr;
	uintptr_t off = a - t->userspace.user_stack_start;

	if ((t->base.user_options & K_USER) != 0U && off < t->userspace.user_stack_size &&
	    size <= t->userspace.user_stack_size - off) {
		return true;
	}
	return t->userspace.domain != NULL && domain_writable(t->userspace.domain, a, size);
}
