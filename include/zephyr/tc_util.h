/* Zephyr source compatibility: <zephyr/tc_util.h> is Breeze's <breeze/tc_util.h>. */
#ifndef ZEPHYR_FWD_TC_UTIL_H
#define ZEPHYR_FWD_TC_UTIL_H
#include <breeze/tc_util.h>
#endif
