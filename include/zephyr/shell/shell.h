/* Zephyr source compatibility: <zephyr/shell/shell.h> is Breeze's <breeze/shell/shell.h>. */
#ifndef ZEPHYR_FWD_SHELL_SHELL_H
#define ZEPHYR_FWD_SHELL_SHELL_H
#include <breeze/shell/shell.h>
#endif
