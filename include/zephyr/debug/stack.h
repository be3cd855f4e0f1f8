/* Zephyr source compatibility: <zephyr/debug/stack.h> is Breeze's <breeze/debug/stack.h>. */
#ifndef ZEPHYR_FWD_DEBUG_STACK_H
#define ZEPHYR_FWD_DEBUG_STACK_H
#include <breeze/debug/stack.h>
#endif
