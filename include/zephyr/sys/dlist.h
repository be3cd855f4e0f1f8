/* Zephyr source compatibility: <zephyr/sys/dlist.h> is Breeze's <breeze/sys/dlist.h>. */
#ifndef ZEPHYR_FWD_SYS_DLIST_H
#define ZEPHYR_FWD_SYS_DLIST_H
#include <breeze/sys/dlist.h>
#endif
