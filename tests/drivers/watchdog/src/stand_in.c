/*
 * A watchdog of the test's own that never expires: one timeout, installed,
 * set up, fed and disabled with the answers of the watchdog API. On boards
 * without a CMSDK watchdog it is the device the user-mode tests call the
 * class's system calls on. One thread uses it at a time, so it takes no lock.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/watchdog.h>

struct stand_in_data {
	bool installed;
	bool running;
};

static int stand_in_install_timeout(const struct device *dev, const struct wdt_timeout_cfg *cfg)
{
	struct stand_in_data *data = dev->data;

	if (cfg->window.min != 0U || cfg->window.max == 0U) {
		return -EINVAL;
	}
	if (data->running) {
		return -EBUSY;
	}
	if (data->installed) {
		return -ENOMEM;
	}
	data->installed = true;
	return 0;
}

static int stand_in_setup(const struct device *dev, uint8_t options)
{
	struct stand_in_data *data = dev->data;

	if ((options & ~WDT_OPT_PAUSE_HALTED_BY_DBG) != 0U) {
		return -ENOTSUP;
	}
	if (!data->installed) {
		return -EINVAL;
	}
	if (data->running) {
		return -EBUSY;
	}
	data->running = true;
	return 0;
}

static int stand_in_feed(const struct device *dev, int channel_id)
{
	const struct stand_in_data *data = dev->data;

	return channel_id == 0 && data->installed ? 0 : -EINVAL;
}

static int stand_in_disable(const struct device *dev)
{
	struct stand_in_data *data = dev->data;

	if (!data->running) {
		return -EFAULT;
	}
	data->running = false;
	data->installed = false;
	return 0;
}

static const struct wdt_driver_api stand_in_api = {
	.setup = stand_in_setup,
	.disable = stand_in_disable,
	.install_timeout = stand_in_install_timeout,
	.feed = stand_in_feed,
};

static struct stand_in_data stand_in_data;

DEVICE_DEFINE(wdt_stand_in, "wdt_stand_in", NULL, NULL, &stand_in_data, NULL, POST_KERNEL, 0,
	      &stand_in_api);
