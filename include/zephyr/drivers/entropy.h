/* Zephyr source compatibility: <zephyr/drivers/entropy.h> is Breeze's <breeze/drivers/entropy.h>.
 */
#ifndef ZEPHYR_FWD_DRIVERS_ENTROPY_H
#define ZEPHYR_FWD_DRIVERS_ENTROPY_H
#include <breeze/kernel.h>
#include <breeze/drivers/entropy.h>
#endif
