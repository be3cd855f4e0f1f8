/* Zephyr source compatibility: <zephyr/ztress.h> is Breeze's <breeze/ztress.h>. */
#ifndef ZEPHYR_FWD_ZTRESS_H
#define ZEPHYR_FWD_ZTRESS_H
#include <breeze/ztress.h>
#endif
