/* Zephyr source compatibility: <zephyr/sys/sem.h> is Breeze's <breeze/sys/sem.h>. */
#ifndef ZEPHYR_FWD_SYS_SEM_H
#define ZEPHYR_FWD_SYS_SEM_H
#include <breeze/sys/sem.h>
#endif
