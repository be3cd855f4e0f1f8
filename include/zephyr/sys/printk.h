/* Zephyr source compatibility: <zephyr/sys/printk.h> is Breeze's <breeze/sys/printk.h>. */
#ifndef ZEPHYR_FWD_SYS_PRINTK_H
#define ZEPHYR_FWD_SYS_PRINTK_H
#include <breeze/sys/printk.h>
#endif
