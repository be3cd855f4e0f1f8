/*
 * The counter system calls from user mode. A user thread granted the counter
 * reads it, starts and stops it, and changes its top value, with the same
 * answers as supervisor code, 64-bit arguments and results included; an
 * alarm without a callback is refused as in supervisor mode. A thread that
 * was not granted the counter, names a device of another class, hands a
 * buffer it may not use, or passes a callback (which would run in the
 * interrupt handler, in supervisor mode) is killed with an oops before the
 * driver runs.
 */
#include <string.h>
#include <zephyr/drivers/counter.h>
#include "user_util.h"
#include "dut.h"

#define OTHER_CLASS DEVICE_DT_GET(DT_CHOSEN(zephyr_console))
/* An argument whose low word alone would mean 1 ms. */
#define LONG_US     ((1ULL << 32) + 1000U)

RESULT static struct {
	uint32_t freq;
	bool up;
	uint8_t channels;
	uint32_t max_top;
	uint32_t ticks;
	uint64_t us;
	uint32_t value;
	uint32_t top;
	int ret[7];
} seen;

static void granted_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const struct counter_top_cfg top = { .ticks = 5000 };
	const struct counter_alarm_cfg alarm = { .ticks = 10 };

	seen.freq = counter_get_frequency(DUT);
	seen.up = counter_is_counting_up(DUT);
	seen.channels = counter_get_num_of_channels(DUT);
	seen.max_top = counter_get_max_top_value(DUT);
	seen.ticks = counter_us_to_ticks(DUT, LONG_US);
	seen.us = counter_ticks_to_us(DUT, UINT32_MAX);
	seen.ret[0] = counter_start(DUT);
	seen.ret[1] = counter_get_value(DUT, &seen.value);
	seen.ret[2] = counter_stop(DUT);
	seen.ret[3] = counter_set_top_value(DUT, &top);
	seen.top = counter_get_top_value(DUT);
	seen.ret[4] = counter_set_channel_alarm(DUT, 0, &alarm);
	seen.ret[5] = counter_set_channel_alarm(DUT, 7, &alarm);
	seen.ret[6] = counter_cancel_channel_alarm(DUT, 0);
}

static void restore(void *fixture)
{
	const struct counter_top_cfg full = { .ticks = UINT32_MAX };

	ARG_UNUSED(fixture);
	(void)counter_stop(DUT);
	(void)counter_cancel_channel_alarm(DUT, 0);
	zassert_ok(counter_set_top_value(DUT, &full));
}

ZTEST(counter_user, test_granted_counter) {
	k_tid_t t = user_create(0, granted_user, NULL, NULL, NULL, USER_PRIO, 0);

	memset(&seen, 0x55, sizeof(seen));
	k_object_access_grant(DUT, t);
	run_to_end(t);
	zassert_equal(seen.freq, counter_get_frequency(DUT));
	zassert_equal(seen.up, counter_is_counting_up(DUT));
	zassert_equal(seen.channels, counter_get_num_of_channels(DUT));
	zassert_equal(seen.max_top, counter_get_max_top_value(DUT));
	zassert_equal(seen.ticks, counter_us_to_ticks(DUT, LONG_US), "both words arrived");
	zassert_true(seen.ticks > counter_us_to_ticks(DUT, 1000));
	zassert_equal(seen.us, counter_ticks_to_us(DUT, UINT32_MAX), "both words came back");
	zassert_equal(seen.ret[0], 0);
	zassert_equal(seen.ret[1], 0);
	zassert_true(seen.value <= seen.max_top);
	zassert_equal(seen.ret[2], 0);
	zassert_equal(seen.ret[3], 0);
	zassert_equal(seen.top, 5000);
	zassert_equal(counter_get_top_value(DUT), 5000);
	zassert_equal(seen.ret[4], -EINVAL, "an alarm needs a callback");
	zassert_equal(seen.ret[5], -ENOTSUP, "no channel 7");
	zassert_equal(seen.ret[6], 0);
}

enum attack {
	NOT_GRANTED,
	WRONG_CLASS,
	VALUE_KERNEL_PTR,
	ALARM_CFG_KERNEL_PTR,
	ALARM_CALLBACK,
	TOP_CALLBACK,
};

static uint32_t kernel_word;
RESULT static volatile int survived;

static void alarm_cb(const struct device *dev, uint8_t chan, uint32_t ticks, void *user_data)
{
	ARG_UNUSED(dev);
	ARG_UNUSED(chan);
	ARG_UNUSED(ticks);
	ARG_UNUSED(user_data);
}

static void top_cb(const struct device *dev, void *user_data)
{
	ARG_UNUSED(dev);
	ARG_UNUSED(user_data);
}

static void attacker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const struct counter_alarm_cfg alarm = { .callback = alarm_cb, .ticks = 10 };
	const struct counter_top_cfg top = { .callback = top_cb, .ticks = 5000 };
	uint32_t v;

	switch ((enum attack)ARG_INT(p1)) {
	case NOT_GRANTED:
		(void)counter_get_value(DUT, &v);
		break;
	case WRONG_CLASS:
		(void)counter_start(OTHER_CLASS);
		break;
	case VALUE_KERNEL_PTR:
		(void)counter_get_value(DUT, &kernel_word);
		break;
	case ALARM_CFG_KERNEL_PTR:
		(void)counter_set_channel_alarm(DUT, 0,
						(const struct counter_alarm_cfg *)&kernel_word);
		break;
	case ALARM_CALLBACK:
		(void)counter_set_channel_alarm(DUT, 0, &alarm);
		break;
	case TOP_CALLBACK:
		(void)counter_set_top_value(DUT, &top);
		break;
	}
	survived++;
}

static void run_attack(enum attack a)
{
	k_tid_t t = user_create(0, attacker, INT_ARG(a), NULL, NULL, USER_PRIO, 0);

	/* Everything the call needs but the one thing that is wrong. */
	if (a == WRONG_CLASS) {
		k_object_access_grant(OTHER_CLASS, t);
	} else if (a != NOT_GRANTED) {
		k_object_access_grant(DUT, t);
	}
	survived = 0;
	kernel_word = 0x5a5a5a5a;
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(survived, 0, "attack %d: the thread went on", a);
	zassert_equal(kernel_word, 0x5a5a5a5a, "attack %d: kernel memory written", a);
}

ZTEST(counter_user, test_refused) {
	run_attack(NOT_GRANTED);
	run_attack(WRONG_CLASS);
	run_attack(VALUE_KERNEL_PTR);
	run_attack(ALARM_CFG_KERNEL_PTR);
}

ZTEST(counter_user, test_no_callbacks_from_user_mode) {
	run_attack(ALARM_CALLBACK);
	run_attack(TOP_CALLBACK);
	zassert_equal(counter_get_top_value(DUT), UINT32_MAX, "the top value left alone");
}

ZTEST_SUITE(counter_user, NULL, NULL, restore, restore, NULL);
