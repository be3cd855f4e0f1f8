/* Another file of module alpha, declared at debug level: everything, under alpha's name. */
#include <zephyr/logging/log.h>

LOG_MODULE_DECLARE(alpha, LOG_LEVEL_DBG);

void alpha_more_log_all(void)
{
	LOG_ERR("e");
	LOG_WRN("w");
	LOG_INF("i");
	LOG_DBG("d %u", 4U);
}
