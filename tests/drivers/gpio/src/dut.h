/*
 * The port the user-mode tests use: the RAM-backed CMSDK port where the
 * board has the CMSDK driver (mps2_an385), else the test's stand-in.
 */
#ifndef GPIO_DUT_H
#define GPIO_DUT_H

#include <zephyr/device.h>

#if defined(CONFIG_GPIO_CMSDK_AHB) && DT_NODE_EXISTS(DT_NODELABEL(gpio_ram))
#define DUT DEVICE_DT_GET(DT_NODELABEL(gpio_ram))
#else
DEVICE_DECLARE(gpio_stand_in);
#define DUT DEVICE_GET(gpio_stand_in)
#endif

#endif /* GPIO_DUT_H */
