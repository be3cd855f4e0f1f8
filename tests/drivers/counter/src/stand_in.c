/*
 * A counter of the test's own: it counts up, one tick per reading while it
 * runs, at a nominal 1 kHz (so that a 32-bit count is more than 2^32 us),
 * with one alarm channel that never fires. On boards without a CMSDK timer
 * it is the device the user-mode tests call the class's system calls on. One
 * thread uses it at a time, so it takes no lock.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/counter.h>

struct stand_in_data {
	bool running;
	bool armed;
	uint32_t value;
	uint32_t top;
};

static int stand_in_start(const struct device *dev)
{
	struct stand_in_data *data = dev->data;

	data->running = true;
	return 0;
}

static int stand_in_stop(const struct device *dev)
{
	struct stand_in_data *data = dev->data;

	data->running = false;
	return 0;
}

static int stand_in_get_value(const struct device *dev, uint32_t *ticks)
{
	struct stand_in_data *data = dev->data;

	if (data->running) {
		data->value = data->value < data->top ? data->value + 1U : 0U;
	}
	*ticks = data->value;
	return 0;
}

static int stand_in_set_alarm(const struct device *dev, uint8_t chan_id,
			      const struct counter_alarm_cfg *alarm_cfg)
{
	struct stand_in_data *data = dev->data;

	ARG_UNUSED(chan_id);
	if (alarm_cfg->callback == NULL || alarm_cfg->ticks > data->top) {
		return -EINVAL;
	}
	if (data->armed) {
		return -EBUSY;
	}
	data->armed = true;
	return 0;
}

static int stand_in_cancel_alarm(const struct device *dev, uint8_t chan_id)
{
	struct stand_in_data *data = dev->data;

	ARG_UNUSED(chan_id);
	data->armed = false;
	return 0;
}

static int stand_in_set_top_value(const struct device *dev, const struct counter_top_cfg *cfg)
{
	struct stand_in_data *data = dev->data;

	if (cfg->ticks == 0U) {
		return -EINVAL;
	}
	if (data->armed) {
		return -EBUSY;
	}
	data->top = cfg->ticks;
	data->value = 0;
	return 0;
}

static uint32_t stand_in_get_top_value(const struct device *dev)
{
	const struct stand_in_data *data = dev->data;

	return data->top;
}

static const struct counter_driver_api stand_in_api = {
	.start = stand_in_start,
	.stop = stand_in_stop,
	.get_value = stand_in_get_value,
	.set_alarm = stand_in_set_alarm,
	.cancel_alarm = stand_in_cancel_alarm,
	.set_top_value = stand_in_set_top_value,
	.get_top_value = stand_in_get_top_value,
};

static struct stand_in_data stand_in_data = { .top = UINT32_MAX };
static const struct counter_config_info stand_in_info = {
	.max_top_value = UINT32_MAX,
	.freq = 1000,
	.flags = COUNTER_CONFIG_INFO_COUNT_UP,
	.channels = 1,
};

DEVICE_DEFINE(counter_stand_in, "counter_stand_in", NULL, NULL, &stand_in_data, &stand_in_info,
	      POST_KERNEL, 0, &stand_in_api);
