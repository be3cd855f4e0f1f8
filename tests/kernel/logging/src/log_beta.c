/* Module beta, registered without a level: CONFIG_LOG_DEFAULT_LEVEL (warnings). */
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(beta);

/* Only used in log messages: with logging off it must still count as used. */
void beta_log_all(int value)
{
	/* -Wall (an error here) would call it unused if a disabled macro dropped it. */
	int doubled = value * 2;

	LOG_DBG("doubled %d", doubled);
	LOG_WRN("value %d", value);
	LOG_INF("value %d", value);
	LOG_PANIC();
}
