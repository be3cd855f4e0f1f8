/* Zephyr source compatibility: <zephyr/kernel.h> is Breeze's <breeze/kernel.h>. */
#ifndef ZEPHYR_FWD_KERNEL_H
#define ZEPHYR_FWD_KERNEL_H
#include <breeze/kernel.h>
#endif
