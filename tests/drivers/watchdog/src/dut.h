/*
 * The watchdog the user-mode tests use: the CMSDK watchdog where the board
 * has its driver (mps2_an385), else the test's stand-in.
 */
#ifndef WDT_DUT_H
#define WDT_DUT_H

#include <zephyr/device.h>

#ifdef CONFIG_WDT_CMSDK_APB
#define DUT DEVICE_DT_GET(DT_NODELABEL(wdog0))
#else
DEVICE_DECLARE(wdt_stand_in);
#define DUT DEVICE_GET(wdt_stand_in)
#endif

#endif /* WDT_DUT_H */
