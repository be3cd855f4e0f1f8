/* Zephyr source compatibility: <zephyr/sys/atomic.h> is Breeze's <breeze/sys/atomic.h>. */
#ifndef ZEPHYR_FWD_SYS_ATOMIC_H
#define ZEPHYR_FWD_SYS_ATOMIC_H
#include <breeze/sys/atomic.h>
#endif
