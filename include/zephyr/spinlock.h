/* Zephyr source compatibility: <zephyr/spinlock.h> is Breeze's <breeze/spinlock.h>. */
#ifndef ZEPHYR_FWD_SPINLOCK_H
#define ZEPHYR_FWD_SPINLOCK_H
#include <breeze/spinlock.h>
#endif
