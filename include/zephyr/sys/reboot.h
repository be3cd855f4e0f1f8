/* Zephyr source compatibility: <zephyr/sys/reboot.h> is Breeze's <breeze/sys/reboot.h>. */
#ifndef ZEPHYR_FWD_SYS_REBOOT_H
#define ZEPHYR_FWD_SYS_REBOOT_H
#include <breeze/sys/reboot.h>
#endif
