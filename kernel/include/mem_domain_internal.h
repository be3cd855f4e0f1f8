/*
 * Memory domain internals: membership of threads, and the thread stack objects
 * that user threads run on.
 */
#ifndef BREEZE_MEM_DOMAIN_INTERNAL_H
#define BREEZE_MEM_DOMAIN_INTERNAL_H

#include <breeze/kernel.h>

/* True if some domain gives user mode write access to part of [addr, addr + size). */
bool z_mem_domain_user_writable(const void *addr, size_t size);

/* Put @t in @domain / take it out of its domain. */
void z_mem_domain_thread_add(struct k_mem_domain *domain, struct k_thread *t);
void z_mem_domain_thread_remove(struct k_thread *t);

/*
 * The first bytes of a thread stack object (inside its reserved, kernel-only
 * part): the object header, the object's usable size and the thread running
 * on it, if any.
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

/* True while a live thread runs on @stack. */
bool z_stack_in_use(const k_thread_stack_t *stack);

#endif /* BREEZE_MEM_DOMAIN_INTERNAL_H */
