/* Module delta: its level from LOG_LEVEL, defined before the header (Zephyr's convention). */
#define LOG_LEVEL LOG_LEVEL_DBG
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(delta);

void delta_log_debug(void)
{
	LOG_DBG("debug via LOG_LEVEL");
}
