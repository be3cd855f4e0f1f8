/* Zephyr source compatibility: ztest_set_fault_valid() and friends are in <zephyr/ztest.h>. */
#include <zephyr/ztest.h>
