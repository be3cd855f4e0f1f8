/*
 * Counter driver class, Zephyr's API (a subset): a hardware counter that
 * counts up or down between 0 and its top value at a fixed frequency and
 * wraps, with alarm channels that call back when it reaches a value and a
 * callback at each wrap.
 *
 * Every call is a system call. Callbacks run in the counter's interrupt
 * handler, so, as in Zephyr, a user thread may set an alarm or a top value
 * only without a callback (an oops otherwise); an alarm needs a callback, so
 * alarms are in effect supervisor-only. counter_set_guard_period() is not
 * provided: without a guard period an absolute alarm is late only when the
 * counter is at that very value.
 */
#ifndef BREEZE_DRIVERS_COUNTER_H
#define BREEZE_DRIVERS_COUNTER_H

#include <stdbool.h>
#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/device.h>

/* struct counter_config_info flags: the counter counts up (else down). */
#define COUNTER_CONFIG_INFO_COUNT_UP BIT(0)

/* struct counter_top_cfg flags. */
#define COUNTER_TOP_CFG_DONT_RESET      BIT(0) /* keep counting from the current value */
#define COUNTER_TOP_CFG_RESET_WHEN_LATE BIT(1) /* ... unless it is beyond the new top */

/* struct counter_alarm_cfg flags. */
#define COUNTER_ALARM_CFG_ABSOLUTE         BIT(0) /* ticks is a counter value, not a delay */
#define COUNTER_ALARM_CFG_EXPIRE_WHEN_LATE BIT(1) /* a late absolute alarm fires at once */

/* Called in the interrupt handler with the counter value the alarm was set for. */
typedef void (*counter_alarm_callback_t)(const struct device *dev, uint8_t chan_id, uint32_t ticks,
					 void *user_data);

struct counter_alarm_cfg {
	counter_alarm_callback_t callback; /* not NULL */
	uint32_t ticks;                    /* 0 to the top value */
	void *user_data;
	uint32_t flags;
};

/* Called in the interrupt handler each time the counter wraps. */
typedef void (*counter_top_callback_t)(const struct device *dev, void *user_data);

struct counter_top_cfg {
	uint32_t ticks; /* the new top value */
	counter_top_callback_t callback;
	void *user_data;
	uint32_t flags;
};

/* First member of every counter driver's config: what the counter is. */
struct counter_config_info {
	uint32_t max_top_value;
	uint32_t freq; /* ticks per second */
	uint8_t flags;
	uint8_t channels; /* alarm channels */
};

/* A driver sees a channel below its count and a kernel copy of each cfg. */
struct counter_driver_api {
	int (*start)(const struct device *dev);
	int (*stop)(const struct device *dev);
	int (*get_value)(const struct device *dev, uint32_t *ticks);
	int (*set_alarm)(const struct device *dev, uint8_t chan_id,
			 const struct counter_alarm_cfg *alarm_cfg);
	int (*cancel_alarm)(const struct device *dev, uint8_t chan_id);
	int (*set_top_value)(const struct device *dev, const struct counter_top_cfg *cfg);
	uint32_t (*get_top_value)(const struct device *dev);
};

__syscall bool counter_is_counting_up(const struct device *dev);
__syscall uint8_t counter_get_num_of_channels(const struct device *dev);
__syscall uint32_t counter_get_frequency(const struct device *dev);
__syscall uint32_t counter_get_max_top_value(const struct device *dev);

/* Conversions at the counter's frequency (rounded down). */
__syscall uint32_t counter_us_to_ticks(const struct device *dev, uint64_t us);
__syscall uint64_t counter_ticks_to_us(const struct device *dev, uint32_t ticks);

/* Start or stop counting: 0 or -errno. */
__syscall int counter_start(const struct device *dev);
__syscall int counter_stop(const struct device *dev);

/* The current value: 0 or -errno. */
__syscall int counter_get_value(const struct device *dev, uint32_t *ticks);

/*
 * Arm alarm channel @chan_id: 0; -ENOTSUP for a channel the counter lacks;
 * -EINVAL for ticks beyond the top value or no callback; -EBUSY if the
 * channel is armed already; -ETIME for an absolute alarm set too late (with
 * COUNTER_ALARM_CFG_EXPIRE_WHEN_LATE it also fires at once). The alarm fires
 * once.
 */
__syscall int counter_set_channel_alarm(const struct device *dev, uint8_t chan_id,
					const struct counter_alarm_cfg *alarm_cfg);

/* Disarm channel @chan_id (armed or not): 0, or -ENOTSUP for a channel the counter lacks. */
__syscall int counter_cancel_channel_alarm(const struct device *dev, uint8_t chan_id);

/*
 * Set the top value and the wrap callback (NULL: none). The counter restarts
 * from its first value unless COUNTER_TOP_CFG_DONT_RESET. 0; -EINVAL for a
 * value the counter cannot have; -EBUSY while an alarm is armed; -ETIME with
 * COUNTER_TOP_CFG_DONT_RESET when the counter is beyond the new top (it is
 * then reset if COUNTER_TOP_CFG_RESET_WHEN_LATE); -ENOTSUP if the counter
 * cannot do it.
 */
__syscall int counter_set_top_value(const struct device *dev, const struct counter_top_cfg *cfg);

__syscall uint32_t counter_get_top_value(const struct device *dev);

#endif /* BREEZE_DRIVERS_COUNTER_H */
