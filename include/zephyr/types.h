/* Zephyr source compatibility: <zephyr/types.h> gives the fixed-width integer types. */
#ifndef ZEPHYR_FWD_TYPES_H
#define ZEPHYR_FWD_TYPES_H
#include <stddef.h>
#include <stdint.h>
#endif
