/* Zephyr source compatibility: <zephyr/version.h> is Breeze's <breeze/version.h>. */
#ifndef ZEPHYR_FWD_VERSION_H
#define ZEPHYR_FWD_VERSION_H
#include <breeze/version.h>
#endif
