/*
 * The console's UART driver through the UART API, polling: output on the
 * console device, the line configuration from the tree and the refusals
 * every driver owes. What depends on the UART (input through loopback, the
 * framings it can set, its registers) is in uart_<driver>.c.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/ztest.h>
#include "console_uart.h"

static const struct device *const uart = DEVICE_DT_GET(DT_CHOSEN(zephyr_console));

static void restore(void *fixture)
{
	static const struct uart_config line = {
		.baudrate = 115200,
		.parity = UART_CFG_PARITY_NONE,
		.stop_bits = UART_CFG_STOP_BITS_1,
		.data_bits = UART_CFG_DATA_BITS_8,
		.flow_ctrl = UART_CFG_FLOW_CTRL_NONE,
	};

	ARG_UNUSED(fixture);
	console_uart_reset();
	zassert_ok(uart_configure(uart, &line));
}

ZTEST_SUITE(uart_poll, NULL, NULL, restore, restore, NULL);

ZTEST(uart_poll, test_console_device) {
	static const char msg[] = "uart_poll_out: through the console device\n";

	zassert_true(device_is_ready(uart));
	zassert_str_equal(uart->name, CONSOLE_NODE_NAME);
	zassert_equal_ptr(device_get_binding(CONSOLE_NODE_NAME), uart);
	for (const char *p = msg; *p != '\0'; p++) {
		uart_poll_out(uart, *p);
	}
}

ZTEST(uart_poll, test_config_from_the_tree) {
	struct uart_config cfg;

	zassert_ok(uart_config_get(uart, &cfg));
	zassert_equal(cfg.baudrate, DT_PROP(DT_CHOSEN(zephyr_console), current_speed));
	zassert_equal(cfg.parity, UART_CFG_PARITY_NONE);
	zassert_equal(cfg.stop_bits, UART_CFG_STOP_BITS_1);
	zassert_equal(cfg.data_bits, UART_CFG_DATA_BITS_8);
	zassert_equal(cfg.flow_ctrl, UART_CFG_FLOW_CTRL_NONE);
}

/* Another baud rate, the framing kept: every driver can do that. */
ZTEST(uart_poll, test_configure_baud_rate) {
	struct uart_config cfg = {
		.baudrate = 9600,
		.parity = UART_CFG_PARITY_NONE,
		.stop_bits = UART_CFG_STOP_BITS_1,
		.data_bits = UART_CFG_DATA_BITS_8,
		.flow_ctrl = UART_CFG_FLOW_CTRL_NONE,
	};
	struct uart_config got;

	zassert_ok(uart_configure(uart, &cfg));
	zassert_ok(uart_config_get(uart, &got));
	zassert_mem_equal(&got, &cfg, sizeof(cfg));
	zassert_equal(console_uart_divisor(), CONSOLE_CLOCK / (CONSOLE_DIVISOR_UNIT * 9600));
}

/* No input is pending on a fresh line: poll_in says so and waits for nothing. */
ZTEST(uart_poll, test_poll_in_empty) {
	unsigned char c = 0x5a;

	zassert_equal(uart_poll_in(uart, &c), -1);
	zassert_equal(c, 0x5a, "poll_in wrote without input");
	zassert_equal(uart_err_check(uart), 0);
}

ZTEST(uart_poll, test_configure_refuses) {
	const struct uart_config good = { 115200, UART_CFG_PARITY_NONE, UART_CFG_STOP_BITS_1,
					  UART_CFG_DATA_BITS_8, UART_CFG_FLOW_CTRL_NONE };
	struct uart_config bad;
	struct uart_config got;

	bad = good;
	bad.flow_ctrl = UART_CFG_FLOW_CTRL_RTS_CTS;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.data_bits = UART_CFG_DATA_BITS_9;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.stop_bits = UART_CFG_STOP_BITS_1_5; /* only with 5 data bits */
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.baudrate = 0;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.baudrate = DT_PROP(DT_CHOSEN(zephyr_console), clock_frequency); /* above clock / 16 */
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	bad = good;
	bad.parity = 7;
	zassert_equal(uart_configure(uart, &bad), -ENOTSUP);
	/* Nothing changed. */
	zassert_ok(uart_config_get(uart, &got));
	zassert_mem_equal(&got, &good, sizeof(good));
}
