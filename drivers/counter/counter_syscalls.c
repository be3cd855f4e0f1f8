/*
 * The counter class's system calls. The z_impl_ side answers what the
 * device's counter_config_info says and checks the channel number; the
 * verifiers accept only a ready counter device the caller holds, copy the
 * caller's configurations in once, and refuse callbacks from user mode (they
 * would run in the interrupt handler, in supervisor mode).
 */
#include <breeze/kernel.h>
#include <breeze/drivers/counter.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#endif

#define USEC_PER_SEC_U64 1000000ULL

static const struct counter_driver_api *counter_api_of(const struct device *dev)
{
	return dev->api;
}

static const struct counter_config_info *info_of(const struct device *dev)
{
	return dev->config;
}

bool z_impl_counter_is_counting_up(const struct device *dev)
{
	return (info_of(dev)->flags & COUNTER_CONFIG_INFO_COUNT_UP) != 0U;
}

uint8_t z_impl_counter_get_num_of_channels(const struct device *dev)
{
	return info_of(dev)->channels;
}

uint32_t z_impl_counter_get_frequency(const struct device *dev)
{
	return info_of(dev)->freq;
}

uint32_t z_impl_counter_get_max_top_value(const struct device *dev)
{
	return info_of(dev)->max_top_value;
}

/* Whole seconds and the rest apart, so that no product overflows; saturated. */
uint32_t z_impl_counter_us_to_ticks(const struct device *dev, uint64_t us)
{
	uint64_t freq = info_of(dev)->freq;
	uint64_t secs = us / USEC_PER_SEC_U64;

	if (secs > UINT32_MAX) {
		return UINT32_MAX;
	}
	uint64_t ticks = secs * freq + (us % USEC_PER_SEC_U64) * freq / USEC_PER_SEC_U64;

	return ticks > UINT32_MAX ? UINT32_MAX : (uint32_t)ticks;
}

uint64_t z_impl_counter_ticks_to_us(const struct device *dev, uint32_t ticks)
{
	uint32_t freq = info_of(dev)->freq;

	return freq != 0U ? (uint64_t)ticks * USEC_PER_SEC_U64 / freq : 0U;
}

int z_impl_counter_start(const struct device *dev)
{
	return counter_api_of(dev)->start(dev);
}

int z_impl_counter_stop(const struct device *dev)
{
	return counter_api_of(dev)->stop(dev);
}

int z_impl_counter_get_value(const struct device *dev, uint32_t *ticks)
{
	return counter_api_of(dev)->get_value(dev, ticks);
}

int z_impl_counter_set_channel_alarm(const struct device *dev, uint8_t chan_id,
				     const struct counter_alarm_cfg *alarm_cfg)
{
	const struct counter_driver_api *api = counter_api_of(dev);

	if (chan_id >= info_of(dev)->channels || api->set_alarm == NULL) {
		return -ENOTSUP;
	}
	return api->set_alarm(dev, chan_id, alarm_cfg);
}

int z_impl_counter_cancel_channel_alarm(const struct device *dev, uint8_t chan_id)
{
	const struct counter_driver_api *api = counter_api_of(dev);

	if (chan_id >= info_of(dev)->channels || api->cancel_alarm == NULL) {
		return -ENOTSUP;
	}
	return api->cancel_alarm(dev, chan_id);
}

int z_impl_counter_set_top_value(const struct device *dev, const struct counter_top_cfg *cfg)
{
	const struct counter_driver_api *api = counter_api_of(dev);

	if (cfg->ticks > info_of(dev)->max_top_value) {
		return -EINVAL;
	}
	return api->set_top_value != NULL ? api->set_top_value(dev, cfg) : -ENOTSUP;
}

uint32_t z_impl_counter_get_top_value(const struct device *dev)
{
	return counter_api_of(dev)->get_top_value(dev);
}

#ifdef CONFIG_USERSPACE

#define COUNTER_CHECK(dev) K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_COUNTER))

bool z_vrfy_counter_is_counting_up(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_is_counting_up(dev);
}

uint8_t z_vrfy_counter_get_num_of_channels(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_get_num_of_channels(dev);
}

uint32_t z_vrfy_counter_get_frequency(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_get_frequency(dev);
}

uint32_t z_vrfy_counter_get_max_top_value(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_get_max_top_value(dev);
}

uint32_t z_vrfy_counter_us_to_ticks(const struct device *dev, uint64_t us)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_us_to_ticks(dev, us);
}

uint64_t z_vrfy_counter_ticks_to_us(const struct device *dev, uint32_t ticks)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_ticks_to_us(dev, ticks);
}

int z_vrfy_counter_start(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_start(dev);
}

int z_vrfy_counter_stop(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_stop(dev);
}

int z_vrfy_counter_get_value(const struct device *dev, uint32_t *ticks)
{
	uint32_t copy = 0;

	COUNTER_CHECK(dev);
	K_OOPS(K_SYSCALL_MEMORY_WRITE(ticks, sizeof(*ticks)));
	int ret = z_impl_counter_get_value(dev, &copy);

	K_OOPS(k_usermode_to_copy(ticks, &copy, sizeof(copy)));
	return ret;
}

int z_vrfy_counter_set_channel_alarm(const struct device *dev, uint8_t chan_id,
				     const struct counter_alarm_cfg *alarm_cfg)
{
	struct counter_alarm_cfg copy;

	COUNTER_CHECK(dev);
	K_OOPS(k_usermode_from_copy(&copy, alarm_cfg, sizeof(copy)));
	K_OOPS(K_SYSCALL_VERIFY_MSG(copy.callback == NULL, "no callbacks from user mode"));
	return z_impl_counter_set_channel_alarm(dev, chan_id, &copy);
}

int z_vrfy_counter_cancel_channel_alarm(const struct device *dev, uint8_t chan_id)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_cancel_channel_alarm(dev, chan_id);
}

int z_vrfy_counter_set_top_value(const struct device *dev, const struct counter_top_cfg *cfg)
{
	struct counter_top_cfg copy;

	COUNTER_CHECK(dev);
	K_OOPS(k_usermode_from_copy(&copy, cfg, sizeof(copy)));
	K_OOPS(K_SYSCALL_VERIFY_MSG(copy.callback == NULL, "no callbacks from user mode"));
	return z_impl_counter_set_top_value(dev, &copy);
}

uint32_t z_vrfy_counter_get_top_value(const struct device *dev)
{
	COUNTER_CHECK(dev);
	return z_impl_counter_get_top_value(dev);
}

#endif /* CONFIG_USERSPACE */
