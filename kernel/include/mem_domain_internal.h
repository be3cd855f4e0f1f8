/*
 * Memory domain internals: membership of threads, and the thread stack objects
 * that user threads run on.
 */
#ifndef BREEZE_MEM_DOMAIN_INTERNAL_H
#define BREEZE_MEM_DOMAIN_INTERNAL_H

#include <breeze/kernel.h>
#include <kernel_structs.h>

/* True if some domain gives user mode write access to part of [addr, addr + size). */
bool z_mem_domain_user_writable(const void *addr, size_t size);

/*
 * Domain stamps. Every change of a domain's partitions gives it a new stamp,
 * never given before (a 32-bit count; once spent, every domain stamps 0 and
 * nothing is cached any more). So "a partition of the domain stamped S lets
 * user mode write [a, a + n)" stays true for as long as some domain is
 * stamped S: a kernel object may remember S instead of redoing the check
 * (the memory slabs do, mem_slab.c). 0 means "do not cache": a domain in the
 * middle of a change, or a thread without a domain.
 */

#ifdef CONFIG_USERSPACE
/* The stamp of the calling thread's domain (a plain read: see k_mem_domain.stamp). */
static inline uint32_t z_mem_domain_current_stamp(void)
{
	const struct k_mem_domain *d = _current->userspace.domain;

	return d != NULL ? d->stamp : 0U;
}
#endif

/*
 * Whether the calling user thread may write [@addr, @addr + @size), as
 * arch_buffer_validate(): 0 or -EFAULT. When one writable partition of its
 * domain covers the whole range besides, *@stamp is that domain's stamp, read
 * before and after the partitions were; else 0 (the partitions changed
 * meanwhile, or only the caller's own stack allows it: that is no property
 * of the domain).
 */
int z_user_write_check_stamped(const void *addr, size_t size, uint32_t *stamp);

/* Put @t in @domain / take it out of its domain. */
void z_mem_domain_thread_add(struct k_mem_domain *domain, struct k_thread *t);
void z_mem_domain_thread_remove(struct k_thread *t);

/*
 * The first bytes of a thread stack object (inside its reserved, kernel-only
 * part): the object header, the object's usable size and the thread running
 * on it, if any. A user thread's k_thread_create() claims the owner word by
 * compare-and-swap (z_stack_claim()); laying the stack out then stores the
 * new thread there.
 */
struct z_stack_hdr {
	struct z_object_hdr hdr;
	uint32_t user_size;
	struct k_thread *owner;
};
BUILD_ASSERT(sizeof(struct z_stack_hdr) <= Z_USER_STACK_HDR_SIZE);

struct z_stack_desc_info {
	size_t user_size;
};

/* Size of a stack object: 0 or -EINVAL if @stack is not one. */
int z_stack_object_info(const k_thread_stack_t *stack, struct z_stack_desc_info *info);

/*
 * Make @t the owner of @stack, atomically, if the stack is free: no owner, or
 * one that no longer runs on it. Of two creators racing for one stack exactly
 * one gets true. Until the stack is laid out for @t the owner word holds @t
 * marked "being created", so that the stack stays taken while @t's old state
 * (dead, or on another stack) is still visible.
 */
bool z_stack_claim(k_thread_stack_t *stack, struct k_thread *t);

/* @t does not run on @stack (any more): free it if @t claimed or owns it. */
void z_stack_release(k_thread_stack_t *stack, struct k_thread *t);

#endif /* BREEZE_MEM_DOMAIN_INTERNAL_H */
