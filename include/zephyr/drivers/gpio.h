/* Zephyr source compatibility: <zephyr/drivers/gpio.h> is Breeze's <breeze/drivers/gpio.h>. */
#ifndef ZEPHYR_FWD_DRIVERS_GPIO_H
#define ZEPHYR_FWD_DRIVERS_GPIO_H
#include <breeze/kernel.h>
#include <breeze/drivers/gpio.h>
#endif
