/*
 * The kernel object registry: validation, permissions and init-once state for
 * every object user mode may name (CONFIG_USERSPACE).
 *
 * Validation is O(1): an object's header holds its slot index, and a pointer is
 * accepted only if it lies in kernel RAM and that slot points back at it.
 * User memory never holds registry data, so forging a header in a partition
 * gets nowhere: the slot does not point back at the forgery.
 *
 * Slot 0 is never used, so a zeroed header (a variable nobody initialised)
 * reads as "not an object".
 */
#include <string.h>
#include <ksched.h>
#include <kobject_internal.h>
#include <syscall_handler.h>
#include <mem_domain_internal.h>
#include <kuser.h>

struct z_object z_object_registry[CONFIG_MAX_KERNEL_OBJECTS];
static struct k_spinlock obj_lock;

/* Permission indexes of live threads; bit set = taken. */
static uint32_t thread_index_used[Z_PERM_WORDS];

struct z_object *k_object_find(const void *obj)
{
	return z_object_find_inline(obj);
}

static unsigned int perm_index(const struct k_thread *t)
{
	return t->userspace.perm_index;
}

bool z_object_has_perm(const struct z_object *ko, const struct k_thread *t)
{
	unsigned int i = perm_index(t);

	return (ko->flags & K_OBJ_FLAG_PUBLIC) != 0U || (ko->perms[i / 32U] & BIT(i % 32U)) != 0U;
}

void z_object_perm_set(struct z_object *ko, struct k_thread *t)
{
	unsigned int i = perm_index(t);

	atomic_or((atomic_t *)&ko->perms[i / 32U], (atomic_val_t)BIT(i % 32U));
}

void z_object_perm_clear(struct z_object *ko, struct k_thread *t)
{
	unsigned int i = perm_index(t);

	atomic_and((atomic_t *)&ko->perms[i / 32U], ~(atomic_val_t)BIT(i % 32U));
}

int k_object_validate(struct z_object *ko, enum k_objects otype, enum _obj_init_check init)
{
	if (ko == NULL || (otype != K_OBJ_ANY && ko->type != otype)) {
		return -EBADF;
	}
	if (!z_object_has_perm(ko, _current)) {
		return -EPERM;
	}
	long state = atomic_get(&ko->state);

	if (init == _OBJ_INIT_TRUE && state != Z_OBJ_INITIALIZED) {
		return -EINVAL;
	}
	if (init == _OBJ_INIT_FALSE && state != Z_OBJ_UNINITIALIZED) {
		return -EADDRINUSE;
	}
	return 0;
}

extern char __app_smem_start[];
extern char __app_smem_end[];

/*
 * An object in memory that user threads can write (an application partition)
 * would let them rewrite kernel state such as wait queue links: refused.
 * Thread stack objects are the exception, their header being in the
 * privileged part of the stack.
 */
static size_t object_size(enum k_objects otype)
{
	switch (otype) {
	case K_OBJ_THREAD:
		return sizeof(struct k_thread);
	case K_OBJ_SEM:
		return sizeof(struct k_sem);
	case K_OBJ_MUTEX:
		return sizeof(struct k_mutex);
	default:
		return sizeof(struct z_stack_hdr);
	}
}

static bool in_user_memory(const void *obj, enum k_objects otype)
{
	const char *p = obj;

	return (p >= __app_smem_start && p < __app_smem_end) ||
	       (otype != K_OBJ_THREAD_STACK_ELEMENT && z_stack_is_user_capable(obj)) ||
	       z_mem_domain_user_writable(obj, object_size(otype));
}

bool z_object_any_in_range(uintptr_t start, size_t size)
{
	for (unsigned int s = 1; s < CONFIG_MAX_KERNEL_OBJECTS; s++) {
		uintptr_t o = (uintptr_t)z_object_registry[s].obj;

		if (o != 0U && o < start + size &&
		    start < o + object_size(z_object_registry[s].type)) {
			return true;
		}
	}
	return false;
}

struct z_object *z_object_register(void *obj, enum k_objects otype, uint8_t flags)
{
	if (in_user_memory(obj, otype)) {
		printk("kernel object %p lies in user-writable memory: not registered\n", obj);
		return NULL;
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(obj);

	if (ko == NULL || ko->type != otype) {
		/* A new object, or new storage reusing the address of another type. */
		if (ko == NULL) {
			for (unsigned int i = 1; i < CONFIG_MAX_KERNEL_OBJECTS; i++) {
				if (z_object_registry[i].obj == NULL) {
					ko = &z_object_registry[i];
					break;
				}
			}
		}
		if (ko != NULL) {
			memset(ko, 0, sizeof(*ko));
			ko->obj = obj;
			ko->type = (uint8_t)otype;
			ko->flags = flags;
			((struct z_object_hdr *)obj)->idx = (uint32_t)(ko - z_object_registry);
		}
	}
	k_spin_unlock(&obj_lock, key);
	return ko;
}

int z_object_init_begin(void *obj, enum k_objects otype, bool reinit)
{
	struct z_object *ko = k_object_find(obj);

	if (ko == NULL || ko->type != otype) {
		if (z_syscall_in_progress()) {
			return -EBADF; /* user callers name registered objects only */
		}
		ko = z_object_register(obj, otype, 0);
		if (ko == NULL) {
			return -ENOMEM;
		}
	}
	if (atomic_cas(&ko->state, Z_OBJ_UNINITIALIZED, Z_OBJ_INITIALIZING)) {
		return 0;
	}
	if (_current->userspace.initializing == obj) {
		return 0; /* the *_init an init_once() initialiser calls on its own object */
	}
	if (reinit && atomic_cas(&ko->state, Z_OBJ_INITIALIZED, Z_OBJ_INITIALIZING)) {
		return 0;
	}
	return atomic_get(&ko->state) == Z_OBJ_INITIALIZING ? -EBUSY : -EALREADY;
}

void z_object_init_end(void *obj, bool ok)
{
	struct z_object *ko = k_object_find(obj);

	if (_current->userspace.initializing == obj) {
		return; /* k_object_init_once() concludes */
	}
	if (ko != NULL) {
		atomic_set(&ko->state, ok ? Z_OBJ_INITIALIZED : Z_OBJ_UNINITIALIZED);
	}
}

void z_object_uninit(void *obj)
{
	struct z_object *ko = k_object_find(obj);

	if (ko != NULL) {
		atomic_set(&ko->state, Z_OBJ_UNINITIALIZED);
	}
}

int k_object_init_once(void *obj, enum k_objects otype, int (*init)(void *obj, void *arg),
		       void *arg)
{
	if (otype == K_OBJ_ANY || otype >= K_OBJ_LAST) {
		return -EBADF;
	}
	struct z_object *ko = k_object_find(obj);

	if (ko != NULL && ko->type != otype) {
		return -EBADF; /* registered as something else */
	}
	int ret = z_object_init_begin(obj, otype, false);

	if (ret != 0) {
		return ret;
	}
	/* The initialiser may call the type's own *_init on @obj (see above). */
	void *outer = _current->userspace.initializing;

	_current->userspace.initializing = obj;
	ret = init(obj, arg);
	_current->userspace.initializing = outer;
	z_object_init_end(obj, ret == 0);
	return ret;
}

static int take_thread_index(void)
{
	for (unsigned int w = 0; w < Z_PERM_WORDS; w++) {
		uint32_t free = ~thread_index_used[w];

		if (w == Z_PERM_WORDS - 1U && CONFIG_MAX_THREADS % 32 != 0) {
			free &= BIT(CONFIG_MAX_THREADS % 32) - 1U;
		}
		if (free != 0U) {
			unsigned int bit = (unsigned int)__builtin_ctz(free);

			thread_index_used[w] |= BIT(bit);
			return (int)(w * 32U + bit);
		}
	}
	return -1;
}

int z_thread_perms_init(struct k_thread *t, struct k_thread *parent, bool inherit)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	int idx = take_thread_index();

	if (idx < 0) {
		k_spin_unlock(&obj_lock, key);
		return -ENOMEM;
	}
	t->userspace.perm_index = (uint8_t)idx;
	/* The index was scrubbed when its last owner ended; set only what is due. */
	for (unsigned int i = 1; i < CONFIG_MAX_KERNEL_OBJECTS; i++) {
		struct z_object *ko = &z_object_registry[i];

		if (ko->obj == t || (inherit && parent != NULL && ko->obj != NULL &&
				     z_object_has_perm(ko, parent))) {
			z_object_perm_set(ko, t);
		}
	}
	k_spin_unlock(&obj_lock, key);
	return 0;
}

static bool held_by_nobody(const struct z_object *ko)
{
	for (unsigned int w = 0; w < Z_PERM_WORDS; w++) {
		if (ko->perms[w] != 0U) {
			return false;
		}
	}
	return true;
}

/* Free an allocated object (obj_lock held). */
static void free_slot_locked(struct z_object *ko);

void z_thread_perms_release(struct k_thread *t)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	unsigned int i = perm_index(t);

	for (unsigned int s = 1; s < CONFIG_MAX_KERNEL_OBJECTS; s++) {
		struct z_object *ko = &z_object_registry[s];

		if (ko->obj == NULL) {
			continue;
		}
		z_object_perm_clear(ko, t);
		if ((ko->flags & K_OBJ_FLAG_ALLOC) != 0U && ko->obj != t && held_by_nobody(ko)) {
			free_slot_locked(ko);
		}
	}
	thread_index_used[i / 32U] &= ~BIT(i % 32U);
	k_spin_unlock(&obj_lock, key);
}

/* Dynamic objects: a pool of equal blocks, each big enough for any allocatable type. */

union z_dyn_block {
	union z_dyn_block *next_free;
	struct k_thread thread;
	struct k_sem sem;
	struct k_mutex mutex;
};

static union z_dyn_block pool[CONFIG_DYNAMIC_OBJECTS_POOL_SIZE];
static union z_dyn_block *pool_free;
static bool pool_ready;

static void pool_put(union z_dyn_block *b)
{
	b->next_free = pool_free;
	pool_free = b;
}

static void free_slot_locked(struct z_object *ko)
{
	union z_dyn_block *b = ko->obj;

	memset(ko, 0, sizeof(*ko));
	memset(b, 0, sizeof(*b));
	pool_put(b);
}

/* Allocated thread objects whose thread has ended and that nobody holds any more. */
static void reap_dead_threads_locked(void)
{
	for (unsigned int s = 1; s < CONFIG_MAX_KERNEL_OBJECTS; s++) {
		struct z_object *ko = &z_object_registry[s];

		if ((ko->flags & K_OBJ_FLAG_ALLOC) != 0U && ko->type == K_OBJ_THREAD &&
		    ko->obj != _current && atomic_get(&ko->state) == Z_OBJ_UNINITIALIZED &&
		    held_by_nobody(ko)) {
			free_slot_locked(ko);
		}
	}
}

void *z_impl_k_object_alloc(enum k_objects otype)
{
	if (otype != K_OBJ_SEM && otype != K_OBJ_MUTEX && otype != K_OBJ_THREAD) {
		return NULL;
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);

	if (!pool_ready) {
		for (unsigned int i = 0; i < ARRAY_SIZE(pool); i++) {
			pool_put(&pool[i]);
		}
		pool_ready = true;
	}
	reap_dead_threads_locked();
	union z_dyn_block *b = pool_free;

	if (b == NULL) {
		k_spin_unlock(&obj_lock, key);
		return NULL;
	}
	pool_free = b->next_free;
	memset(b, 0, sizeof(*b));
	k_spin_unlock(&obj_lock, key);

	struct z_object *ko = z_object_register(b, otype, K_OBJ_FLAG_ALLOC);

	if (ko == NULL) {
		key = k_spin_lock(&obj_lock);
		pool_put(b);
		k_spin_unlock(&obj_lock, key);
		return NULL;
	}
	z_object_perm_set(ko, _current);
	return b;
}

void k_object_free(void *obj)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(obj);

	if (ko != NULL && (ko->flags & K_OBJ_FLAG_ALLOC) != 0U) {
		free_slot_locked(ko);
	}
	k_spin_unlock(&obj_lock, key);
}

/* Grants */

/*
 * A thread's permission index belongs to it only while it lives: granting to
 * (or revoking from) a dead or never started thread object would reach
 * whichever thread holds that index now.
 */
static bool thread_alive(const struct k_thread *t)
{
	const struct z_object *tko = k_object_find(t);

	return tko != NULL && tko->type == K_OBJ_THREAD && tko->state == Z_OBJ_INITIALIZED;
}

void z_impl_k_object_access_grant_typed(const void *object, struct k_thread *thread,
					enum k_objects otype)
{
	if (!thread_alive(thread)) {
		printk("k_object_access_grant: thread %p has no life; nothing granted\n",
		       (void *)thread);
		return;
	}
	struct z_object *ko = k_object_find(object);

	if (ko == NULL && otype != K_OBJ_ANY && !z_syscall_in_progress()) {
		/* A plain variable of a kernel object type, not initialised yet. */
		ko = z_object_register((void *)object, otype, 0);
	}
	if (ko == NULL) {
		printk("k_object_access_grant: %p is not a kernel object; nothing granted\n",
		       object);
		return;
	}
	z_object_perm_set(ko, thread);
}

void k_object_access_revoke(const void *object, struct k_thread *thread)
{
	struct z_object *ko = k_object_find(object);

	if (ko != NULL && thread_alive(thread)) {
		z_object_perm_clear(ko, thread);
	}
}

void z_impl_k_object_release(const void *object)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(object);

	if (ko != NULL) {
		z_object_perm_clear(ko, _current);
		if ((ko->flags & K_OBJ_FLAG_ALLOC) != 0U && held_by_nobody(ko) &&
		    (ko->type != K_OBJ_THREAD ||
		     (ko->obj != _current && atomic_get(&ko->state) == Z_OBJ_UNINITIALIZED))) {
			free_slot_locked(ko);
		}
	}
	k_spin_unlock(&obj_lock, key);
}

void k_object_access_all_grant(const void *object)
{
	struct z_object *ko = k_object_find(object);

	if (ko != NULL) {
		ko->flags |= K_OBJ_FLAG_PUBLIC;
	}
}

/* Verifiers of the object system calls */

void z_vrfy_k_object_access_grant_typed(const void *object, struct k_thread *thread,
					enum k_objects otype)
{
	K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD)); /* a live thread the caller holds */
	/* Only what the caller holds itself; its C type claim is not trusted. */
	K_OOPS(K_SYSCALL_OBJ_INIT(object, K_OBJ_ANY));
	ARG_UNUSED(otype);
	z_impl_k_object_access_grant_typed(object, thread, K_OBJ_ANY);
}

void z_vrfy_k_object_release(const void *object)
{
	K_OOPS(k_object_validate(k_object_find(object), K_OBJ_ANY, _OBJ_INIT_ANY) != 0);
	z_impl_k_object_release(object);
}

void *z_vrfy_k_object_alloc(enum k_objects otype)
{
	return z_impl_k_object_alloc(otype);
}

void z_object_foreach(enum k_objects otype, void (*fn)(void *obj, void *arg), void *arg)
{
	for (unsigned int s = 1; s < CONFIG_MAX_KERNEL_OBJECTS; s++) {
		if (z_object_registry[s].obj != NULL && z_object_registry[s].type == otype) {
			fn(z_object_registry[s].obj, arg);
		}
	}
}

/* Boot: enter the statically defined objects, already initialised. */

static void register_static(void *obj, enum k_objects otype)
{
	struct z_object *ko = z_object_register(obj, otype, 0);

	__ASSERT(ko != NULL, "CONFIG_MAX_KERNEL_OBJECTS too small for the static objects");
	if (ko != NULL && otype != K_OBJ_THREAD) {
		atomic_set(&ko->state, Z_OBJ_INITIALIZED);
	}
}

void z_object_boot_init(void)
{
	STRUCT_SECTION_FOREACH(k_sem, sem) {
		register_static(sem, K_OBJ_SEM);
	}
	STRUCT_SECTION_FOREACH(k_mutex, mutex) {
		register_static(mutex, K_OBJ_MUTEX);
	}
#ifdef CONFIG_MSGQ
	STRUCT_SECTION_FOREACH(k_msgq, msgq) {
		register_static(msgq, K_OBJ_MSGQ);
	}
#endif
#ifdef CONFIG_MEM_SLAB
	STRUCT_SECTION_FOREACH(k_mem_slab, slab) {
		register_static(slab, K_OBJ_MEM_SLAB);
	}
#endif
	STRUCT_SECTION_FOREACH(k_thread, thread) {
		register_static(thread, K_OBJ_THREAD);
	}
	STRUCT_SECTION_FOREACH(z_stack_desc, d) {
		for (unsigned int i = 0; i < d->nmemb; i++) {
			struct z_stack_hdr *hdr = (struct z_stack_hdr *)(d->stack + i * d->stride);

			register_static(hdr, K_OBJ_THREAD_STACK_ELEMENT);
			hdr->user_size = d->stride - Z_USER_STACK_RESERVED;
			hdr->owner = NULL;
		}
	}
}

void z_object_static_grants_apply(void)
{
	STRUCT_SECTION_FOREACH(z_static_grant, g) {
		for (void *const *o = g->objects; *o != NULL; o++) {
			struct z_object *ko = k_object_find(*o);

			__ASSERT(ko != NULL, "K_THREAD_ACCESS_GRANT: %p is not a kernel object",
				 *o);
			if (ko != NULL) {
				z_object_perm_set(ko, g->thread);
			}
		}
	}
}
