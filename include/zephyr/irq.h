/* Zephyr source compatibility: <zephyr/irq.h> is Breeze's <breeze/irq.h>. */
#ifndef ZEPHYR_FWD_IRQ_H
#define ZEPHYR_FWD_IRQ_H
#include <breeze/irq.h>
#endif
