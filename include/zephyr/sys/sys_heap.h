/* Zephyr source compatibility: <zephyr/sys/sys_heap.h> is <breeze/sys/sys_heap.h>. */
#ifndef ZEPHYR_FWD_SYS_SYS_HEAP_H
#define ZEPHYR_FWD_SYS_SYS_HEAP_H
#include <breeze/sys/sys_heap.h>
#endif
