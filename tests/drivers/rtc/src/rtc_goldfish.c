/*
 * The goldfish RTC through the RTC API (system calls with user mode compiled
 * in, called here from supervisor mode): set, read back, invalid times
 * refused with the clock left alone.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/rtc.h>
#include <zephyr/ztest.h>

static const struct device *const rtc = DEVICE_DT_GET(DT_ALIAS(rtc));

static const struct rtc_time leap_evening = {
	.tm_year = 2024 - 1900,
	.tm_mon = 1,
	.tm_mday = 29,
	.tm_hour = 23,
	.tm_min = 59,
	.tm_sec = 58,
	.tm_nsec = 500000000,
};

ZTEST(rtc_goldfish, test_device) {
	zassert_true(device_is_ready(rtc));
	zassert_str_equal(rtc->name, "rtc@101000");
}

ZTEST(rtc_goldfish, test_set_then_get) {
	struct rtc_time t;

	zassert_ok(rtc_set_time(rtc, &leap_evening));
	zassert_ok(rtc_get_time(rtc, &t));
	zassert_equal(t.tm_year, leap_evening.tm_year);
	zassert_equal(t.tm_mon, 1);
	zassert_equal(t.tm_mday, 29);
	zassert_equal(t.tm_hour, 23);
	zassert_equal(t.tm_min, 59);
	zassert_equal(t.tm_sec, 58, "read back within the second it was set in");
	zassert_true(t.tm_nsec >= leap_evening.tm_nsec);
	zassert_equal(t.tm_wday, 4);
}

ZTEST(rtc_goldfish, test_invalid_time_leaves_clock) {
	struct rtc_time bad = leap_evening;
	struct rtc_time t;

	zassert_ok(rtc_set_time(rtc, &leap_evening));
	bad.tm_year = 2023 - 1900; /* 29 February 2023 */
	zassert_equal(rtc_set_time(rtc, &bad), -EINVAL);
	zassert_ok(rtc_get_time(rtc, &t));
	zassert_equal(t.tm_year, leap_evening.tm_year);
	zassert_equal(t.tm_mday, 29);
}

ZTEST_SUITE(rtc_goldfish, NULL, NULL, NULL, NULL, NULL);
