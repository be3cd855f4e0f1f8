/* Zephyr source compatibility: <zephyr/ztest.h> is Breeze's <breeze/ztest.h>. */
#ifndef ZEPHYR_FWD_ZTEST_H
#define ZEPHYR_FWD_ZTEST_H
#include <zephyr/kernel.h>
#include <breeze/ztest.h>
#endif
