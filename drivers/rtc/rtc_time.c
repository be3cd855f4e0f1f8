/*
 * Calendar arithmetic between nanoseconds since 1970-01-01 00:00 UTC and
 * broken-down time, for the proleptic Gregorian calendar. Days are counted
 * in 400-year eras starting on 1 March, so the leap day falls at the end of
 * the counting year and every era has the same 146097 days.
 */
#include <errno.h>
#include <breeze/drivers/rtc.h>

#define NS_PER_SEC   1000000000ULL
#define SEC_PER_DAY  86400U
#define DAYS_PER_ERA 146097
/* Days from 0000-03-01 to 1970-01-01. */
#define EPOCH_SHIFT  719468
#define MAX_YEAR     2500

static bool leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int mon)
{
	static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return days[mon] + (mon == 1 && leap(year) ? 1 : 0);
}

/* Days since the epoch of a valid date (year >= 1970). */
static uint32_t days_from_date(int year, int mon, int mday)
{
	/* Count from March: January and February belong to the year before. */
	int y = mon < 2 ? year - 1 : year;
	int era = y / 400;
	int yoe = y - era * 400;
	int moy = mon < 2 ? mon + 10 : mon - 2; /* 0 = March */
	int doy = (153 * moy + 2) / 5 + mday - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (uint32_t)(era * DAYS_PER_ERA + doe - EPOCH_SHIFT);
}

void rtc_time_from_epoch_ns(uint64_t ns, struct rtc_time *t)
{
	uint64_t secs = ns / NS_PER_SEC;
	uint32_t days = (uint32_t)(secs / SEC_PER_DAY);
	uint32_t rem = (uint32_t)(secs % SEC_PER_DAY);

	t->tm_nsec = (int)(ns % NS_PER_SEC);
	t->tm_hour = (int)(rem / 3600U);
	t->tm_min = (int)(rem / 60U % 60U);
	t->tm_sec = (int)(rem % 60U);
	t->tm_wday = (int)((days + 4U) % 7U); /* 1970-01-01 was a Thursday */

	int z = (int)days + EPOCH_SHIFT;
	int era = z / DAYS_PER_ERA;
	int doe = z - era * DAYS_PER_ERA;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int mon = mp < 10 ? mp + 2 : mp - 10;
	int year = yoe + era * 400 + (mon < 2 ? 1 : 0);

	t->tm_mday = doy - (153 * mp + 2) / 5 + 1;
	t->tm_mon = mon;
	t->tm_year = year - 1900;
	t->tm_yday = (int)(days - days_from_date(year, 0, 1));
	t->tm_isdst = -1;
}

int rtc_time_to_epoch_ns(const struct rtc_time *t, uint64_t *ns)
{
	int year = t->tm_year + 1900;

	if (t->tm_year < 70 || year > MAX_YEAR || t->tm_mon < 0 || t->tm_mon > 11 ||
	    t->tm_mday < 1 || t->tm_mday > days_in_month(year, t->tm_mon) || t->tm_hour < 0 ||
	    t->tm_hour > 23 || t->tm_min < 0 || t->tm_min > 59 || t->tm_sec < 0 || t->tm_sec > 59 ||
	    t->tm_nsec < 0 || (uint64_t)t->tm_nsec >= NS_PER_SEC) {
		return -EINVAL;
	}
	uint64_t secs = (uint64_t)days_from_date(year, t->tm_mon, t->tm_mday) * SEC_PER_DAY +
			(uint64_t)t->tm_hour * 3600U + (uint64_t)t->tm_min * 60U +
			(uint64_t)t->tm_sec;

	*ns = secs * NS_PER_SEC + (uint64_t)t->tm_nsec;
	return 0;
}
