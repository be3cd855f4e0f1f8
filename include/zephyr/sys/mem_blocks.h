/* Zephyr source compatibility: <zephyr/sys/mem_blocks.h> is Breeze's <breeze/sys/mem_blocks.h>. */
#ifndef ZEPHYR_FWD_SYS_MEM_BLOCKS_H
#define ZEPHYR_FWD_SYS_MEM_BLOCKS_H
#include <breeze/sys/mem_blocks.h>
#endif
