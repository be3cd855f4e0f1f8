/*
 * The watchdog class's system calls: dispatch through the device's API
 * table; the verifiers accept only a ready watchdog device the caller holds.
 * Installing a timeout is not among them: its callback runs in the
 * watchdog's interrupt.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/watchdog.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#endif

int z_impl_wdt_setup(const struct device *dev, uint8_t options)
{
	const struct wdt_driver_api *api = dev->api;

	return api->setup(dev, options);
}

int z_impl_wdt_disable(const struct device *dev)
{
	const struct wdt_driver_api *api = dev->api;

	return api->disable(dev);
}

int z_impl_wdt_feed(const struct device *dev, int channel_id)
{
	const struct wdt_driver_api *api = dev->api;

	return api->feed(dev, channel_id);
}

#ifdef CONFIG_USERSPACE

int z_vrfy_wdt_setup(const struct device *dev, uint8_t options)
{
	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_WDT));
	return z_impl_wdt_setup(dev, options);
}

int z_vrfy_wdt_disable(const struct device *dev)
{
	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_WDT));
	return z_impl_wdt_disable(dev);
}

int z_vrfy_wdt_feed(const struct device *dev, int channel_id)
{
	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_WDT));
	return z_impl_wdt_feed(dev, channel_id);
}

#endif /* CONFIG_USERSPACE */
