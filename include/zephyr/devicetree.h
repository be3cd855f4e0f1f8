/* Zephyr source compatibility: <zephyr/devicetree.h> is Breeze's <breeze/devicetree.h>. */
#ifndef ZEPHYR_FWD_DEVICETREE_H
#define ZEPHYR_FWD_DEVICETREE_H
#include <breeze/devicetree.h>
#endif
