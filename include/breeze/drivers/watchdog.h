/*
 * Watchdog driver class, Zephyr's API: install timeouts, start the watchdog
 * with wdt_setup(), then feed each timeout before it expires; an expired one
 * calls its callback and/or resets the system.
 *
 * wdt_setup(), wdt_feed() and wdt_disable() are system calls.
 * wdt_install_timeout() is supervisor-only, as its callback runs in the
 * watchdog's interrupt (on Cortex-M often the NMI).
 */
#ifndef BREEZE_DRIVERS_WATCHDOG_H
#define BREEZE_DRIVERS_WATCHDOG_H

#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/device.h>

/* wdt_setup() options. */
#define WDT_OPT_PAUSE_IN_SLEEP      BIT(0) /* stand still while the CPU sleeps */
#define WDT_OPT_PAUSE_HALTED_BY_DBG BIT(1) /* stand still while a debugger halts the CPU */

/* struct wdt_timeout_cfg flags: what an expired timeout resets. */
#define WDT_FLAG_RESET_SHIFT    0
#define WDT_FLAG_RESET_MASK     (0x3U << WDT_FLAG_RESET_SHIFT)
#define WDT_FLAG_RESET_NONE     (0U << WDT_FLAG_RESET_SHIFT)
#define WDT_FLAG_RESET_CPU_CORE (1U << WDT_FLAG_RESET_SHIFT)
#define WDT_FLAG_RESET_SOC      (2U << WDT_FLAG_RESET_SHIFT)

/* Feeding is allowed between min and max milliseconds after the last feed. */
struct wdt_window {
	uint32_t min;
	uint32_t max;
};

/* Called when timeout @channel_id expires. */
typedef void (*wdt_callback_t)(const struct device *dev, int channel_id);

struct wdt_timeout_cfg {
	struct wdt_window window;
	wdt_callback_t callback; /* NULL: none */
	uint8_t flags;           /* WDT_FLAG_RESET_* */
};

struct wdt_driver_api {
	int (*setup)(const struct device *dev, uint8_t options);
	int (*disable)(const struct device *dev);
	int (*install_timeout)(const struct device *dev, const struct wdt_timeout_cfg *cfg);
	int (*feed)(const struct device *dev, int channel_id);
};

/*
 * Start the watchdog with the timeouts installed: 0; -ENOTSUP for an option
 * it cannot honour; -EBUSY if it runs already; -EINVAL if no timeout is
 * installed.
 */
__syscall int wdt_setup(const struct device *dev, uint8_t options);

/*
 * Stop the watchdog and uninstall its timeouts: 0; -EFAULT if it does not
 * run; -EPERM if it cannot be stopped.
 */
__syscall int wdt_disable(const struct device *dev);

/* Restart timeout @channel_id: 0, or -EINVAL for a channel not installed. */
__syscall int wdt_feed(const struct device *dev, int channel_id);

/*
 * Install a timeout before wdt_setup() (supervisor): its channel (0 or more);
 * -EBUSY once the watchdog runs; -ENOMEM when no more fit; -EINVAL for a
 * window the watchdog cannot time; -ENOTSUP for flags it cannot honour.
 */
static inline int wdt_install_timeout(const struct device *dev, const struct wdt_timeout_cfg *cfg)
{
	const struct wdt_driver_api *api = dev->api;

	return api->install_timeout(dev, cfg);
}

#endif /* BREEZE_DRIVERS_WATCHDOG_H */
