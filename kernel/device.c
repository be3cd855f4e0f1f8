/*
 * Devices: init at boot, readiness, lookup by name, and their place in the
 * kernel object registry.
 *
 * A device's init runs exactly once, from its init entry (kernel/init.c), in
 * level and priority order with the SYS_INIT functions. Only a zero return
 * makes it ready; the registry state follows (INITIALIZED only when ready), so
 * a driver system call's object check (K_SYSCALL_OBJ, which wants an
 * initialised object) also refuses a device whose init failed. Devices are
 * never freed and their state changes only at boot, before user threads
 * exist: what a verifier checked about one stays true for the whole call.
 */
#include <string.h>
#include <breeze/kernel.h>
#include <breeze/device.h>
#ifdef CONFIG_USERSPACE
#include <kobject_internal.h>
#include <syscall_handler.h>
#endif

void z_device_init(const struct device *dev)
{
	int ret = dev->init_fn != NULL ? dev->init_fn(dev) : 0;

	if (ret != 0) {
		/* A positive errno, as Zephyr keeps it; anything out of range reads as EIO. */
		ret = ret < 0 ? -ret : ret;
		dev->state->init_res = ret <= UINT8_MAX ? (uint8_t)ret : EIO;
		printk("device %s: init failed (%d), not ready\n", dev->name, -ret);
	}
	dev->state->initialized = true;
#ifdef CONFIG_USERSPACE
	struct z_object *ko = k_object_find(dev);

	if (ret == 0 && ko != NULL) {
		atomic_set(&ko->state, Z_OBJ_INITIALIZED);
	}
#endif
}

bool z_impl_device_is_ready(const struct device *dev)
{
	return dev != NULL && dev->state->initialized && dev->state->init_res == 0U;
}

const struct device *device_get_binding(const char *name)
{
	if (name == NULL || name[0] == '\0') {
		return NULL;
	}
	/* The same pointer first (a name from DEVICE_DT_NAME), then the same text. */
	STRUCT_SECTION_FOREACH(device, dev) {
		if (dev->name == name && z_impl_device_is_ready(dev)) {
			return dev;
		}
	}
	STRUCT_SECTION_FOREACH(device, dev) {
		if (dev->name != NULL && strcmp(dev->name, name) == 0 &&
		    z_impl_device_is_ready(dev)) {
			return dev;
		}
	}
	return NULL;
}

#ifdef CONFIG_USERSPACE

void z_device_objects_register(void)
{
	STRUCT_SECTION_FOREACH(device, dev) {
		struct z_object *ko = z_object_register(dev, (enum k_objects)dev->obj_type, 0);

		__ASSERT(ko != NULL, "CONFIG_MAX_KERNEL_OBJECTS too small for the devices");
		ARG_UNUSED(ko);
	}
}

bool z_device_is_device_object(const void *obj)
{
	const struct z_object *ko = z_object_find_inline(obj);

	return ko != NULL && ko->type >= K_OBJ_DEVICE && ko->type < K_OBJ_LAST;
}

/*
 * Any device the caller holds, ready or not: asking is how one finds out. The
 * slot is looked up once: registered as a device of some class, then checked
 * against that class (the caller's permission among it).
 */
bool z_vrfy_device_is_ready(const struct device *dev)
{
	const struct z_object *ko = k_object_find(dev);

	K_OOPS(K_SYSCALL_VERIFY(ko != NULL && ko->type >= K_OBJ_DEVICE && ko->type < K_OBJ_LAST));
	K_OOPS(K_SYSCALL_OBJ_INIT(dev, (enum k_objects)ko->type));
	return z_impl_device_is_ready(dev);
}

#else

void z_device_objects_register(void)
{
}

#endif /* CONFIG_USERSPACE */
