/*
 * The CMSDK APB timers as counters, on the timers QEMU models: what they
 * are, counting down and standing still, alarms (relative, absolute, late,
 * due at once, refused, cancelled), the top value and its wrap callback,
 * alarms and wraps together, both timers at once.
 *
 * Virtual time follows the instructions (-icount), the timers and
 * k_busy_wait() run on it alike, so counts are exact up to the code between
 * two readings (SLACK).
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/counter.h>
#include <zephyr/ztest.h>

#ifdef CONFIG_COUNTER_CMSDK_APB

static const struct device *const timer0 = DEVICE_DT_GET(DT_NODELABEL(timer0));
static const struct device *const timer1 = DEVICE_DT_GET(DT_NODELABEL(timer1));

#define TICKS_PER_US (DT_PROP(DT_NODELABEL(timer0), clock_frequency) / 1000000U)
#define MS_TICKS     (1000U * TICKS_PER_US)
/* Ticks the code around a reading may take besides what it waits (40 us). */
#define SLACK        1000U

struct alarm_log {
	struct k_sem fired;
	unsigned int calls;
	const struct device *dev;
	uint8_t chan;
	uint32_t ticks; /* the value the callback was given */
	uint32_t value; /* the counter's value when it ran */
	bool in_isr;
	unsigned int wraps_then;
};

static struct alarm_log log0;
static struct alarm_log log1;
static volatile unsigned int wraps;

static void alarm_cb(const struct device *dev, uint8_t chan, uint32_t ticks, void *user_data)
{
	struct alarm_log *log = user_data;

	log->calls++;
	log->dev = dev;
	log->chan = chan;
	log->ticks = ticks;
	log->in_isr = k_is_in_isr();
	log->wraps_then = wraps;
	(void)counter_get_value(dev, &log->value);
	k_sem_give(&log->fired);
}

static void top_cb(const struct device *dev, void *user_data)
{
	ARG_UNUSED(dev);
	ARG_UNUSED(user_data);
	wraps++;
}

static uint32_t value_of(const struct device *dev)
{
	uint32_t v = 0;

	zassert_ok(counter_get_value(dev, &v));
	return v;
}

/* Stopped, at the full range, no alarm and no callback. */
static void reset_timer(const struct device *dev)
{
	const struct counter_top_cfg full = { .ticks = UINT32_MAX };

	zassert_ok(counter_stop(dev));
	zassert_ok(counter_cancel_channel_alarm(dev, 0));
	zassert_ok(counter_set_top_value(dev, &full));
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	reset_timer(timer0);
	reset_timer(timer1);
	memset(&log0, 0, sizeof(log0));
	memset(&log1, 0, sizeof(log1));
	k_sem_init(&log0.fired, 0, 10);
	k_sem_init(&log1.fired, 0, 10);
	wraps = 0;
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	reset_timer(timer0);
	reset_timer(timer1);
}

ZTEST_SUITE(counter_cmsdk, NULL, NULL, before, after, NULL);

ZTEST(counter_cmsdk, test_what_they_are) {
	zassert_true(device_is_ready(timer0));
	zassert_true(device_is_ready(timer1));
	zassert_str_equal(timer0->name, "timer@40000000");
	zassert_str_equal(timer1->name, "timer@40001000");
	zassert_false(counter_is_counting_up(timer0));
	zassert_equal(counter_get_frequency(timer0), 25000000);
	zassert_equal(counter_get_num_of_channels(timer0), 1);
	zassert_equal(counter_get_max_top_value(timer0), UINT32_MAX);
	zassert_equal(counter_get_top_value(timer0), UINT32_MAX);
	zassert_equal(counter_us_to_ticks(timer0, 1000), MS_TICKS);
	zassert_equal(counter_ticks_to_us(timer0, MS_TICKS), 1000);
	zassert_equal(counter_us_to_ticks(timer0, UINT64_MAX), UINT32_MAX, "saturated");
}

ZTEST(counter_cmsdk, test_counts_down_and_stands_still) {
	zassert_equal(value_of(timer0), UINT32_MAX, "reset to the top, stopped");
	zassert_ok(counter_start(timer0));
	uint32_t a = value_of(timer0);

	k_busy_wait(1000);
	uint32_t b = value_of(timer0);

	zassert_between_inclusive(a - b, MS_TICKS, MS_TICKS + SLACK, "counted %u", a - b);
	zassert_ok(counter_stop(timer0));
	a = value_of(timer0);
	k_busy_wait(1000);
	zassert_equal(value_of(timer0), a, "a stopped counter counts nothing");
	zassert_equal(value_of(timer1), UINT32_MAX, "the other timer never ran");
}

ZTEST(counter_cmsdk, test_relative_alarm) {
	struct counter_alarm_cfg cfg = {
		.callback = alarm_cb,
		.ticks = MS_TICKS,
		.user_data = &log0,
	};

	zassert_ok(counter_start(timer0));
	uint32_t before_set = value_of(timer0);

	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(100)));
	zassert_equal(log0.calls, 1);
	zassert_equal_ptr(log0.dev, timer0);
	zassert_equal(log0.chan, 0);
	zassert_true(log0.in_isr, "callbacks run in the interrupt handler");
	/* Set for one millisecond after the call, run right then. */
	zassert_between_inclusive(before_set - log0.ticks, MS_TICKS, MS_TICKS + SLACK);
	zassert_between_inclusive(log0.ticks - log0.value, 0, SLACK, "late by %u",
				  log0.ticks - log0.value);
	k_busy_wait(3000);
	zassert_equal(log0.calls, 1, "an alarm fires once");
}

ZTEST(counter_cmsdk, test_absolute_alarm) {
	zassert_ok(counter_start(timer0));
	struct counter_alarm_cfg cfg = {
		.callback = alarm_cb,
		.ticks = value_of(timer0) - 100U * TICKS_PER_US,
		.user_data = &log0,
		.flags = COUNTER_ALARM_CFG_ABSOLUTE,
	};

	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(100)));
	zassert_equal(log0.ticks, cfg.ticks);
	zassert_between_inclusive(log0.ticks - log0.value, 0, SLACK);
}

ZTEST(counter_cmsdk, test_late_absolute_alarm) {
	/* Stopped, the counter stays at the value asked for: the alarm is late. */
	struct counter_alarm_cfg cfg = {
		.callback = alarm_cb,
		.ticks = value_of(timer0),
		.user_data = &log0,
		.flags = COUNTER_ALARM_CFG_ABSOLUTE,
	};

	zassert_equal(counter_set_channel_alarm(timer0, 0, &cfg), -ETIME);
	zassert_equal(k_sem_take(&log0.fired, K_MSEC(2)), -EAGAIN, "late: not armed");
	cfg.flags |= COUNTER_ALARM_CFG_EXPIRE_WHEN_LATE;
	zassert_equal(counter_set_channel_alarm(timer0, 0, &cfg), -ETIME);
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(2)), "late but told to expire");
	zassert_true(log0.in_isr);
	zassert_equal(log0.ticks, cfg.ticks);
}

ZTEST(counter_cmsdk, test_alarm_due_now) {
	struct counter_alarm_cfg cfg = { .callback = alarm_cb, .ticks = 0, .user_data = &log0 };

	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(2)));
	zassert_true(log0.in_isr, "from the handler, like any alarm");
	zassert_equal(log0.ticks, UINT32_MAX);
}

ZTEST(counter_cmsdk, test_alarm_refusals) {
	struct counter_alarm_cfg cfg = { .callback = alarm_cb, .ticks = 100, .user_data = &log0 };
	const struct counter_top_cfg top = { .ticks = 1000 };

	zassert_equal(counter_set_channel_alarm(timer0, 1, &cfg), -ENOTSUP);
	zassert_equal(counter_cancel_channel_alarm(timer0, 1), -ENOTSUP);
	cfg.callback = NULL;
	zassert_equal(counter_set_channel_alarm(timer0, 0, &cfg), -EINVAL);
	cfg.callback = alarm_cb;
	zassert_ok(counter_set_top_value(timer0, &top));
	cfg.ticks = 1001;
	zassert_equal(counter_set_channel_alarm(timer0, 0, &cfg), -EINVAL, "beyond the top");
	cfg.ticks = 100;
	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_equal(counter_set_channel_alarm(timer0, 0, &cfg), -EBUSY);
	zassert_equal(counter_set_top_value(timer0, &top), -EBUSY, "an alarm is armed");
}

ZTEST(counter_cmsdk, test_cancelled_alarm) {
	struct counter_alarm_cfg cfg = { .callback = alarm_cb,
					 .ticks = 200U * TICKS_PER_US,
					 .user_data = &log0 };

	zassert_ok(counter_start(timer0));
	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_ok(counter_cancel_channel_alarm(timer0, 0));
	k_busy_wait(1000);
	zassert_equal(log0.calls, 0);
	zassert_ok(counter_cancel_channel_alarm(timer0, 0), "cancelling twice is fine");
	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg), "the channel is free again");
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(100)));
}

ZTEST(counter_cmsdk, test_top_value_and_wraps) {
	/* A period of 100 us: top + 1 ticks. */
	const struct counter_top_cfg top = { .ticks = 100U * TICKS_PER_US - 1U,
					     .callback = top_cb };
	const struct counter_top_cfg zero = { .ticks = 0 };

	zassert_ok(counter_set_top_value(timer0, &top));
	zassert_equal(counter_get_top_value(timer0), top.ticks);
	zassert_equal(value_of(timer0), top.ticks, "restarted at the new top");
	zassert_ok(counter_start(timer0));
	for (int i = 0; i < 100; i++) {
		zassert_true(value_of(timer0) <= top.ticks);
		k_busy_wait(100);
	}
	zassert_ok(counter_stop(timer0));
	zassert_between_inclusive(wraps, 99, 101, "%u wraps in 10 ms", wraps);
	zassert_equal(counter_set_top_value(timer0, &zero), -EINVAL);
}

ZTEST(counter_cmsdk, test_top_value_without_reset) {
	const struct counter_top_cfg keep = { .ticks = UINT32_MAX - 1U,
					      .flags = COUNTER_TOP_CFG_DONT_RESET };
	const struct counter_top_cfg small = { .ticks = 1000, .flags = COUNTER_TOP_CFG_DONT_RESET };

	zassert_ok(counter_start(timer0));
	k_busy_wait(100);
	uint32_t before_set = value_of(timer0);

	zassert_ok(counter_set_top_value(timer0, &keep));
	zassert_between_inclusive(before_set - value_of(timer0), 0, SLACK, "the count went on");
	zassert_equal(counter_set_top_value(timer0, &small), -ETIME, "beyond the new top");
	zassert_true(value_of(timer0) <= small.ticks, "so it restarted");
	zassert_equal(counter_get_top_value(timer0), small.ticks);
}

ZTEST(counter_cmsdk, test_alarm_with_wrap_callback) {
	/* A period of 1 ms; an alarm within it, then one after its wrap. */
	const struct counter_top_cfg top = { .ticks = MS_TICKS - 1U, .callback = top_cb };
	struct counter_alarm_cfg cfg = { .callback = alarm_cb,
					 .ticks = MS_TICKS / 4U,
					 .user_data = &log0 };

	zassert_ok(counter_set_top_value(timer0, &top));
	zassert_ok(counter_start(timer0));
	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(100)));
	zassert_equal(log0.wraps_then, 0, "before the first wrap");

	uint32_t now = value_of(timer0);

	cfg.flags = COUNTER_ALARM_CFG_ABSOLUTE;
	cfg.ticks = now + MS_TICKS / 8U; /* above the value: after the wrap */
	zassert_true(cfg.ticks <= top.ticks, "the test's timing");
	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg));
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(100)));
	zassert_equal(log0.ticks, cfg.ticks);
	zassert_equal(log0.wraps_then, 1, "after the wrap");
	zassert_between_inclusive(log0.ticks - log0.value, 0, SLACK);

	/* Wraps keep their pace: the alarms cost a few ticks at most. */
	k_busy_wait(10000);
	zassert_between_inclusive(wraps, 10, 12, "%u wraps", wraps);
}

ZTEST(counter_cmsdk, test_both_timers) {
	struct counter_alarm_cfg cfg0 = { .callback = alarm_cb,
					  .ticks = 2U * MS_TICKS,
					  .user_data = &log0 };
	struct counter_alarm_cfg cfg1 = { .callback = alarm_cb,
					  .ticks = MS_TICKS,
					  .user_data = &log1 };

	zassert_ok(counter_start(timer0));
	zassert_ok(counter_start(timer1));
	zassert_ok(counter_set_channel_alarm(timer0, 0, &cfg0));
	zassert_ok(counter_set_channel_alarm(timer1, 0, &cfg1));
	zassert_ok(k_sem_take(&log1.fired, K_MSEC(100)));
	zassert_equal(log0.calls, 0, "timer0's alarm is later");
	zassert_ok(k_sem_take(&log0.fired, K_MSEC(100)));
	zassert_equal_ptr(log0.dev, timer0);
	zassert_equal_ptr(log1.dev, timer1);
}

#else /* !CONFIG_COUNTER_CMSDK_APB */

ZTEST_SUITE(counter_cmsdk, NULL, NULL, NULL, NULL, NULL);

ZTEST(counter_cmsdk, test_board_has_no_cmsdk_timer) {
	ztest_test_skip();
}

#endif /* CONFIG_COUNTER_CMSDK_APB */
