/* Zephyr source compatibility: <zephyr/drivers/counter.h> is Breeze's <breeze/drivers/counter.h>.
 */
#ifndef ZEPHYR_FWD_DRIVERS_COUNTER_H
#define ZEPHYR_FWD_DRIVERS_COUNTER_H
#include <breeze/kernel.h>
#include <breeze/drivers/counter.h>
#endif
