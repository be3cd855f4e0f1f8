/* Zephyr source compatibility: <zephyr/sys/util.h> is Breeze's <breeze/sys/util.h>. */
#ifndef ZEPHYR_FWD_SYS_UTIL_H
#define ZEPHYR_FWD_SYS_UTIL_H
#include <breeze/sys/util.h>
#endif
