/* Zephyr source compatibility: <zephyr/fatal.h> is Breeze's <breeze/fatal.h>. */
#ifndef ZEPHYR_FWD_FATAL_H
#define ZEPHYR_FWD_FATAL_H
#include <breeze/fatal.h>
#endif
