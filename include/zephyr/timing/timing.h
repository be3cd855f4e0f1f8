/* Zephyr source compatibility: <zephyr/timing/timing.h> is Breeze's <breeze/timing/timing.h>. */
#ifndef ZEPHYR_FWD_TIMING_TIMING_H
#define ZEPHYR_FWD_TIMING_TIMING_H
#include <breeze/timing/timing.h>
#endif
