/* The devices the user-mode tests use, and the UART whose init fails. */
#ifndef DEVICES_H
#define DEVICES_H

#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/drivers/rtc.h>
#include <zephyr/drivers/entropy.h>

#define UART DEVICE_DT_GET(DT_CHOSEN(zephyr_console))
#define RTC  DEVICE_DT_GET(DT_NODELABEL(rtc))
#define RNG  DEVICE_DT_GET(DT_CHOSEN(zephyr_entropy))

DEVICE_DECLARE(broken_uart);
#define BROKEN_UART DEVICE_GET(broken_uart)

#endif
