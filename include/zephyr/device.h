/* Zephyr source compatibility: <zephyr/device.h> is Breeze's <breeze/device.h>. */
#ifndef ZEPHYR_FWD_DEVICE_H
#define ZEPHYR_FWD_DEVICE_H
#include <breeze/kernel.h>
#include <breeze/device.h>
#endif
