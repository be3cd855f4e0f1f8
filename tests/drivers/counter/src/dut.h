/*
 * The counter the user-mode tests use: timer0 where the board has the CMSDK
 * driver (mps2_an385), else the test's stand-in.
 */
#ifndef COUNTER_DUT_H
#define COUNTER_DUT_H

#include <zephyr/device.h>

#ifdef CONFIG_COUNTER_CMSDK_APB
#define DUT DEVICE_DT_GET(DT_NODELABEL(timer0))
#else
DEVICE_DECLARE(counter_stand_in);
#define DUT DEVICE_GET(counter_stand_in)
#endif

#endif /* COUNTER_DUT_H */
