/* Zephyr source compatibility: <zephyr/init.h> is Breeze's <breeze/init.h>. */
#ifndef ZEPHYR_FWD_INIT_H
#define ZEPHYR_FWD_INIT_H
#include <breeze/init.h>
#endif
