/* Zephyr source compatibility: <zephyr/logging/log.h> is Breeze's <breeze/logging/log.h>. */
#ifndef ZEPHYR_FWD_LOGGING_LOG_H
#define ZEPHYR_FWD_LOGGING_LOG_H
#include <breeze/logging/log.h>
#endif
