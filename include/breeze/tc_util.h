/*
 * Zephyr's test-case utilities that its suites still use beside ztest: the
 * result codes a test thread reports through a variable, TC_PRINT and TC_ERROR.
 */
#ifndef BREEZE_TC_UTIL_H
#define BREEZE_TC_UTIL_H

#include <breeze/sys/printk.h>

#define TC_PASS  0
#define TC_FAIL  1
#define TC_SKIP  2
#define TC_FLAKY 3

/* Test output, on the console like the harness's own. */
#define TC_PRINT(fmt, ...) printk(fmt, ##__VA_ARGS__)

/* Zephyr's older name of the same: PRINT_DATA, and plain PRINT. */
#define PRINT_DATA(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define PRINT                printk

/* An error report: where it happened (function and line), then the message. */
#define TC_ERROR(fmt, ...) printk("\n    ERROR - %s@%d. " fmt, __func__, __LINE__, ##__VA_ARGS__)

#endif /* BREEZE_TC_UTIL_H */
