/*
 * The console's UART as the tests see it beyond the UART API: its node, its
 * clock and baud divisor, and (NS16550 only) loopback.
 */
#ifndef CONSOLE_UART_H
#define CONSOLE_UART_H

#include <stdbool.h>
#include <stdint.h>
#include <zephyr/devicetree.h>

#define CONSOLE_NODE      DT_CHOSEN(zephyr_console)
#define CONSOLE_NODE_NAME DT_NODE_FULL_NAME(CONSOLE_NODE)
#define CONSOLE_CLOCK     DT_PROP(CONSOLE_NODE, clock_frequency)
#define CONSOLE_REG(off)  ((volatile uint8_t *)(DT_REG_ADDR(CONSOLE_NODE) + (off)))

#if DT_NODE_HAS_COMPAT(CONSOLE_NODE, ns16550)

#define CONSOLE_HAS_LOOPBACK 1
/* The divisor latch counts in sixteenths of a bit. */
#define CONSOLE_DIVISOR_UNIT 16

#define UART_LCR CONSOLE_REG(3)
#define UART_MCR CONSOLE_REG(4)
#define LCR_DLAB 0x80
#define MCR_LOOP 0x10

/*
 * Loopback (MCR bit 4): what the UART sends comes back as input, and nothing
 * reaches the console. Nothing may print meanwhile.
 */
static inline void loopback(bool on)
{
	*UART_MCR = on ? (*UART_MCR | MCR_LOOP) : (*UART_MCR & ~MCR_LOOP);
}

static inline void console_uart_reset(void)
{
	loopback(false);
}

/* The divisor latch, read through the latch access bit (nothing may print meanwhile). */
static inline uint32_t console_uart_divisor(void)
{
	uint8_t lcr = *UART_LCR;
	uint32_t div;

	*UART_LCR = lcr | LCR_DLAB;
	div = *CONSOLE_REG(0) | ((uint32_t)*CONSOLE_REG(1) << 8);
	*UART_LCR = lcr;
	return div;
}

#elif DT_NODE_HAS_COMPAT(CONSOLE_NODE, arm_cmsdk_uart)

/* No loopback: QEMU's model has none, and no input reaches it in these runs. */
#define CONSOLE_HAS_LOOPBACK 0
/* BAUDDIV counts clock cycles per bit. */
#define CONSOLE_DIVISOR_UNIT 1

static inline void console_uart_reset(void)
{
}

static inline uint32_t console_uart_divisor(void)
{
	return *(volatile uint32_t *)CONSOLE_REG(0x10); /* BAUDDIV */
}

#else
#error "console_uart.h: no test support for the console's UART"
#endif

#endif /* CONSOLE_UART_H */
