/* Zephyr source compatibility: <zephyr/sys/slist.h> is Breeze's <breeze/sys/slist.h>. */
#ifndef ZEPHYR_FWD_SYS_SLIST_H
#define ZEPHYR_FWD_SYS_SLIST_H
#include <breeze/sys/slist.h>
#endif
