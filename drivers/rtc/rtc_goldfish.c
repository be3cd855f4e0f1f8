/*
 * Goldfish RTC (QEMU 'virt'): a 64-bit count of nanoseconds since the Unix
 * epoch, read low word first (that latches the high word). Writing a word
 * moves the clock by the difference in that word. One device per enabled
 * "google,goldfish-rtc" node; the alarm is not used.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/rtc.h>

#define DT_DRV_COMPAT google_goldfish_rtc

#define TIME_LOW  0x00
#define TIME_HIGH 0x04

struct goldfish_rtc_config {
	uintptr_t base;
};

struct goldfish_rtc_data {
	struct k_spinlock lock;
};

static volatile uint32_t *rtc_reg(const struct device *dev, uintptr_t off)
{
	const struct goldfish_rtc_config *cfg = dev->config;

	return (volatile uint32_t *)(cfg->base + off);
}

static int goldfish_rtc_get_time(const struct device *dev, struct rtc_time *t)
{
	struct goldfish_rtc_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	uint32_t lo = *rtc_reg(dev, TIME_LOW);
	uint32_t hi = *rtc_reg(dev, TIME_HIGH);

	k_spin_unlock(&data->lock, key);
	rtc_time_from_epoch_ns(((uint64_t)hi << 32) | lo, t);
	return 0;
}

static int goldfish_rtc_set_time(const struct device *dev, const struct rtc_time *t)
{
	struct goldfish_rtc_data *data = dev->data;
	uint64_t ns;
	int ret = rtc_time_to_epoch_ns(t, &ns);

	if (ret != 0) {
		return ret;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	/*
	 * Low word to 0 first: the high word then cannot carry (4 s away) between
	 * the two writes that follow.
	 */
	*rtc_reg(dev, TIME_LOW) = 0;
	*rtc_reg(dev, TIME_HIGH) = (uint32_t)(ns >> 32);
	*rtc_reg(dev, TIME_LOW) = (uint32_t)ns;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static const struct rtc_driver_api goldfish_rtc_api = {
	.set_time = goldfish_rtc_set_time,
	.get_time = goldfish_rtc_get_time,
};

#define GOLDFISH_RTC_DEFINE(inst)                                              \
	static struct goldfish_rtc_data goldfish_rtc_data_##inst;              \
	static const struct goldfish_rtc_config goldfish_rtc_config_##inst = { \
		.base = DT_INST_REG_ADDR(inst),                                \
	};                                                                     \
	DEVICE_DT_INST_DEFINE(inst, NULL, NULL, &goldfish_rtc_data_##inst,     \
			      &goldfish_rtc_config_##inst, POST_KERNEL, 50, &goldfish_rtc_api);

DT_INST_FOREACH_STATUS_OKAY(GOLDFISH_RTC_DEFINE)
