/* Zephyr source compatibility: <zephyr/irq_offload.h> is Breeze's <breeze/irq_offload.h>. */
#ifndef ZEPHYR_FWD_IRQ_OFFLOAD_H
#define ZEPHYR_FWD_IRQ_OFFLOAD_H
#include <breeze/irq_offload.h>
#endif
