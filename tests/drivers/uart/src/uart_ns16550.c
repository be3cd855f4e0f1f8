/*
 * What the NS16550 adds: input through loopback, and the other framings it
 * can set, written to its line control register.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/ztest.h>
#include "console_uart.h"

#if DT_NODE_HAS_COMPAT(CONSOLE_NODE, ns16550)

static const struct device *const uart = DEVICE_DT_GET(CONSOLE_NODE);

ZTEST(uart_poll, test_poll_in_loopback) {
	unsigned char got[4] = { 0 };
	int rets[5];

	loopback(true);
	rets[0] = uart_poll_in(uart, &got[0]); /* nothing yet */
	uart_poll_out(uart, 'b');
	uart_poll_out(uart, 'z');
	rets[1] = uart_poll_in(uart, &got[0]);
	rets[2] = uart_poll_in(uart, &got[1]);
	rets[3] = uart_poll_in(uart, &got[2]); /* drained */
	loopback(false);

	zassert_equal(rets[0], -1);
	zassert_equal(rets[1], 0);
	zassert_equal(rets[2], 0);
	zassert_equal(rets[3], -1);
	zassert_equal(got[0], 'b');
	zassert_equal(got[1], 'z');
	zassert_equal(uart_err_check(uart), 0);
}

ZTEST(uart_poll, test_configure) {
	struct uart_config cfg = {
		.baudrate = 9600,
		.parity = UART_CFG_PARITY_EVEN,
		.stop_bits = UART_CFG_STOP_BITS_2,
		.data_bits = UART_CFG_DATA_BITS_7,
		.flow_ctrl = UART_CFG_FLOW_CTRL_NONE,
	};
	struct uart_config got;

	zassert_ok(uart_configure(uart, &cfg));
	zassert_ok(uart_config_get(uart, &got));
	zassert_mem_equal(&got, &cfg, sizeof(cfg));
	/* Line control register: 7 bits (2), 2 stop bits (4), even parity (0x18). */
	zassert_equal(*UART_LCR, 0x1e);
}

#endif
