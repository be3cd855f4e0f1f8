/* Zephyr source compatibility: <zephyr/drivers/uart.h> is Breeze's <breeze/drivers/uart.h>. */
#ifndef ZEPHYR_FWD_DRIVERS_UART_H
#define ZEPHYR_FWD_DRIVERS_UART_H
#include <breeze/kernel.h>
#include <breeze/drivers/uart.h>
#endif
