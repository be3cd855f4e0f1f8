/* Zephyr source compatibility: <zephyr/debug/thread_analyzer.h> is Breeze's. */
#ifndef ZEPHYR_FWD_DEBUG_THREAD_ANALYZER_H
#define ZEPHYR_FWD_DEBUG_THREAD_ANALYZER_H
#include <breeze/debug/thread_analyzer.h>
#endif
