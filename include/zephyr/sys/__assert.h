/* Zephyr source compatibility: <zephyr/sys/__assert.h> is Breeze's <breeze/sys/__assert.h>. */
#ifndef ZEPHYR_FWD_SYS___ASSERT_H
#define ZEPHYR_FWD_SYS___ASSERT_H
#include <breeze/sys/__assert.h>
#endif
