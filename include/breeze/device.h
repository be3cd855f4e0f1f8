/*
 * Devices: Zephyr's device model.
 *
 * A device is a static struct device: a name, the driver's constant
 * configuration (addresses, IRQs, from the devicetree), its mutable data, the
 * API table of its driver class and its init state. DEVICE_DT_DEFINE() makes
 * one for a devicetree node; the init function runs once at the given level
 * and priority (like SYS_INIT) and the device is ready only if it returned 0.
 * A failed init leaves it not ready for good: device_is_ready() says false,
 * device_get_binding() does not find it, and user threads cannot use it.
 *
 * With CONFIG_USERSPACE each device is a kernel object whose type is its
 * driver class (K_OBJ_DRIVER_UART, ...: from the C type of its API table),
 * registered at boot like K_SEM_DEFINE's objects: a supervisor grants it to a
 * user thread with k_object_access_grant(), and the driver's system calls
 * accept only a granted, ready device of their class (an oops otherwise).
 */
/* Before the guard: <breeze/kernel.h> includes this file, then the system call wrappers. */
#include <breeze/kernel.h>

#ifndef BREEZE_DEVICE_H
#define BREEZE_DEVICE_H

#include <stdbool.h>
#include <stdint.h>
#include <breeze/toolchain.h>
#include <breeze/init.h>
#include <breeze/devicetree.h>
#include <breeze/syscall.h>
#include <breeze/kernel/kobject.h>
#include <breeze/sys/iterable_sections.h>

/* What a device's init left: Zephyr's fields. */
struct device_state {
	uint8_t init_res; /* the init function's error, as a positive errno (0: none) */
	bool initialized; /* its init has run (whatever it returned) */
};

struct device {
	Z_OBJECT_HDR
	const char *name;
	const void *config;
	const void *api;
	struct device_state *state;
	void *data;
	int (*init_fn)(const struct device *dev);
	uint8_t obj_type; /* enum k_objects: the driver class */
};

/* Driver API tables, by class (their C type says which class a device is). */
struct uart_driver_api;
struct rtc_driver_api;
struct entropy_driver_api;
struct gpio_driver_api;
struct counter_driver_api;
struct wdt_driver_api;

#define Z_DEVICE_CLASS_OF(api) \
	_Generic((api),                                                    \
		const struct uart_driver_api *: K_OBJ_DRIVER_UART,          \
		const struct rtc_driver_api *: K_OBJ_DRIVER_RTC,            \
		const struct entropy_driver_api *: K_OBJ_DRIVER_ENTROPY,    \
		const struct gpio_driver_api *: K_OBJ_DRIVER_GPIO,          \
		const struct counter_driver_api *: K_OBJ_DRIVER_COUNTER,    \
		const struct wdt_driver_api *: K_OBJ_DRIVER_WDT,            \
		struct uart_driver_api *: K_OBJ_DRIVER_UART,                \
		struct rtc_driver_api *: K_OBJ_DRIVER_RTC,                  \
		struct entropy_driver_api *: K_OBJ_DRIVER_ENTROPY,          \
		struct gpio_driver_api *: K_OBJ_DRIVER_GPIO,                \
		struct counter_driver_api *: K_OBJ_DRIVER_COUNTER,          \
		struct wdt_driver_api *: K_OBJ_DRIVER_WDT,                  \
		default: K_OBJ_DEVICE)

/* Names of the objects behind a device. */
#define Z_DEVICE_DT_DEV_ID(node_id) DT_CAT(dts_ord_, DT_DEP_ORD(node_id))
#define DEVICE_NAME_GET(dev_id)     DT_CAT(__device_, dev_id)
#define DEVICE_DT_NAME_GET(node_id) DEVICE_NAME_GET(Z_DEVICE_DT_DEV_ID(node_id))

/* A devicetree device's name: its 'label' property, or the node's full name. */
#define DEVICE_DT_NAME(node_id) DT_PROP_OR(node_id, label, DT_NODE_FULL_NAME(node_id))

/*
 * The device and its init entry. The init entry lives in the init table
 * sorted by level and priority; the device in the device table, which is
 * kernel data (out of user reach).
 */
#define Z_DEVICE_DEFINE(dev_id, name_, init_fn_, data_, config_, level, prio, api_)                \
	static struct device_state DT_CAT(__devstate_, dev_id);                                    \
	STRUCT_SECTION_ITERABLE(device, DEVICE_NAME_GET(dev_id)) = {                               \
		Z_OBJECT_HDR_INIT.name = (name_),      .config = (config_), .api = (api_),         \
		.state = &DT_CAT(__devstate_, dev_id), .data = (data_),     .init_fn = (init_fn_), \
		.obj_type = Z_DEVICE_CLASS_OF(api_),                                               \
	};                                                                                         \
	Z_INIT_ENTRY_DEVICE(dev_id, &DEVICE_NAME_GET(dev_id), level, prio)

/* A device outside the devicetree (pm is accepted and ignored: no power management). */
#define DEVICE_DEFINE(dev_id, name, init_fn, pm, data, config, level, prio, api) \
	Z_DEVICE_DEFINE(dev_id, name, init_fn, data, config, level, prio, api)

/* The device of devicetree node @node_id (which must have status "okay"). */
#define DEVICE_DT_DEFINE(node_id, init_fn, pm, data, config, level, prio, api)                   \
	BUILD_ASSERT(DT_NODE_HAS_STATUS(node_id, okay), "a device for a node that is not okay"); \
	Z_DEVICE_DEFINE(Z_DEVICE_DT_DEV_ID(node_id), DEVICE_DT_NAME(node_id), init_fn, data,     \
			config, level, prio, api)
#define DEVICE_DT_INST_DEFINE(inst, ...) DEVICE_DT_DEFINE(DT_DRV_INST(inst), __VA_ARGS__)

#define DEVICE_GET(dev_id)         ((const struct device *)&DEVICE_NAME_GET(dev_id))
#define DEVICE_DECLARE(dev_id)     extern struct device DEVICE_NAME_GET(dev_id)
#define DEVICE_DT_GET(node_id)     ((const struct device *)&DEVICE_DT_NAME_GET(node_id))
#define DEVICE_DT_DECLARE(node_id) extern struct device DEVICE_DT_NAME_GET(node_id)
#define DEVICE_DT_INST_GET(inst)   DEVICE_DT_GET(DT_DRV_INST(inst))
#define DEVICE_DT_GET_ONE(compat)  DEVICE_DT_GET(DT_INST(0, compat))
/* NULL when the node is not enabled (then no driver defines its device). */
#define DEVICE_DT_GET_OR_NULL(node_id) \
	Z_DT_IF(DT_NODE_HAS_STATUS(node_id, okay), (DEVICE_DT_GET(node_id)), (NULL))

/*
 * Every enabled node's device is declared, so that DEVICE_DT_GET() works in
 * any file (a node without a driver: a link error where it is used).
 */
#define Z_DEVICE_DT_EXTERN(node_id) extern struct device DEVICE_DT_NAME_GET(node_id);
DT_FOREACH_OKAY_NODE(Z_DEVICE_DT_EXTERN)

/* The ready device named @name (DEVICE_DT_NAME or DEVICE_DEFINE's name), or NULL. */
const struct device *device_get_binding(const char *name);

/* True if @dev's init has run and succeeded (false for NULL). */
__syscall bool device_is_ready(const struct device *dev);

/* Kernel: run @dev's init (its init entry). */
void z_device_init(const struct device *dev);

/* Kernel: enter the devices in the object registry (boot, CONFIG_USERSPACE). */
void z_device_objects_register(void);

/* True if @obj is a device (any class) known to the registry; O(1). */
bool z_device_is_device_object(const void *obj);

#endif /* BREEZE_DEVICE_H */
