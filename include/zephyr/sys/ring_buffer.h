/* Zephyr source compatibility: <zephyr/sys/ring_buffer.h> is <breeze/sys/ring_buffer.h>. */
#ifndef ZEPHYR_FWD_SYS_RING_BUFFER_H
#define ZEPHYR_FWD_SYS_RING_BUFFER_H
#include <breeze/sys/ring_buffer.h>
#endif
