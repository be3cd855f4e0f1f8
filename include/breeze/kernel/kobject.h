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
 * a permission bit per thread. A kernel object variable not registered yet is
 * still known from the image's table of them (kernel/kobject_table.c): user
 * threads get -EPERM for it, and a supervisor can grant it through any pointer.
 */
#ifndef BREEZE_KERNEL_KOBJECT_H
#define BREEZE_KERNEL_KOBJECT_H

#include <stdint.h>
#include <breeze/toolchain.h>
#include <breeze/sys/util.h>

struct k_thread;
struct k_msgq;
struct k_mem_slab;
struct k_stack;
struct k_queue;
struct k_fifo;
struct k_lifo;
struct k_event;
struct k_pipe;
struct k_timer;
struct k_poll_signal;
struct k_condvar;

enum k_objects {
	K_OBJ_ANY,
	K_OBJ_THREAD,
	K_OBJ_THREAD_STACK_ELEMENT,
	K_OBJ_SEM,
	K_OBJ_MUTEX,
	K_OBJ_MSGQ,
	K_OBJ_MEM_SLAB,
	K_OBJ_STACK,
	K_OBJ_QUEUE,
	K_OBJ_EVENT,
	K_OBJ_PIPE,
	K_OBJ_TIMER,
	K_OBJ_POLL_SIGNAL,
	K_OBJ_CONDVAR,
	/*
	 * Devices (device.h): one type per driver class, and classless devices.
	 * They come last: every type from K_OBJ_DEVICE on is a device.
	 */
	K_OBJ_DEVICE,
	K_OBJ_DRIVER_UART,
	K_OBJ_DRIVER_RTC,
	K_OBJ_DRIVER_ENTROPY,
	K_OBJ_DRIVER_GPIO,
	K_OBJ_DRIVER_COUNTER,
	K_OBJ_DRIVER_WDT,
	K_OBJ_LAST
};

#ifdef CONFIG_USERSPACE

/* First member of every kernel object: its registry index (0 = not registered). */
struct z_object_hdr {
	uint32_t idx;
};
#define Z_OBJECT_HDR      struct z_object_hdr hdr;
#define Z_OBJECT_HDR_INIT .hdr = { 0 },

/*
 * The kernel object type of an expression, from its C type (K_OBJ_ANY when it
 * is not a kernel object type, e.g. void *).
 */
#define Z_OBJ_TYPE_OF(obj) \
	_Generic((obj),                                                                  \
		struct k_thread *: K_OBJ_THREAD,                                         \
		const struct k_thread *: K_OBJ_THREAD,                                   \
		struct k_sem *: K_OBJ_SEM,                                               \
		const struct k_sem *: K_OBJ_SEM,                                         \
		struct k_mutex *: K_OBJ_MUTEX,                                           \
		const struct k_mutex *: K_OBJ_MUTEX,                                     \
		struct z_thread_stack_element *: K_OBJ_THREAD_STACK_ELEMENT,             \
		struct k_msgq *: K_OBJ_MSGQ,                                             \
		const struct k_msgq *: K_OBJ_MSGQ,                                       \
		struct k_mem_slab *: K_OBJ_MEM_SLAB,                                     \
		const struct k_mem_slab *: K_OBJ_MEM_SLAB,                               \
		struct k_stack *: K_OBJ_STACK,                                           \
		const struct k_stack *: K_OBJ_STACK,                                     \
		struct k_queue *: K_OBJ_QUEUE,                                           \
		struct k_fifo *: K_OBJ_QUEUE,                                            \
		struct k_lifo *: K_OBJ_QUEUE,                                            \
		struct k_event *: K_OBJ_EVENT,                                           \
		struct k_pipe *: K_OBJ_PIPE,                                             \
		struct k_timer *: K_OBJ_TIMER,                                           \
		const struct k_timer *: K_OBJ_TIMER,                                     \
		struct k_poll_signal *: K_OBJ_POLL_SIGNAL,                               \
		struct k_condvar *: K_OBJ_CONDVAR,                                       \
		default: K_OBJ_ANY)

/*
 * Grant @thread access to @object; a user caller must hold both. The object's
 * C type travels along, so that a supervisor can grant a plain variable that
 * no call has entered in the registry yet (a struct k_thread a user thread will
 * create a thread on, say): it is registered, uninitialised, on the spot.
 */
#define k_object_access_grant(object, thread) \
	k_object_access_grant_typed((object), (thread), Z_OBJ_TYPE_OF(object))
__syscall void k_object_access_grant_typed(const void *object, struct k_thread *thread,
					   enum k_objects otype);

/* Take access to @object away from @thread (supervisor only). */
void k_object_access_revoke(const void *object, struct k_thread *thread);

/*
 * Give up the caller's own access; an allocated object with no holder left is
 * freed (unless public: k_object_access_all_grant()).
 */
__syscall void k_object_release(const void *object);

/* Every thread may use @object from now on (supervisor only). */
void k_object_access_all_grant(const void *object);

#ifdef CONFIG_DYNAMIC_OBJECTS
/*
 * Allocate an object of @otype from the kernel pool, uninitialised, held only
 * by the caller. NULL when the pool or the registry is full, for a type that
 * cannot be allocated, or, called from user mode, when the caller's memory
 * domain holds CONFIG_DYNAMIC_OBJECTS_DOMAIN_QUOTA allocated objects already.
 */
__syscall void *k_object_alloc(enum k_objects otype);

/* Free an allocated object at once (supervisor only); static objects are ignored. */
void k_object_free(void *obj);
#else
/* No pool (as in Zephyr without CONFIG_DYNAMIC_OBJECTS): nothing is ever allocated. */
static inline void *k_object_alloc(enum k_objects otype)
{
	ARG_UNUSED(otype);
	return NULL;
}

static inline void k_object_free(void *obj)
{
	ARG_UNUSED(obj);
}
#endif

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

/* Grant @thread each of the objects that follow, typed like k_object_access_grant(). */
#define k_thread_access_grant(thread, ...)                                              \
	do {                                                                            \
		struct k_thread *z_grantee = (thread);                                  \
		FOR_EACH_FIXED_ARG(k_object_access_grant, (;), z_grantee, __VA_ARGS__); \
	} while (false)

/*
 * Clear every grant of @object and grant the caller (supervisor only): for
 * objects recycled through a pool. Typed like k_object_access_grant().
 */
#define k_object_recycle(object) k_object_recycle_typed((object), Z_OBJ_TYPE_OF(object))
void k_object_recycle_typed(const void *object, enum k_objects otype);

#else /* !CONFIG_USERSPACE */

#define Z_OBJECT_HDR
#define Z_OBJECT_HDR_INIT

#define k_object_access_grant(object, thread) ((void)(object), (void)(thread))
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
#define k_thread_access_grant(thread, ...)    ARG_UNUSED(thread)
#define k_object_recycle(object)              ((void)(object))

#endif /* CONFIG_USERSPACE */

#endif /* BREEZE_KERNEL_KOBJECT_H */
