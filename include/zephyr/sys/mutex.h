/* Zephyr source compatibility: <zephyr/sys/mutex.h> is Breeze's <breeze/sys/mutex.h>. */
#ifndef ZEPHYR_FWD_SYS_MUTEX_H
#define ZEPHYR_FWD_SYS_MUTEX_H
#include <breeze/sys/mutex.h>
#endif
