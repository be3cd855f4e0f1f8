/*
 * SYS_INIT: functions run at boot, by level and then by priority (0..999,
 * lower first). PRE_KERNEL_1/2 run before any thread exists (no blocking, no
 * kernel objects), POST_KERNEL and APPLICATION in the main thread before main().
 */
#ifndef BREEZE_INIT_H
#define BREEZE_INIT_H

#include <stdint.h>
#include <breeze/toolchain.h>

enum init_level {
	INIT_LEVEL_PRE_KERNEL_1,
	INIT_LEVEL_PRE_KERNEL_2,
	INIT_LEVEL_POST_KERNEL,
	INIT_LEVEL_APPLICATION,
};

struct device;

struct init_entry {
	int (*init_fn)(void);
	const struct device *dev; /* a device's entry: its init runs instead (device.h) */
	uint8_t level;
};

#define SYS_INIT_NAMED(name, init_fn_, level_, prio)                                       \
	static const struct init_entry _init_entry_##name __used __aligned(4)              \
	    __attribute__((section("._init_entry.static." STRINGIFY(prio) "_" #name))) = { \
		    .init_fn = (init_fn_),                                                 \
		    .level = INIT_LEVEL_##level_,                                          \
	    }

#define SYS_INIT(init_fn, level, prio) SYS_INIT_NAMED(init_fn, init_fn, level, prio)

/* The init entry of a device (DEVICE_DEFINE and friends), @dev_id expanded first. */
#define Z_INIT_ENTRY_DEVICE(dev_id, dev_, level_, prio) \
	Z_INIT_ENTRY_DEVICE_(dev_id, dev_, level_, prio)
#define Z_INIT_ENTRY_DEVICE_(dev_id, dev_, level_, prio)                                     \
	static const struct init_entry _init_entry_##dev_id __used __aligned(4)              \
	    __attribute__((section("._init_entry.static." STRINGIFY(prio) "_" #dev_id))) = { \
		    .dev = (dev_),                                                           \
		    .level = INIT_LEVEL_##level_,                                            \
	    }

#endif /* BREEZE_INIT_H */
