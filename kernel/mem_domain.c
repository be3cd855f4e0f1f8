/*
 * Memory domains (CONFIG_USERSPACE): the checks of Zephyr's k_mem_domain_*
 * API. The architecture encodes a domain's partitions into its MPU/PMP image
 * (arch_mem_domain_encode) each time the domain changes; switching to a
 * member thread then only copies that image. A change is refused, and the
 * domain left as it was, when the image would not fit.
 *
 * Member threads pick the new image up the next time they are switched in,
 * before they run a single user instruction. With SMP, a member running on
 * another CPU cannot wait for that: the change interrupts every CPU running
 * a thread it concerns, and returns only once each has reloaded its PMP
 * (z_smp_domain_sync()), so no thread runs a user instruction under a stale
 * permission after the call returns.
 */
#include <string.h>
#include <ksched.h>
#include <sched_smp.h>
#include <mem_domain_internal.h>
#include <kobject_internal.h>
#include <arch_interface.h>
#include <kuser.h>

struct k_mem_domain k_mem_domain_default;

static struct k_spinlock domain_lock;

/* Every initialised domain: consulted when a kernel object is registered. */
static sys_dlist_t domains = SYS_DLIST_STATIC_INIT(&domains);

/* A change made: CPUs running threads it concerns reload their PMP first (SMP). */
static void domain_sync(const struct k_mem_domain *domain, const struct k_thread *thread)
{
#ifdef CONFIG_SMP
	z_smp_domain_sync(domain, thread);
#else
	ARG_UNUSED(domain);
	ARG_UNUSED(thread);
#endif
}

static bool overlap_range(uintptr_t a, size_t asz, uintptr_t b, size_t bsz)
{
	return a < b + bsz && b < a + asz;
}

/*
 * One domain per hold of the lock, however many domains there are. Walking
 * on with the lock released in between is safe because a domain never
 * leaves the list: the node in hand stays linked, and a domain added
 * meanwhile is appended behind it.
 */
bool z_mem_domain_user_writable(const void *addr, size_t size)
{
	bool hit = false;
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	sys_dnode_t *n = sys_dlist_peek_head(&domains);

	k_spin_unlock(&domain_lock, key);
	while (n != NULL && !hit) {
		key = k_spin_lock(&domain_lock);

		const struct k_mem_domain *d = CONTAINER_OF(n, struct k_mem_domain, node);

		for (unsigned int i = 0; i < d->num_partitions && !hit; i++) {
			const struct k_mem_partition *p = &d->partitions[i];

			hit = K_MEM_PARTITION_IS_WRITABLE(p->attr) &&
			      overlap_range(p->start, p->size, (uintptr_t)addr, size);
		}
		n = sys_dlist_peek_next(&domains, n);
		k_spin_unlock(&domain_lock, key);
	}
	return hit;
}

/*
 * A stamp never given before (see mem_domain_internal.h); under domain_lock.
 * Once the count is spent, 0 for good: a stamp given again could make a check
 * cached against a domain's old partitions pass for its new ones.
 */
static uint32_t next_stamp(void)
{
	static uint32_t last;

	if (last != UINT32_MAX) {
		last++;
	}
	return last != UINT32_MAX ? last : 0U;
}

static int check_partition(const struct k_mem_partition *part)
{
	if (part == NULL || part->size == 0U) {
		return -EINVAL;
	}
	if (part->start + part->size < part->start) {
		return -EINVAL; /* wraps around the address space */
	}
	if (((part->start | part->size) & (ARCH_MEM_PARTITION_ALIGN - 1U)) != 0U) {
		return -EINVAL;
	}
	if (K_MEM_PARTITION_IS_WRITABLE(part->attr) && K_MEM_PARTITION_IS_EXECUTABLE(part->attr)) {
		return -EINVAL; /* writable and executable: refused outright */
	}
	return 0;
}

/* Validate and encode @parts; on success they become @domain's partitions. */
static int domain_set(struct k_mem_domain *domain, struct k_mem_partition *const parts[],
		      unsigned int n)
{
	struct k_mem_domain next;

	if (n > CONFIG_MAX_DOMAIN_PARTITIONS) {
		return -ENOSPC;
	}
	memset(&next, 0, sizeof(next));
	for (unsigned int i = 0; i < n; i++) {
		int ret = check_partition(parts[i]);

		if (ret != 0) {
			return ret;
		}
		for (unsigned int j = 0; j < i; j++) {
			if (overlap_range(parts[i]->start, parts[i]->size, parts[j]->start,
					  parts[j]->size)) {
				return -EINVAL;
			}
		}
		next.partitions[i] = *parts[i];
	}
	next.num_partitions = (uint8_t)n;
	int ret = arch_mem_domain_encode(&next);

	if (ret != 0) {
		return ret;
	}
#ifdef CONFIG_SMP
	/* Under the scheduler's lock too: another CPU switching to a member reads the image under
	 * it. */
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
#endif
	/* Stamped 0 while the partitions change, as a sequence lock: see
	 * z_user_write_check_stamped(). */
	__atomic_store_n(&domain->stamp, 0U, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	memcpy(&domain->arch, &next.arch, sizeof(next.arch));
	memcpy(domain->partitions, next.partitions, sizeof(next.partitions));
	domain->num_partitions = next.num_partitions;
	__atomic_store_n(&domain->stamp, next_stamp(), __ATOMIC_RELEASE);
#ifdef CONFIG_SMP
	k_spin_unlock(&_sched_spinlock, key);
#endif
	if (!sys_dnode_is_linked(&domain->node)) {
#ifdef CONFIG_DYNAMIC_OBJECTS
		domain->dyn_objects = 0; /* a new domain: nothing allocated is charged to it */
#endif
		sys_dlist_append(&domains, &domain->node);
	}
	/* Called from an ISR that interrupted a member: it returns to the new image. */
	if (_current->userspace.domain == domain && (_current->base.user_options & K_USER) != 0U) {
		arch_mem_domain_thread_load(_current);
	}
	return 0;
}

int k_mem_domain_init(struct k_mem_domain *domain, uint8_t num_parts,
		      struct k_mem_partition *parts[])
{
	if (domain == NULL || (num_parts != 0U && parts == NULL)) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	int ret = domain_set(domain, parts, num_parts);

	k_spin_unlock(&domain_lock, key);
	domain_sync(domain, NULL);
	return ret;
}

int k_mem_domain_add_partition(struct k_mem_domain *domain, struct k_mem_partition *part)
{
	struct k_mem_partition *parts[CONFIG_MAX_DOMAIN_PARTITIONS + 1];

	if (domain == NULL || part == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	unsigned int n = domain->num_partitions;

	for (unsigned int i = 0; i < n; i++) {
		parts[i] = &domain->partitions[i];
	}
	parts[n] = part;
	int ret = domain_set(domain, parts, n + 1U);

	k_spin_unlock(&domain_lock, key);
	domain_sync(domain, NULL);
	return ret;
}

int k_mem_domain_remove_partition(struct k_mem_domain *domain, struct k_mem_partition *part)
{
	struct k_mem_partition *parts[CONFIG_MAX_DOMAIN_PARTITIONS];
	struct k_mem_partition keep[CONFIG_MAX_DOMAIN_PARTITIONS];

	if (domain == NULL || part == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	unsigned int n = 0;
	bool found = false;

	for (unsigned int i = 0; i < domain->num_partitions; i++) {
		const struct k_mem_partition *p = &domain->partitions[i];

		if (!found && p->start == part->start && p->size == part->size) {
			found = true;
			continue;
		}
		keep[n] = *p;
		parts[n] = &keep[n];
		n++;
	}
	int ret = found ? domain_set(domain, parts, n) : -ENOENT;

	k_spin_unlock(&domain_lock, key);
	domain_sync(domain, NULL);
	return ret;
}

/*
 * A thread joining a domain (a new thread too) forgets where its buffers
 * were: the stamps would tell the domains apart anyway, but a thread without
 * a domain must not hold a cached partition at all (z_user_partition_cached()
 * reads its domain's stamp).
 */
static inline void forget_buffers(struct k_thread *t)
{
#ifdef CONFIG_SPEED_OPTIMIZATIONS
	t->userspace.buf_cache.size_r = 0U;
	t->userspace.buf_cache.size_w = 0U;
#else
	ARG_UNUSED(t);
#endif
}

void z_mem_domain_thread_add(struct k_mem_domain *domain, struct k_thread *t)
{
	forget_buffers(t);
	t->userspace.domain = domain;
}

void z_mem_domain_thread_remove(struct k_thread *t)
{
	forget_buffers(t);
	t->userspace.domain = NULL;
}

int k_mem_domain_add_thread(struct k_mem_domain *domain, struct k_thread *thread)
{
	if (domain == NULL || thread == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	z_mem_domain_thread_add(domain, thread);
	if (thread == _current && (thread->base.user_options & K_USER) != 0U) {
		arch_mem_domain_thread_load(thread);
	}
	k_spin_unlock(&_sched_spinlock, key);
	domain_sync(NULL, thread);
	return 0;
}

/* Thread stack objects */

int z_stack_object_info(const k_thread_stack_t *stack, struct z_stack_desc_info *info)
{
	struct z_object *ko = k_object_find(stack);

	if (ko == NULL || ko->type != K_OBJ_THREAD_STACK_ELEMENT) {
		return -EINVAL;
	}
	info->user_size = ((const struct z_stack_hdr *)stack)->user_size;
	return 0;
}

/* The owner word of a claim whose stack is not laid out yet. */
#define CLAIMED(t) ((atomic_val_t)((uintptr_t)(t) | 1U))

static atomic_t *owner_word(k_thread_stack_t *stack)
{
	return (atomic_t *)&((struct z_stack_hdr *)stack)->owner;
}

bool z_stack_claim(k_thread_stack_t *stack, struct k_thread *t)
{
	atomic_val_t seen = atomic_get(owner_word(stack));
	const struct k_thread *owner = (const struct k_thread *)seen;

	if ((seen & 1) != 0) {
		return false; /* another creator's claim */
	}
	/* An owner that ended, or was created anew elsewhere, left a stale word. */
	if (owner != NULL && (owner->base.thread_state & _THREAD_DEAD) == 0U &&
	    owner->stack_info.start == (uintptr_t)stack) {
		return false;
	}
	return atomic_cas(owner_word(stack), seen, CLAIMED(t));
}

void z_stack_release(k_thread_stack_t *stack, struct k_thread *t)
{
	if (z_stack_is_user_capable(stack) &&
	    !atomic_cas(owner_word(stack), (atomic_val_t)t, (atomic_val_t)NULL)) {
		(void)atomic_cas(owner_word(stack), CLAIMED(t), (atomic_val_t)NULL);
	}
}

/* As z_mem_domain_user_writable(): one domain per hold of the lock, and domains never leave. */
void k_mem_domain_foreach(k_mem_domain_cb_t cb, void *user_data)
{
	struct k_mem_domain copy;
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	sys_dnode_t *n = sys_dlist_peek_head(&domains);

	k_spin_unlock(&domain_lock, key);
	while (n != NULL) {
		const struct k_mem_domain *d = CONTAINER_OF(n, struct k_mem_domain, node);

		key = k_spin_lock(&domain_lock);
		copy = *d;
		n = sys_dlist_peek_next(&domains, n);
		k_spin_unlock(&domain_lock, key);
		cb(d, &copy, user_data);
	}
}

static int domain_boot_init(void)
{
	return k_mem_domain_init(&k_mem_domain_default, 0, NULL);
}

SYS_INIT(domain_boot_init, PRE_KERNEL_1, 0);
