/*
 * The init-once step of every object's *_init, compiled away without
 * CONFIG_USERSPACE (no registry, nothing to race on but the caller's own code).
 */
#ifndef BREEZE_KOBJECT_INIT_H
#define BREEZE_KOBJECT_INIT_H

#include <breeze/kernel.h>

#ifdef CONFIG_USERSPACE
#include <kobject_internal.h>
#include <syscall_handler.h>

/*
 * Supervisors may re-initialise; so may a user caller, on an idle semaphore,
 * mutex or condvar only (see z_object_init_begin_user()). An object the registry
 * cannot take (full, or placed in user memory) still works for supervisor
 * threads; it just cannot be granted.
 */
static inline int z_object_init_begin_for(void *obj, enum k_objects otype)
{
	if (z_syscall_in_progress()) {
		return z_object_init_begin_user(obj, otype);
	}
	int ret = z_object_init_begin(obj, otype, true);

	return ret == -ENOMEM ? 0 : ret;
}

static inline void z_object_init_end_for(void *obj)
{
	z_object_init_end(obj, true);
}
#else
static inline int z_object_init_begin_for(void *obj, enum k_objects otype)
{
	ARG_UNUSED(obj);
	ARG_UNUSED(otype);
	return 0;
}

static inline void z_object_init_end_for(void *obj)
{
	ARG_UNUSED(obj);
}
#endif

#endif /* BREEZE_KOBJECT_INIT_H */
