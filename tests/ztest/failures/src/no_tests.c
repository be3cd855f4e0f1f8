/*
 * An image with the harness but not a single test: the run must fail, since
 * nothing was tested. A suite alone does not count.
 */
#include <zephyr/ztest.h>

ZTEST_SUITE(empty, NULL, NULL, NULL, NULL, NULL);
