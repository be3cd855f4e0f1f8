/* Zephyr source compatibility: <zephyr/sys/iterable_sections.h> is Breeze's
 * <breeze/sys/iterable_sections.h>. */
#ifndef ZEPHYR_FWD_SYS_ITERABLE_SECTIONS_H
#define ZEPHYR_FWD_SYS_ITERABLE_SECTIONS_H
#include <breeze/sys/iterable_sections.h>
#endif
