/* Zephyr source compatibility: <zephyr/toolchain.h> is Breeze's <breeze/toolchain.h>. */
#ifndef ZEPHYR_FWD_TOOLCHAIN_H
#define ZEPHYR_FWD_TOOLCHAIN_H
#include <breeze/toolchain.h>
#endif
