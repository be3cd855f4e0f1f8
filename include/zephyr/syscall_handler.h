/* Zephyr source compatibility: the older name of <zephyr/internal/syscall_handler.h>. */
#ifndef ZEPHYR_FWD_SYSCALL_HANDLER_H
#define ZEPHYR_FWD_SYSCALL_HANDLER_H
#include <zephyr/internal/syscall_handler.h>
#endif
