/*
 * The kernel object registry: validation, permissions and init-once state for
 * every object user mode may name (CONFIG_USERSPACE), and the pool of
 * dynamic objects.
 *
 * Validation is O(1): an object's header holds its slot index, and a pointer is
 * accepted only if it lies in kernel RAM and that slot points back at it.
 * User memory never holds registry data, so forging a header in a partition
 * gets nowhere: the slot does not point back at the forgery.
 *
 * Slot 0 is never used, so a zeroed header (a variable nobody initialised)
 * reads as "not an object".
 *
 * Concurrency: system calls are preemptible, so whatever decides who may use
 * an object (its slot, its permission bits, the liveness of the thread a
 * grant names, the index that thread owns) is read and changed within one
 * hold of obj_lock. Each hold does a bounded amount of work: slots come from
 * a free list, and the scans over every slot (inheriting grants, cleaning up
 * after dead threads) go in chunks of SCAN_CHUNK slots with the lock released
 * in between, where the reasons given at each scan make that safe.
 */
#include <string.h>
#include <ksched.h>
#include <kobject_internal.h>
#include <syscall_handler.h>
#include <mem_domain_internal.h>
#include <kuser.h>

/* Slots one hold of obj_lock visits at most in a scan over the registry. */
#define SCAN_CHUNK 16U

struct z_object z_object_registry[CONFIG_MAX_KERNEL_OBJECTS];
static struct k_spinlock obj_lock;

/* Free slots: a list through z_object.next_free, then the never used ones. */
static uint16_t free_slots;
static uint16_t slots_touched = 1U;

/*
 * Permission indexes. used: taken by a live thread, or by a dead one whose
 * bits are still set somewhere. dead: ended, waiting for the clean-up;
 * cleaning: the dead ones the clean-up pass in progress handles, which has
 * reached slot clean_next.
 */
static uint32_t index_used[Z_PERM_WORDS];
static uint32_t index_dead[Z_PERM_WORDS];
static uint32_t index_cleaning[Z_PERM_WORDS];
static unsigned int clean_next;

/*
 * An object whose storage its owner wiped keeps its slot, but its header no
 * longer names it: Zephyr lets code clear the struct of a thread once it has
 * ended (even from the ISR that aborted it), and later create a thread there
 * again. The slot is found by address and the header mended, so the grants
 * made on the object still hold. A scan of the slots in use, only when the
 * O(1) check has failed: for a pointer that is no object, or one that is
 * being registered.
 */
static struct z_object *find_wiped(const void *obj)
{
	uintptr_t p = (uintptr_t)obj;

	if ((p & 3U) != 0U || p < (uintptr_t)__data_region_start ||
	    p > (uintptr_t)_end - sizeof(struct z_object_hdr)) {
		return NULL;
	}
	for (unsigned int i = 1U; i < slots_touched; i++) {
		if (z_object_registry[i].obj == obj) {
			((struct z_object_hdr *)obj)->idx = i;
			return &z_object_registry[i];
		}
	}
	return NULL;
}

struct z_object *k_object_find(const void *obj)
{
	struct z_object *ko = z_object_find_inline(obj);

	return ko != NULL ? ko : find_wiped(obj);
}

static unsigned int perm_index(const struct k_thread *t)
{
	return t->userspace.perm_index;
}

#ifdef CONFIG_SPEED_OPTIMIZATIONS
uint32_t z_object_generation;

/*
 * After a change that may refuse what a check passed before: every thread's
 * object cache is stale from here on. The change is made first, so that a
 * check which reads the new generation also sees it; atomic, so that two
 * changes on two CPUs make two generations.
 */
static void checks_invalidated(void)
{
	(void)__atomic_add_fetch(&z_object_generation, 1U, __ATOMIC_ACQ_REL);
}

static void obj_cache_clear(struct k_thread *t)
{
	t->userspace.obj_cache.type[0] = K_OBJ_ANY;
	t->userspace.obj_cache.type[1] = K_OBJ_ANY;
	t->userspace.obj_cache.generation = 0U;
}
#else
static inline void checks_invalidated(void)
{
}

static inline void obj_cache_clear(struct k_thread *t)
{
	ARG_UNUSED(t);
}
#endif

bool z_object_has_perm(const struct z_object *ko, const struct k_thread *t)
{
	unsigned int i = perm_index(t);

	return (ko->flags & K_OBJ_FLAG_PUBLIC) != 0U || (ko->perms[i / 32U] & BIT(i % 32U)) != 0U;
}

static void perm_set(struct z_object *ko, const struct k_thread *t)
{
	unsigned int i = perm_index(t);

	ko->perms[i / 32U] |= BIT(i % 32U);
}

static void perm_clear(struct z_object *ko, const struct k_thread *t)
{
	unsigned int i = perm_index(t);

	ko->perms[i / 32U] &= ~BIT(i % 32U);
	checks_invalidated();
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
#ifdef CONFIG_MSGQ
	case K_OBJ_MSGQ:
		return sizeof(struct k_msgq);
#endif
#ifdef CONFIG_MEM_SLAB
	case K_OBJ_MEM_SLAB:
		return sizeof(struct k_mem_slab);
#endif
#ifdef CONFIG_K_STACK
	case K_OBJ_STACK:
		return sizeof(struct k_stack);
#endif
#ifdef CONFIG_K_QUEUE
	case K_OBJ_QUEUE:
		return sizeof(struct k_queue);
#endif
#ifdef CONFIG_EVENTS
	case K_OBJ_EVENT:
		return sizeof(struct k_event);
#endif
#ifdef CONFIG_PIPES
	case K_OBJ_PIPE:
		return sizeof(struct k_pipe);
#endif
#ifdef CONFIG_K_TIMER
	case K_OBJ_TIMER:
		return sizeof(struct k_timer);
#endif
#ifdef CONFIG_POLL
	case K_OBJ_POLL_SIGNAL:
		return sizeof(struct k_poll_signal);
#endif
#ifdef CONFIG_K_CONDVAR
	case K_OBJ_CONDVAR:
		return sizeof(struct k_condvar);
#endif
	default:
		return sizeof(struct z_stack_hdr);
	}
}

static bool in_user_memory(const void *obj, size_t size, enum k_objects otype)
{
	const char *p = obj;

	return (p >= __app_smem_start && p < __app_smem_end) ||
	       (otype != K_OBJ_THREAD_STACK_ELEMENT && z_stack_is_user_capable(obj)) ||
	       z_mem_domain_user_writable(obj, size);
}

/* Slots */

static struct z_object *slot_take_locked(void)
{
	unsigned int i = free_slots;

	if (i != 0U) {
		free_slots = z_object_registry[i].next_free;
	} else if (slots_touched < CONFIG_MAX_KERNEL_OBJECTS) {
		i = slots_touched++;
	} else {
		return NULL;
	}
	return &z_object_registry[i];
}

/* Enter @obj in @ko (a fresh slot, or the one of an object of another type at that address). */
static void slot_fill_locked(struct z_object *ko, void *obj, enum k_objects otype, uint8_t flags)
{
	memset(ko, 0, sizeof(*ko));
	ko->obj = obj;
	ko->type = (uint8_t)otype;
	ko->flags = flags;
	((struct z_object_hdr *)obj)->idx = (uint32_t)(ko - z_object_registry);
	checks_invalidated(); /* the slot may have held this address as another type */
}

struct z_object *z_object_register(void *obj, enum k_objects otype, uint8_t flags)
{
	if (in_user_memory(obj, object_size(otype), otype)) {
		printk("kernel object %p lies in user-writable memory: not registered\n", obj);
		return NULL;
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(obj);

	if (ko == NULL || ko->type != otype) {
		/* A new object, or new storage reusing the address of another type. */
		if (ko == NULL) {
			ko = slot_take_locked();
		}
		if (ko != NULL) {
			slot_fill_locked(ko, obj, otype, flags);
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
		checks_invalidated();
		return 0;
	}
	return atomic_get(&ko->state) == Z_OBJ_INITIALIZING ? -EBUSY : -EALREADY;
}

/*
 * A user thread re-initialising a semaphore, mutex or condvar that is initialised
 * already, as Zephyr lets it (a test re-initialises its objects before each
 * case). Re-initialising wait-queue links under a waiter, or the owner of a
 * locked mutex, would corrupt kernel state: so only an idle object is
 * re-initialised (-EBUSY otherwise), and under the scheduler lock, which
 * every operation on these objects takes, held until z_object_init_end(): no
 * thread can start waiting on it or lock it half way through.
 */
static struct k_thread *reinit_holder;
static k_spinlock_key_t reinit_key;

static bool idle_locked(void *obj, enum k_objects otype)
{
	if (otype == K_OBJ_SEM) {
		return z_waitq_head(&((struct k_sem *)obj)->wait_q) == NULL;
	}
#ifdef CONFIG_K_CONDVAR
	if (otype == K_OBJ_CONDVAR) {
		return z_waitq_head(&((struct k_condvar *)obj)->wait_q) == NULL;
	}
#endif
	struct k_mutex *mutex = obj;

	return mutex->owner == NULL && z_waitq_head(&mutex->wait_q) == NULL;
}

int z_object_init_begin_user(void *obj, enum k_objects otype)
{
	int ret = z_object_init_begin(obj, otype, false);

	if (ret != -EALREADY ||
	    (otype != K_OBJ_SEM && otype != K_OBJ_MUTEX && otype != K_OBJ_CONDVAR)) {
		return ret;
	}
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (atomic_get(&k_object_find(obj)->state) != Z_OBJ_INITIALIZED ||
	    !idle_locked(obj, otype)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
	reinit_holder = _current;
	reinit_key = key;
	return 0;
}

void z_object_init_end(void *obj, bool ok)
{
	struct z_object *ko = k_object_find(obj);

	if (reinit_holder == _current) {
		/* A re-initialisation: the object stays initialised. */
		reinit_holder = NULL;
		k_spin_unlock(&_sched_spinlock, reinit_key);
		return;
	}
	if (_current->userspace.initializing == obj) {
		return; /* k_object_init_once() concludes */
	}
	if (ko != NULL) {
		atomic_set(&ko->state, ok ? Z_OBJ_INITIALIZED : Z_OBJ_UNINITIALIZED);
		if (!ok) {
			checks_invalidated();
		}
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

#ifdef CONFIG_DYNAMIC_OBJECTS
/* Dynamic objects: a pool of equal blocks, each big enough for any allocatable type. */

union z_dyn_block {
	union z_dyn_block *next_free;
	struct k_thread thread;
	struct k_sem sem;
	struct k_mutex mutex;
#ifdef CONFIG_K_QUEUE
	struct k_queue queue;
#endif
#ifdef CONFIG_K_STACK
	struct k_stack stack;
#endif
#ifdef CONFIG_EVENTS
	struct k_event event;
#endif
#ifdef CONFIG_K_CONDVAR
	struct k_condvar condvar;
#endif
#ifdef CONFIG_PIPES
	struct k_pipe pipe;
#endif
#ifdef CONFIG_MSGQ
	struct k_msgq msgq;
#endif
#ifdef CONFIG_POLL
	struct k_poll_signal poll_signal;
#endif
};

static union z_dyn_block pool[CONFIG_DYNAMIC_OBJECTS_POOL_SIZE];
static union z_dyn_block *pool_free;
static bool pool_ready;
/* The domain each block is charged to (allocated from user mode), or NULL. */
static struct k_mem_domain *slot_domain[CONFIG_DYNAMIC_OBJECTS_POOL_SIZE];

static void pool_put(union z_dyn_block *b)
{
	b->next_free = pool_free;
	pool_free = b;
}

/*
 * The ring k_msgq_alloc_init() gave an allocated queue goes back to its heap
 * with the queue (as Zephyr cleans a queue up on its last release). The ring
 * is noted under obj_lock, by block, and freed once the lock is released
 * (k_free() takes the scheduler's lock, which ranks above obj_lock): by the
 * call that freed the queue, or by the allocation that takes its block next.
 */
static void *rings_to_free[CONFIG_DYNAMIC_OBJECTS_POOL_SIZE];

static void note_ring_locked(const struct z_object *ko, union z_dyn_block *b)
{
#ifdef CONFIG_MSGQ
	if (ko->type == K_OBJ_MSGQ && (b->msgq.flags & K_MSGQ_FLAG_ALLOC) != 0U) {
		rings_to_free[b - pool] = b->msgq.buffer_start;
	}
#else
	ARG_UNUSED(ko);
	ARG_UNUSED(b);
#endif
}

static void free_noted_rings(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(rings_to_free); i++) {
		k_spinlock_key_t key = k_spin_lock(&obj_lock);
		void *ring = rings_to_free[i];

		rings_to_free[i] = NULL;
		k_spin_unlock(&obj_lock, key);
		k_free(ring);
	}
}

/* A slot is free again only when its object, an allocated one, is. */
static void slot_put_locked(struct z_object *ko)
{
	memset(ko, 0, sizeof(*ko));
	ko->next_free = free_slots;
	free_slots = (uint16_t)(ko - z_object_registry);
	checks_invalidated();
}

/* An allocated object goes back to the pool, and its charge to its domain. */
static void free_slot_locked(struct z_object *ko)
{
	union z_dyn_block *b = ko->obj;
	struct k_mem_domain **charge = &slot_domain[b - pool];

	note_ring_locked(ko, b);
	if (*charge != NULL) {
		(*charge)->dyn_objects--;
		*charge = NULL;
	}
	slot_put_locked(ko);
	memset(b, 0, sizeof(*b));
	pool_put(b);
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

/*
 * An allocated object that nobody holds and whose storage nobody uses: a
 * thread object only once its thread has ended (and switched out for good),
 * never one that is public (users need no grant, so none can be counted).
 */
static bool unused_locked(const struct z_object *ko)
{
	return (ko->flags & (K_OBJ_FLAG_ALLOC | K_OBJ_FLAG_PUBLIC)) == K_OBJ_FLAG_ALLOC &&
	       held_by_nobody(ko) &&
	       (ko->type != K_OBJ_THREAD ||
		(ko->obj != _current && atomic_get(&ko->state) == Z_OBJ_UNINITIALIZED));
}

/* An allocated object whose last holder has just gone back to the pool. */
static void free_if_unused_locked(struct z_object *ko)
{
	if (unused_locked(ko)) {
		free_slot_locked(ko);
	}
}
#else
/* Without dynamic objects nothing is allocated, so nothing goes with its last holder. */
static inline void free_if_unused_locked(struct z_object *ko)
{
	ARG_UNUSED(ko);
}

static inline void free_noted_rings(void)
{
}
#endif /* CONFIG_DYNAMIC_OBJECTS */

/* Thread indexes and the clean-up after dead threads */

static bool any_bit(const uint32_t *words)
{
	for (unsigned int w = 0; w < Z_PERM_WORDS; w++) {
		if (words[w] != 0U) {
			return true;
		}
	}
	return false;
}

/*
 * One step of the clean-up of dead threads' indexes: clear their bits in up
 * to SCAN_CHUNK slots and free the allocated objects that only they held.
 * Returns false when there was nothing left to do.
 *
 * Releasing the lock between steps is safe: a dead thread's index stays
 * taken (index_used) until the pass over every slot is complete, so no new
 * thread can get those bits; a dead thread can be granted nothing (it is no
 * longer alive), so the bits can only go away; a slot filled meanwhile starts
 * with clear bits; and each slot is looked at under the lock, so whoever takes
 * the next step continues where the last one stopped.
 */
static bool clean_step(void)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);

	if (!any_bit(index_cleaning)) {
		if (!any_bit(index_dead)) {
			k_spin_unlock(&obj_lock, key);
			return false;
		}
		memcpy(index_cleaning, index_dead, sizeof(index_cleaning));
		memset(index_dead, 0, sizeof(index_dead));
		clean_next = 1U;
	}
	unsigned int end = MIN(clean_next + SCAN_CHUNK, (unsigned int)slots_touched);

	for (unsigned int s = clean_next; s < end; s++) {
		struct z_object *ko = &z_object_registry[s];

		if (ko->obj == NULL) {
			continue;
		}
		for (unsigned int w = 0; w < Z_PERM_WORDS; w++) {
			ko->perms[w] &= ~index_cleaning[w];
		}
		free_if_unused_locked(ko);
	}
	clean_next = end;
	if (end == slots_touched) {
		for (unsigned int w = 0; w < Z_PERM_WORDS; w++) {
			index_used[w] &= ~index_cleaning[w];
		}
		memset(index_cleaning, 0, sizeof(index_cleaning));
	}
	k_spin_unlock(&obj_lock, key);
	return true;
}

/* Finish the clean-up after every thread that has ended so far. */
static void clean_dead_threads(void)
{
	while (clean_step()) {
	}
	free_noted_rings();
}

static int take_thread_index(void)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);

	for (unsigned int w = 0; w < Z_PERM_WORDS; w++) {
		uint32_t free = ~index_used[w];

		if (w == Z_PERM_WORDS - 1U && CONFIG_MAX_THREADS % 32 != 0) {
			free &= BIT(CONFIG_MAX_THREADS % 32) - 1U;
		}
		if (free != 0U) {
			unsigned int bit = (unsigned int)__builtin_ctz(free);

			index_used[w] |= BIT(bit);
			k_spin_unlock(&obj_lock, key);
			return (int)(w * 32U + bit);
		}
	}
	k_spin_unlock(&obj_lock, key);
	return -1;
}

/*
 * Give @t every grant @parent holds but the one on @parent itself. In
 * chunks: @t does not run yet and cannot be granted anything by others (it is
 * not alive yet), and each slot is judged under the lock as it is then; a
 * grant @parent gets or loses meanwhile counts as made before or after the
 * new thread was created.
 */
static void inherit_grants(struct k_thread *t, const struct k_thread *parent)
{
	for (unsigned int start = 1U; start < slots_touched; start += SCAN_CHUNK) {
		k_spinlock_key_t key = k_spin_lock(&obj_lock);
		unsigned int end = MIN(start + SCAN_CHUNK, (unsigned int)slots_touched);

		for (unsigned int s = start; s < end; s++) {
			struct z_object *ko = &z_object_registry[s];

			/* All but the parent itself, as in Zephyr: a child is no handle on its
			 * creator. */
			if (ko->obj != NULL && ko->obj != parent && z_object_has_perm(ko, parent)) {
				perm_set(ko, t);
			}
		}
		k_spin_unlock(&obj_lock, key);
	}
}

int z_thread_perms_init(struct k_thread *t, struct k_thread *parent, bool inherit)
{
	/* Indexes of threads that ended are free again once cleaned up. */
	clean_dead_threads();

	int idx = take_thread_index();

	if (idx < 0) {
		return -ENOMEM;
	}
	t->userspace.perm_index = (uint8_t)idx;
	obj_cache_clear(t); /* the storage may have been another thread's */

	/* The index's bits were cleared after its last owner: set only what is due. */
	k_spinlock_key_t key = k_spin_lock(&obj_lock);

	perm_set(k_object_find(t), t);
	k_spin_unlock(&obj_lock, key);
	if (inherit && parent != NULL) {
		inherit_grants(t, parent);
	}
	return 0;
}

void z_thread_perms_release(struct k_thread *t)
{
	/*
	 * O(1) under the scheduler lock the caller holds: the thread stops
	 * being alive (grants to it are refused from now on) and its index
	 * waits for the clean-up, which the next thread creation or object
	 * allocation does in chunks (clean_step()).
	 */
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(t);
	unsigned int i = perm_index(t);

	if (ko != NULL) {
		atomic_set(&ko->state, Z_OBJ_UNINITIALIZED);
		checks_invalidated();
	}
	index_dead[i / 32U] |= BIT(i % 32U);
	k_spin_unlock(&obj_lock, key);
}

#ifdef CONFIG_DYNAMIC_OBJECTS
/* Allocation */

/*
 * The types a thread can allocate: those whose whole state is the object
 * (wait queues and lists of the caller's items) and that user mode can
 * initialise. Timers and memory slabs stay out: a supervisor-only init, and a
 * timer freed while it runs would leave its node on the timeout list.
 */
static bool allocatable(enum k_objects otype)
{
	switch (otype) {
	case K_OBJ_SEM:
	case K_OBJ_MUTEX:
	case K_OBJ_THREAD:
#ifdef CONFIG_K_QUEUE
	case K_OBJ_QUEUE:
#endif
#ifdef CONFIG_K_STACK
	case K_OBJ_STACK:
#endif
#ifdef CONFIG_EVENTS
	case K_OBJ_EVENT:
#endif
#ifdef CONFIG_K_CONDVAR
	case K_OBJ_CONDVAR:
#endif
#ifdef CONFIG_PIPES
	case K_OBJ_PIPE:
#endif
#ifdef CONFIG_MSGQ
	case K_OBJ_MSGQ:
#endif
#ifdef CONFIG_POLL
	case K_OBJ_POLL_SIGNAL:
#endif
		return true;
	default:
		return false;
	}
}

/*
 * The caller gets a new object that it holds from the moment it exists: the
 * block, the slot, the permission and the charge are taken in one hold of
 * the lock, so no other thread ever sees the object held by nobody (it
 * would look free to the clean-up).
 */
static void *object_alloc(enum k_objects otype, struct k_mem_domain *charge)
{
	if (!allocatable(otype)) {
		return NULL;
	}
	/* Objects only ended threads held go back to the pool (and their quota) first. */
	clean_dead_threads();
	if (in_user_memory(pool, sizeof(pool), K_OBJ_ANY)) {
		printk("k_object_alloc: the object pool is user-writable; nothing allocated\n");
		return NULL;
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);

	if (!pool_ready) {
		for (unsigned int i = 0; i < ARRAY_SIZE(pool); i++) {
			pool_put(&pool[i]);
		}
		pool_ready = true;
	}
	union z_dyn_block *b = pool_free;
	struct z_object *ko = NULL;

	if (b != NULL &&
	    (charge == NULL || charge->dyn_objects < CONFIG_DYNAMIC_OBJECTS_DOMAIN_QUOTA)) {
		ko = slot_take_locked();
	}
	if (ko == NULL) {
		k_spin_unlock(&obj_lock, key);
		return NULL;
	}
	pool_free = b->next_free;
	memset(b, 0, sizeof(*b));
	slot_fill_locked(ko, b, otype, K_OBJ_FLAG_ALLOC);
	perm_set(ko, _current);
	if (charge != NULL) {
		charge->dyn_objects++;
		slot_domain[b - pool] = charge;
	}
	/* A ring still noted for this block goes now, before the block can note another. */
	void *ring = rings_to_free[b - pool];

	rings_to_free[b - pool] = NULL;
	k_spin_unlock(&obj_lock, key);
	k_free(ring);
	return b;
}

void *z_impl_k_object_alloc(enum k_objects otype)
{
	return object_alloc(otype, NULL); /* supervisor threads have no quota */
}

void k_object_free(void *obj)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(obj);

	if (ko != NULL && (ko->flags & K_OBJ_FLAG_ALLOC) != 0U) {
		free_slot_locked(ko);
	}
	k_spin_unlock(&obj_lock, key);
	free_noted_rings();
}
#endif /* CONFIG_DYNAMIC_OBJECTS */

/* Grants */

/*
 * A thread's permission index belongs to it only while it lives: granting to
 * (or revoking from) a dead or never started thread object would reach
 * whichever thread holds that index now. Checked under obj_lock, together
 * with the change of the bit: a thread ends (z_thread_perms_release()) under
 * the same lock.
 */
static bool thread_alive_locked(const struct k_thread *t)
{
	const struct z_object *tko = k_object_find(t);

	return tko != NULL && tko->type == K_OBJ_THREAD &&
	       atomic_get(&tko->state) == Z_OBJ_INITIALIZED;
}

void z_impl_k_object_access_grant_typed(const void *object, struct k_thread *thread,
					enum k_objects otype)
{
	if (k_object_find(object) == NULL && !z_syscall_in_progress()) {
		/*
		 * A plain variable of a kernel object type, not initialised yet:
		 * its type from the pointer's C type, else from the image's table.
		 */
		(void)z_object_register_static((void *)object, otype);
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	bool alive = thread_alive_locked(thread);
	struct z_object *ko = k_object_find(object);

	if (alive && ko != NULL) {
		perm_set(ko, thread);
	}
	k_spin_unlock(&obj_lock, key);
	if (!alive) {
		printk("k_object_access_grant: thread %p has no life; nothing granted\n",
		       (void *)thread);
	} else if (ko == NULL) {
		printk("k_object_access_grant: %p is not a kernel object; nothing granted\n",
		       object);
	}
}

void k_object_access_revoke(const void *object, struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(object);

	if (ko != NULL && thread_alive_locked(thread)) {
		perm_clear(ko, thread);
		/* As Zephyr documents: an allocated object nobody holds any more is freed. */
		free_if_unused_locked(ko);
	}
	k_spin_unlock(&obj_lock, key);
	free_noted_rings();
}

void z_impl_k_object_release(const void *object)
{
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(object);

	if (ko != NULL) {
		perm_clear(ko, _current);
		free_if_unused_locked(ko);
	}
	k_spin_unlock(&obj_lock, key);
	free_noted_rings();
}

void k_object_access_all_grant(const void *object)
{
	if (k_object_find(object) == NULL) {
		(void)z_object_register_static((void *)object, K_OBJ_ANY);
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(object);

	if (ko != NULL) {
		ko->flags |= K_OBJ_FLAG_PUBLIC;
	}
	k_spin_unlock(&obj_lock, key);
}

/* Verifiers of the object system calls */

void z_vrfy_k_object_access_grant_typed(const void *object, struct k_thread *thread,
					enum k_objects otype)
{
	/*
	 * Only what the caller holds, to a thread it holds; its C type claim is
	 * not trusted. The implementation checks again, under the lock, that
	 * the thread is alive as the bit is set.
	 */
	K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
	K_OOPS(K_SYSCALL_OBJ_INIT(object, K_OBJ_ANY));
	ARG_UNUSED(otype);
	z_impl_k_object_access_grant_typed(object, thread, K_OBJ_ANY);
}

void z_vrfy_k_object_release(const void *object)
{
	K_OOPS(k_object_validate(k_object_find(object), K_OBJ_ANY, _OBJ_INIT_ANY) != 0);
	z_impl_k_object_release(object);
}

#ifdef CONFIG_DYNAMIC_OBJECTS
void *z_vrfy_k_object_alloc(enum k_objects otype)
{
	/* Charged to the caller's domain: one domain cannot take the whole pool. */
	return object_alloc(otype, _current->userspace.domain);
}
#endif

void z_object_foreach(enum k_objects otype, void (*fn)(void *obj, void *arg), void *arg)
{
	for (unsigned int s = 1; s < slots_touched; s++) {
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

/*
 * The statically defined objects of a type: the linker gathers them into an
 * array of their own (iterable_sections.h). One table and one loop instead of
 * a loop per type.
 */
struct static_objects {
	void *start;
	void *end;
	uint16_t size;
	uint8_t otype;
};

#define STATIC_OBJECTS(type, otype)                                                  \
	{                                                                            \
		_##type##_list_start, _##type##_list_end, sizeof(struct type), otype \
	}

STRUCT_SECTION_START_EXTERN(k_sem);
STRUCT_SECTION_END_EXTERN(k_sem);
STRUCT_SECTION_START_EXTERN(k_mutex);
STRUCT_SECTION_END_EXTERN(k_mutex);
#ifdef CONFIG_MSGQ /* its type is declared only then */
STRUCT_SECTION_START_EXTERN(k_msgq);
STRUCT_SECTION_END_EXTERN(k_msgq);
#endif
#ifdef CONFIG_MEM_SLAB
STRUCT_SECTION_START_EXTERN(k_mem_slab);
STRUCT_SECTION_END_EXTERN(k_mem_slab);
#endif
STRUCT_SECTION_START_EXTERN(k_stack);
STRUCT_SECTION_END_EXTERN(k_stack);
STRUCT_SECTION_START_EXTERN(k_queue);
STRUCT_SECTION_END_EXTERN(k_queue);
STRUCT_SECTION_START_EXTERN(k_event);
STRUCT_SECTION_END_EXTERN(k_event);
STRUCT_SECTION_START_EXTERN(k_pipe);
STRUCT_SECTION_END_EXTERN(k_pipe);
STRUCT_SECTION_START_EXTERN(k_timer);
STRUCT_SECTION_END_EXTERN(k_timer);
STRUCT_SECTION_START_EXTERN(k_condvar);
STRUCT_SECTION_END_EXTERN(k_condvar);
STRUCT_SECTION_START_EXTERN(k_thread);
STRUCT_SECTION_END_EXTERN(k_thread);

/* Registered in this order (their slots follow it), threads last. */
static const struct static_objects static_objects[] = {
	STATIC_OBJECTS(k_sem, K_OBJ_SEM),           STATIC_OBJECTS(k_mutex, K_OBJ_MUTEX),
#ifdef CONFIG_MSGQ
	STATIC_OBJECTS(k_msgq, K_OBJ_MSGQ),
#endif
#ifdef CONFIG_MEM_SLAB
	STATIC_OBJECTS(k_mem_slab, K_OBJ_MEM_SLAB),
#endif
#ifdef CONFIG_K_STACK
	STATIC_OBJECTS(k_stack, K_OBJ_STACK),
#endif
#ifdef CONFIG_K_QUEUE
	STATIC_OBJECTS(k_queue, K_OBJ_QUEUE),
#endif
#ifdef CONFIG_EVENTS
	STATIC_OBJECTS(k_event, K_OBJ_EVENT),
#endif
#ifdef CONFIG_PIPES
	STATIC_OBJECTS(k_pipe, K_OBJ_PIPE),
#endif
#ifdef CONFIG_K_TIMER
	STATIC_OBJECTS(k_timer, K_OBJ_TIMER),
#endif
#ifdef CONFIG_K_CONDVAR
	STATIC_OBJECTS(k_condvar, K_OBJ_CONDVAR),
#endif
	STATIC_OBJECTS(k_thread, K_OBJ_THREAD),
};

void z_object_boot_init(void)
{
	for (unsigned int t = 0; t < ARRAY_SIZE(static_objects); t++) {
		const struct static_objects *so = &static_objects[t];

		for (char *obj = so->start; obj < (char *)so->end; obj += so->size) {
			register_static(obj, (enum k_objects)so->otype);
		}
	}
	z_device_objects_register();
	STRUCT_SECTION_FOREACH(z_stack_desc, d) {
		for (unsigned int i = 0; i < d->nmemb; i++) {
			struct z_stack_hdr *hdr = (struct z_stack_hdr *)(d->stack + i * d->stride);

			register_static(hdr, K_OBJ_THREAD_STACK_ELEMENT);
			hdr->user_size = arch_user_stack_len_of(d->stride);
			hdr->owner = NULL;
		}
	}
}

void z_object_static_grants_apply(void)
{
	STRUCT_SECTION_FOREACH(z_static_grant, g) {
		for (void *const *o = g->objects; *o != NULL; o++) {
			struct z_object *ko = k_object_find(*o);

			if (ko == NULL) {
				/* A plain variable, granted before anything initialised it. */
				ko = z_object_register_static(*o, K_OBJ_ANY);
			}

			__ASSERT(ko != NULL, "K_THREAD_ACCESS_GRANT: %p is not a kernel object",
				 *o);
			if (ko != NULL) {
				perm_set(ko, g->thread);
			}
		}
	}
}

/*
 * k_object_recycle(): an object taken from a pool for a new user starts
 * over: every grant is cleared and the caller holds it. Its init state stays
 * as it is (Zephyr marks it initialised: a never-initialised object marked
 * usable would hand user threads wait queues that were never set up; the
 * caller's own init marks it).
 */
void k_object_recycle_typed(const void *object, enum k_objects otype)
{
	if (k_object_find(object) == NULL && otype != K_OBJ_ANY) {
		(void)z_object_register((void *)object, otype, 0);
	}
	k_spinlock_key_t key = k_spin_lock(&obj_lock);
	struct z_object *ko = k_object_find(object);

	if (ko != NULL) {
		memset(ko->perms, 0, sizeof(ko->perms));
		checks_invalidated();
		perm_set(ko, _current);
	}
	k_spin_unlock(&obj_lock, key);
}

/* Kernel object variables the registry has not seen yet (kernel/kobject_table.c) */

struct z_object *z_object_register_static(void *obj, enum k_objects otype)
{
	if (otype == K_OBJ_ANY) {
		otype = z_object_static_type(obj);
	}
	return otype == K_OBJ_ANY ? NULL : z_object_register(obj, otype, 0);
}

int z_object_unregistered_error(const void *obj, enum k_objects otype)
{
	enum k_objects found = z_object_static_type(obj);

	/* One in memory user threads can write is no kernel object (see in_user_memory()). */
	if (found == K_OBJ_ANY || (otype != K_OBJ_ANY && found != otype) ||
	    in_user_memory(obj, object_size(found), found)) {
		return -EBADF;
	}
	return -EPERM; /* an object nobody has been granted yet */
}
