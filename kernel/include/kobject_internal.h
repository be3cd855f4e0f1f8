/*
 * The kernel object registry (CONFIG_USERSPACE): validation of object pointers
 * coming from user mode, permissions, init-once state, thread indexes.
 *
 * Locking: registry slots and permission bits change under the registry's own
 * spinlock; an object's init state changes only by compare-and-swap, except
 * that a thread object becomes uninitialised under that lock when its thread
 * ends.
 */
#ifndef BREEZE_KOBJECT_INTERNAL_H
#define BREEZE_KOBJECT_INTERNAL_H

#include <breeze/kernel.h>

#define Z_PERM_WORDS DIV_ROUND_UP(CONFIG_MAX_THREADS, 32)

/* A port whose kernel may read misaligned words says so (<breeze/arch/.../arch.h>). */
#ifndef ARCH_UNALIGNED_WORD_LOADS
#define ARCH_UNALIGNED_WORD_LOADS 0
#endif

/* Registry slot. obj == NULL marks a free slot. */
struct z_object {
	void *obj;
	uint8_t type;       /* enum k_objects */
	uint8_t flags;      /* K_OBJ_FLAG_* */
	uint16_t next_free; /* in a free slot: the next free one (0: none) */
	atomic_t state;
	uint32_t perms[Z_PERM_WORDS]; /* bit i: thread with perm_index i holds it */
};

#define K_OBJ_FLAG_ALLOC  BIT(0) /* from the pool: freed with its last holder */
#define K_OBJ_FLAG_PUBLIC BIT(1) /* every thread holds it (an allocated one: till freed) */

enum z_object_state {
	Z_OBJ_UNINITIALIZED,
	Z_OBJ_INITIALIZING,
	Z_OBJ_INITIALIZED,
};

enum _obj_init_check {
	_OBJ_INIT_TRUE,  /* must be initialised */
	_OBJ_INIT_FALSE, /* must never have been initialised */
	_OBJ_INIT_ANY,
};

extern struct z_object z_object_registry[CONFIG_MAX_KERNEL_OBJECTS];
extern char __data_region_start[];
extern char _end[];

/*
 * Registry slot of @obj, or NULL if @obj is not a registered kernel object.
 * O(1): the pointer must lie in kernel RAM, aligned, and the slot its header
 * names must point back at it. Reading the header of any such address is
 * harmless; only the back pointer decides.
 */
static ALWAYS_INLINE struct z_object *z_object_find_inline(const void *obj)
{
	uintptr_t p = (uintptr_t)obj;

	/* Misaligned, it is no object: the back pointer says so where reading it is harmless. */
	if ((!ARCH_UNALIGNED_WORD_LOADS && (p & 3U) != 0U) || p < (uintptr_t)__data_region_start ||
	    p > (uintptr_t)_end - sizeof(struct z_object_hdr)) {
		return NULL;
	}
	uint32_t idx = ((const struct z_object_hdr *)obj)->idx;

	/*
	 * A registry of a power-of-two size takes the index masked into range:
	 * slot 0 is never used (its back pointer is NULL, never @obj), and an
	 * index naming another slot than @obj's is refused by the back pointer.
	 */
	if (IS_POWER_OF_TWO(CONFIG_MAX_KERNEL_OBJECTS)) {
		idx &= CONFIG_MAX_KERNEL_OBJECTS - 1U;
	} else if (idx >= CONFIG_MAX_KERNEL_OBJECTS) {
		return NULL;
	}
	if (z_object_registry[idx].obj != obj) {
		return NULL;
	}
	return &z_object_registry[idx];
}

struct z_object *k_object_find(const void *obj);

/*
 * Check a slot for a user-mode caller: 0, -EBADF (not an object, or not of
 * @otype), -EPERM (the current thread does not hold it), -EINVAL (not
 * initialised, with _OBJ_INIT_TRUE), -EADDRINUSE (already initialised, with
 * _OBJ_INIT_FALSE).
 */
int k_object_validate(struct z_object *ko, enum k_objects otype, enum _obj_init_check init);

/* The common case of k_object_validate(), inline: true when the caller may use @obj. */
static ALWAYS_INLINE bool z_object_usable(const void *obj, enum k_objects otype,
					  enum _obj_init_check init, const struct k_thread *t)
{
	const struct z_object *ko = z_object_find_inline(obj);

	if (ko == NULL || ko->type != otype) {
		return false;
	}
	unsigned int i = t->userspace.perm_index;
	/* With at most 32 threads (the usual case) one word, no index arithmetic. */
	uint32_t perms = Z_PERM_WORDS == 1 ? ko->perms[0] : ko->perms[i / 32U];
	uint32_t bit = Z_PERM_WORDS == 1 ? BIT(i) : BIT(i % 32U);

	if ((perms & bit) == 0U && (ko->flags & K_OBJ_FLAG_PUBLIC) == 0U) {
		return false;
	}
	return init != _OBJ_INIT_TRUE || ko->state == Z_OBJ_INITIALIZED;
}

#ifdef CONFIG_SPEED_OPTIMIZATIONS
/*
 * The registry's generation: it changes after every change that can turn a
 * passed check into a refused one (a grant revoked or released, an object
 * freed, registered anew, leaving the initialised state). A thread's
 * object cache (_thread_userspace.obj_cache) holds only while it is the one
 * its entries were checked in.
 */
extern uint32_t z_object_generation;

/*
 * The generation, read before anything the check it stamps reads of @*obj's
 * slot: with SMP an acquiring load; on one CPU, whose interrupts see program
 * order, the compiler is kept from reading the slot first by making the
 * object's address depend on the generation read (no memory clobber, which
 * would make it reload everything else).
 */
static ALWAYS_INLINE uint32_t z_object_generation_get(const void **obj)
{
	if (IS_ENABLED(CONFIG_SMP)) {
		return __atomic_load_n(&z_object_generation, __ATOMIC_ACQUIRE);
	}
	uint32_t gen = *(volatile uint32_t *)&z_object_generation;

	__asm__ volatile("" : "+r"(*obj) : "r"(gen));
	return gen;
}

/*
 * z_object_usable(@obj, @otype, _OBJ_INIT_TRUE, @t) for a thread's system call,
 * first against the thread's object cache; a check that passes the registry
 * enters the object there. A check the cache answers costs a few loads: the
 * verifiers of the hot calls use it (K_SYSCALL_OBJ_FAST).
 */
static ALWAYS_INLINE bool z_object_usable_cached(const void *obj, enum k_objects otype,
						 struct k_thread *t)
{
	__typeof__(t->userspace.obj_cache) *c = &t->userspace.obj_cache;
	uint32_t gen = z_object_generation_get(&obj);

	if (likely(c->generation == gen)) {
		if (likely(c->obj[0] == obj && c->type[0] == otype)) {
			return true;
		}
		if (c->obj[1] == obj && c->type[1] == otype) {
			return true;
		}
	}
	if (!z_object_usable(obj, otype, _OBJ_INIT_TRUE, t)) {
		return false;
	}
	if (c->generation == gen) {
		c->obj[1] = c->obj[0];
		c->type[1] = c->type[0];
	} else {
		c->type[1] = K_OBJ_ANY; /* checked in another generation: gone */
		c->generation = gen;
	}
	c->obj[0] = obj;
	c->type[0] = (uint8_t)otype;
	return true;
}
#endif

/* Enter @obj in the registry as @otype (supervisor). NULL when the registry is full. */
struct z_object *z_object_register(void *obj, enum k_objects otype, uint8_t flags);

/*
 * Init-once protocol behind every *_init: claim the right to initialise @obj
 * (registering it if needed). @reinit lets a supervisor re-initialise an
 * object that is already INITIALIZED (Zephyr code re-inits semaphores freely);
 * an initialisation in progress is never joined. 0: the caller initialises and
 * must call z_object_init_end(); otherwise -EALREADY, -EBUSY or -EBADF.
 */
int z_object_init_begin(void *obj, enum k_objects otype, bool reinit);
void z_object_init_end(void *obj, bool ok);

/*
 * z_object_init_begin() for a user thread's *_init system call: a
 * never-initialised object is claimed as above; an initialised semaphore or
 * mutex nobody waits on or owns is re-initialised under the scheduler lock,
 * which z_object_init_end() releases; -EBUSY when it is in use.
 */
int z_object_init_begin_user(void *obj, enum k_objects otype);

/* True if @t holds @ko (or @ko is public). */
bool z_object_has_perm(const struct z_object *ko, const struct k_thread *t);

/*
 * A new thread: take a free permission index, hold itself, then optionally
 * copy @parent's grants. -ENOMEM when CONFIG_MAX_THREADS threads live.
 */
int z_thread_perms_init(struct k_thread *t, struct k_thread *parent, bool inherit);

/*
 * A thread ended (scheduler lock held): its object becomes uninitialised, so
 * nothing can be granted to it any more, in O(1). Its grants are dropped, the
 * objects it alone held freed and its index released later, in chunks, before
 * the next thread creation or allocation.
 */
void z_thread_perms_release(struct k_thread *t);

/* Call fn(obj, arg) for every registered object of @otype. */
void z_object_foreach(enum k_objects otype, void (*fn)(void *obj, void *arg), void *arg);

/* Register the K_*_DEFINE objects and static stacks (boot). */
void z_object_boot_init(void);

/* Apply K_THREAD_ACCESS_GRANT once the static threads exist. */
void z_object_static_grants_apply(void);

/*
 * The table of kernel object variables (kernel/kobject_table.c): the type of
 * the static or global object at @obj, initialised or not, K_OBJ_ANY if there
 * is none. O(log n), for pointers the registry does not know.
 */
enum k_objects z_object_static_type(const void *obj);

/*
 * Enter the kernel object variable @obj in the registry, uninitialised
 * (supervisor), as @otype, or with K_OBJ_ANY as the table says. NULL when it
 * is no kernel object variable or the registry is full.
 */
struct z_object *z_object_register_static(void *obj, enum k_objects otype);

/*
 * Why a user caller wanting @otype is refused @obj, which the registry does
 * not know: -EPERM for a kernel object variable of that type (nobody has been
 * granted it yet: Zephyr's answer), -EBADF for anything else.
 */
int z_object_unregistered_error(const void *obj, enum k_objects otype);

#endif /* BREEZE_KOBJECT_INTERNAL_H */
