/* Zephyr source compatibility: <zephyr/drivers/rtc.h> is Breeze's <breeze/drivers/rtc.h>. */
#ifndef ZEPHYR_FWD_DRIVERS_RTC_H
#define ZEPHYR_FWD_DRIVERS_RTC_H
#include <breeze/kernel.h>
#include <breeze/drivers/rtc.h>
#endif
