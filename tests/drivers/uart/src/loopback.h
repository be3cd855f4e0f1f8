/*
 * The console UART in loopback (MCR bit 4): what it sends comes back as
 * input, and nothing reaches the console. Nothing may print meanwhile.
 */
#ifndef LOOPBACK_H
#define LOOPBACK_H

#include <zephyr/devicetree.h>

#define UART_MCR ((volatile uint8_t *)(DT_REG_ADDR(DT_CHOSEN(zephyr_console)) + 4))
#define MCR_LOOP 0x10

static inline void loopback(bool on)
{
	*UART_MCR = on ? (*UART_MCR | MCR_LOOP) : (*UART_MCR & ~MCR_LOOP);
}

#endif
