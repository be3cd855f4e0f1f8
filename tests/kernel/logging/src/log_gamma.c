/* Module gamma, at LOG_LEVEL_NONE: not even errors. */
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(gamma, LOG_LEVEL_NONE);

void gamma_log_error(void)
{
	LOG_ERR("never %d", 0);
	LOG_HEXDUMP_ERR("x", 1, "never");
}
