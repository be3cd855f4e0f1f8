/*
 * Logging from a user thread: the same lines, through printk's user path
 * (formatted on the thread's stack, written by the k_str_out system call).
 */
#include <string.h>
#include <zephyr/logging/log.h>
#include "user_util.h"
#include "capture.h"

LOG_MODULE_REGISTER(user_mod, LOG_LEVEL_INF);

RESULT static uint8_t user_data[4];

static void user_logs(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	LOG_ERR("from user mode %d", 7);
	LOG_DBG("filtered");
	LOG_HEXDUMP_INF(user_data, sizeof(user_data), "user data");
}

ZTEST_SUITE(logging_user, NULL, NULL, NULL, NULL, NULL);

ZTEST(logging_user, test_user_thread_logs) {
	static const uint8_t bytes[4] = { 0xde, 0xad, 0xbe, 0xef };

	memcpy(user_data, bytes, sizeof(bytes));
	capture_start();
	run_to_end(user_create(0, user_logs, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_str_equal(
	    capture_stop(),
	    "<err> user_mod: from user mode 7\n"
	    "<inf> user_mod: user data\n"
	    "      00000000: de ad be ef                                       |....|\n");
}
