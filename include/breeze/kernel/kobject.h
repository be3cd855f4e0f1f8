/*
 * Kernel objects as seen from user mode: types, grants, dynamic allocation and
 * one-time initialisation.
 *
 * With CONFIG_USERSPACE every kernel object (thread, semaphore, mutex, user
 * thread stack) that user mode may name is entered in the kernel's object
 * registry: static ones (K_*_DEFINE) at boot, run-time ones by their
 * supervisor-mode *_init (or k_thread_create), dynamic ones by
 * k_object_alloc(). Each object begins with a small header holding its
 * registry index; a pointer from user mode is accepted only if it lies in
 * kernel RAM and the registry slot named by its header points back at it with
 * the expected type (O(1), no search). The registry keeps, per object and out
 * of user reach: type, initialisation state, origin (static or allocated) and
 * a permission bit per thread.
 */
#ifndef BREEZE_KERNEL_KOBJECT_H
#define BREEZE_KERNEL_KOBJECT_H

#include <stdint.h>
#include <breeze/toolchain.h>

struct k_thread;

enum k_objects {
	K_OBJ_ANY,
	K_OBJ_THREAD,
	K_OBJ_THREAD_STACK_ELEMENT,
	K_OBJ_SEM,
	K_OBJ_MUTEX,
	K_OBJ_LAST
};

#ifdef CONFIG_USERSPACE

/* First member of every kernel object: its registry index (0 = not registered). */
struct z_object_hdr {
	uint32_t idx;
};
#define Z_OBJECT_HDR      struct z_object_hdr hdr;
#define Z_OBJECT_HDR_INIT .hdr = { 0 },

/* Grant @thread access to @object; the caller must hold both. */
__syscall void k_object_access_grant(const void *object, struct k_thread *thread);

/* Take access to @object away from @thread (supervisor only). */
void k_object_access_revoke(const void *object, struct k_thread *thread);

/* Give up the caller's own access; an allocated object with no holder left is freed. */
__syscall void k_object_release(const void *object);

/* Every thread may use @object from now on (supervisor only). */
void k_object_access_all_grant(const void *object);

/*
 * Allocate an object of @otype from the kernel pool, uninitialised, held only
 * by the caller. NULL when the pool or the registry is full, or for a type
 * that cannot be allocated.
 */
__syscall void *k_object_alloc(enum k_objects otype);

/* Free an allocated object at once (supervisor only); static objects are ignored. */
void k_object_free(void *obj);

/*
 * Initialise-once: the object's state moves UNINITIALIZED -> INITIALIZING ->
 * INITIALIZED by compare-and-swap. The caller that wins runs init(obj, arg)
 * and gets its result (0 on success; a failed init leaves the object
 * UNINITIALIZED). A caller that loses is refused at once and nothing is
 * re-initialised: -EALREADY if the object is initialised (it can be used),
 * -EBUSY if another initialiser is running. -EBADF if @obj is not a kernel
 * object of @otype, -ENOMEM if it could not be registered. Objects from
 * K_*_DEFINE are born initialised.
 */
int k_object_init_once(void *obj, enum k_objects otype, int (*init)(void *obj, void *arg),
		       void *arg);

/* Grant @thread each object of the NULL-terminated list (supervisor only). */
#define k_thread_access_grant(thread, ...)                           \
	do {                                                         \
		void *_objs[] = { __VA_ARGS__, NULL };               \
		for (unsigned int _i = 0; _objs[_i] != NULL; _i++) { \
			k_object_access_grant(_objs[_i], (thread));  \
		}                                                    \
	} while (false)

#else /* !CONFIG_USERSPACE */

#define Z_OBJECT_HDR
#define Z_OBJECT_HDR_INIT

static inline void k_object_access_grant(const void *object, struct k_thread *thread)
{
	ARG_UNUSED(object);
	ARG_UNUSED(thread);
}
static inline void k_object_access_revoke(const void *object, struct k_thread *thread)
{
	ARG_UNUSED(object);
	ARG_UNUSED(thread);
}
static inline void k_object_release(const void *object)
{
	ARG_UNUSED(object);
}
static inline void k_object_access_all_grant(const void *object)
{
	ARG_UNUSED(object);
}
#define k_thread_access_grant(thread, ...) ARG_UNUSED(thread)

#endif /* CONFIG_USERSPACE */

#endif /* BREEZE_KERNEL_KOBJECT_H */
