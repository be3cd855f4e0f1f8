/* Zephyr source compatibility: <zephyr/sys/poweroff.h> is Breeze's <breeze/sys/exit.h>. */
#ifndef ZEPHYR_FWD_SYS_POWEROFF_H
#define ZEPHYR_FWD_SYS_POWEROFF_H
#include <breeze/sys/exit.h>
#endif
