/*
 * Real-time clock driver class, Zephyr's API: the wall-clock time as broken-down
 * calendar fields (UTC). rtc_set_time() and rtc_get_time() are system calls.
 */
#ifndef BREEZE_DRIVERS_RTC_H
#define BREEZE_DRIVERS_RTC_H

#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/device.h>

/* The fields of struct tm, and nanoseconds. */
struct rtc_time {
	int tm_sec;   /* 0 to 59 */
	int tm_min;   /* 0 to 59 */
	int tm_hour;  /* 0 to 23 */
	int tm_mday;  /* 1 to 31 */
	int tm_mon;   /* 0 to 11 */
	int tm_year;  /* years since 1900 */
	int tm_wday;  /* 0 (Sunday) to 6; ignored by rtc_set_time() */
	int tm_yday;  /* 0 to 365; ignored by rtc_set_time() */
	int tm_isdst; /* -1: unknown */
	int tm_nsec;  /* 0 to 999999999 */
};

struct rtc_driver_api {
	int (*set_time)(const struct device *dev, const struct rtc_time *timeptr);
	int (*get_time)(const struct device *dev, struct rtc_time *timeptr);
};

/* Set the clock: 0, -EINVAL for a time that is not a valid date the clock can hold. */
__syscall int rtc_set_time(const struct device *dev, const struct rtc_time *timeptr);

/* Read the clock: 0, -ENODATA if it was never set (where the clock can tell). */
__syscall int rtc_get_time(const struct device *dev, struct rtc_time *timeptr);

/*
 * Calendar arithmetic for drivers that count time since the Unix epoch.
 * rtc_time_from_epoch_ns() fills every field; rtc_time_to_epoch_ns() checks
 * every field it uses and returns -EINVAL for an invalid or out-of-range date
 * (before 1970, after 2500).
 */
void rtc_time_from_epoch_ns(uint64_t ns, struct rtc_time *t);
int rtc_time_to_epoch_ns(const struct rtc_time *t, uint64_t *ns);

#endif /* BREEZE_DRIVERS_RTC_H */
