/* Module alpha, registered at warning level: errors and warnings only. */
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(alpha, LOG_LEVEL_WRN);

void alpha_log_all(int *evaluated)
{
	LOG_ERR("error %d", 1);
	LOG_WRN("warning %s", "two");
	/* Filtered: not printed, the argument not even evaluated. */
	LOG_INF("info %d", ++*evaluated);
	LOG_DBG("debug %d", ++*evaluated);
}

void alpha_hexdump(const void *data, size_t len)
{
	LOG_HEXDUMP_WRN(data, len, "frame");
	LOG_HEXDUMP_INF(data, len, "filtered frame");
}
