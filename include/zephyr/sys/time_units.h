/* Zephyr source compatibility: <zephyr/sys/time_units.h> is Breeze's <breeze/sys/time_units.h>. */
#ifndef ZEPHYR_FWD_SYS_TIME_UNITS_H
#define ZEPHYR_FWD_SYS_TIME_UNITS_H
#include <breeze/sys/time_units.h>
#endif
