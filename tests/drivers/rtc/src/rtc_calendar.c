/*
 * The calendar arithmetic behind the RTC API: known dates both ways, leap
 * years (2000 is one, 2100 is not), days of the week and of the year, and the
 * dates rtc_time_to_epoch_ns() refuses.
 */
#include <zephyr/kernel.h>
#include <zephyr/drivers/rtc.h>
#include <zephyr/ztest.h>

#define NS_PER_SEC 1000000000ULL

struct known {
	uint64_t secs;
	int year, mon, mday, hour, min, sec, wday, yday;
};

static const struct known dates[] = {
	{ 0, 1970, 0, 1, 0, 0, 0, 4, 0 },           /* a Thursday */
	{ 951782400, 2000, 1, 29, 0, 0, 0, 2, 59 }, /* leap day of a century leap year */
	{ 951868800, 2000, 2, 1, 0, 0, 0, 3, 60 },
	{ 1709251199, 2024, 1, 29, 23, 59, 59, 4, 59 },   /* last second of a leap day */
	{ 1735689599, 2024, 11, 31, 23, 59, 59, 2, 365 }, /* last second of a leap year */
	{ 4107542400, 2100, 2, 1, 0, 0, 0, 1, 59 },       /* 2100 has no 29 February */
	{ 4294967296, 2106, 1, 7, 6, 28, 16, 0, 37 },     /* past 32-bit seconds */
};

ZTEST(rtc_calendar, test_known_dates_both_ways) {
	for (size_t i = 0; i < ARRAY_SIZE(dates); i++) {
		const struct known *k = &dates[i];
		struct rtc_time t;
		uint64_t ns;

		rtc_time_from_epoch_ns(k->secs * NS_PER_SEC + 123, &t);
		zassert_equal(t.tm_year + 1900, k->year, "date %u", i);
		zassert_equal(t.tm_mon, k->mon, "date %u", i);
		zassert_equal(t.tm_mday, k->mday, "date %u", i);
		zassert_equal(t.tm_hour, k->hour, "date %u", i);
		zassert_equal(t.tm_min, k->min, "date %u", i);
		zassert_equal(t.tm_sec, k->sec, "date %u", i);
		zassert_equal(t.tm_wday, k->wday, "date %u", i);
		zassert_equal(t.tm_yday, k->yday, "date %u", i);
		zassert_equal(t.tm_nsec, 123, "date %u", i);
		zassert_equal(t.tm_isdst, -1);
		zassert_ok(rtc_time_to_epoch_ns(&t, &ns));
		zassert_equal(ns, k->secs * NS_PER_SEC + 123, "date %u", i);
	}
}

ZTEST(rtc_calendar, test_invalid_dates) {
	const struct rtc_time good = { .tm_year = 124, .tm_mon = 1, .tm_mday = 29 };
	struct rtc_time t;
	uint64_t ns;

	zassert_ok(rtc_time_to_epoch_ns(&good, &ns));
#define REFUSED(field, value)                                                  \
	do {                                                                   \
		t = good;                                                      \
		t.field = (value);                                             \
		zassert_equal(rtc_time_to_epoch_ns(&t, &ns), -EINVAL, #field); \
	} while (0)
	REFUSED(tm_mday, 30); /* 30 February */
	REFUSED(tm_mday, 0);
	REFUSED(tm_mon, 12);
	REFUSED(tm_mon, -1);
	REFUSED(tm_year, 69); /* before the epoch */
	REFUSED(tm_year, 601);
	REFUSED(tm_hour, 24);
	REFUSED(tm_min, 60);
	REFUSED(tm_sec, 60);
	REFUSED(tm_nsec, 1000000000);
	REFUSED(tm_nsec, -1);
	t = good;
	t.tm_year = 123; /* 2023: no 29 February */
	zassert_equal(rtc_time_to_epoch_ns(&t, &ns), -EINVAL);
}

ZTEST_SUITE(rtc_calendar, NULL, NULL, NULL, NULL, NULL);
