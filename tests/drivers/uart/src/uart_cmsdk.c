/*
 * What the CMSDK APB UART adds: its framing is fixed (8N1, no flow control),
 * so any other is refused and changes nothing.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/ztest.h>
#include "console_uart.h"

#if DT_NODE_HAS_COMPAT(CONSOLE_NODE, arm_cmsdk_uart)

static const struct device *const uart = DEVICE_DT_GET(CONSOLE_NODE);

ZTEST(uart_poll, test_fixed_framing) {
	const struct uart_config good = { 115200, UART_CFG_PARITY_NONE, UART_CFG_STOP_BITS_1,
					  UART_CFG_DATA_BITS_8, UART_CFG_FLOW_CTRL_NONE };
	struct uart_config bad;
	struct uart_config got;

	bad = good;
	bad.parity = UART_CFG_PARITY_EVEN;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.stop_bits = UART_CFG_STOP_BITS_2;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.data_bits = UART_CFG_DATA_BITS_7;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	/* Not even the baud rate of a refused line was taken. */
	bad.baudrate = 9600;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	zassert_ok(uart_config_get(uart, &got));
	zassert_mem_equal(&got, &good, sizeof(good));
	zassert_equal(console_uart_divisor(), CONSOLE_CLOCK / 115200);
}

#endif
