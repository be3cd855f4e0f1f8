/* Zephyr source compatibility: <zephyr/drivers/watchdog.h> is Breeze's <breeze/drivers/watchdog.h>.
 */
#ifndef ZEPHYR_FWD_DRIVERS_WATCHDOG_H
#define ZEPHYR_FWD_DRIVERS_WATCHDOG_H
#include <breeze/kernel.h>
#include <breeze/drivers/watchdog.h>
#endif
