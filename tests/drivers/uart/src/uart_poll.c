/*
 * The NS16550 driver through the UART API, polling: output on the console
 * device, input through loopback, the line configuration and its refusals,
 * the line error flags.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/ztest.h>
#include "loopback.h"

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
	loopback(false);
	zassert_ok(uart_configure(uart, &line));
}

ZTEST_SUITE(uart_poll, NULL, NULL, restore, restore, NULL);

ZTEST(uart_poll, test_console_device) {
	static const char msg[] = "uart_poll_out: through the console device\n";

	zassert_true(device_is_ready(uart));
	zassert_str_equal(uart->name, "serial@10000000");
	zassert_equal_ptr(device_get_binding("serial@10000000"), uart);
	for (const char *p = msg; *p != '\0'; p++) {
		uart_poll_out(uart, *p);
	}
}

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

ZTEST(uart_poll, test_config_from_the_tree) {
	struct uart_config cfg;

	zassert_ok(uart_config_get(uart, &cfg));
	zassert_equal(cfg.baudrate, DT_PROP(DT_CHOSEN(zephyr_console), current_speed));
	zassert_equal(cfg.parity, UART_CFG_PARITY_NONE);
	zassert_equal(cfg.stop_bits, UART_CFG_STOP_BITS_1);
	zassert_equal(cfg.data_bits, UART_CFG_DATA_BITS_8);
	zassert_equal(cfg.flow_ctrl, UART_CFG_FLOW_CTRL_NONE);
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
	zassert_equal(*(volatile uint8_t *)(DT_REG_ADDR(DT_CHOSEN(zephyr_console)) + 3), 0x1e);
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
