/*
 * The interrupt-driven API: a message sent by the callback one byte per
 * transmit interrupt comes back (loopback) through receive interrupts. A
 * UART without loopback (console_uart.h) sends it to the console, where
 * testspec.cmake finds it, and the transfer ends with the last byte sent.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/ztest.h>
#include "console_uart.h"

static const struct device *const uart = DEVICE_DT_GET(DT_CHOSEN(zephyr_console));

#if CONSOLE_HAS_LOOPBACK
static const uint8_t message[] = "interrupts";
#else
static const uint8_t message[] = "\nsent by transmit interrupts\n";
#endif
static struct {
	size_t sent;
	uint8_t received[sizeof(message)];
	size_t nreceived;
	unsigned int calls;
	void *user_data;
} irq_log;
static K_SEM_DEFINE(done, 0, 1);

static void callback(const struct device *dev, void *user_data)
{
	irq_log.calls++;
	irq_log.user_data = user_data;
	uart_irq_update(dev);
	if (uart_irq_tx_ready(dev)) {
		if (irq_log.sent < sizeof(message)) {
			irq_log.sent += uart_fifo_fill(dev, &message[irq_log.sent],
						       sizeof(message) - irq_log.sent);
		} else {
			uart_irq_tx_disable(dev);
		}
	}
	while (uart_irq_rx_ready(dev) && irq_log.nreceived < sizeof(message)) {
		irq_log.nreceived += uart_fifo_read(dev, &irq_log.received[irq_log.nreceived],
						    sizeof(message) - irq_log.nreceived);
	}
	if (irq_log.nreceived == sizeof(message) ||
	    (!CONSOLE_HAS_LOOPBACK && irq_log.sent == sizeof(message))) {
		uart_irq_rx_disable(dev);
		uart_irq_tx_disable(dev);
		k_sem_give(&done);
	}
}

ZTEST(uart_irq, test_send_and_receive_by_interrupts) {
	static int cookie;

	zassert_ok(uart_irq_callback_user_data_set(uart, callback, &cookie));
#if CONSOLE_HAS_LOOPBACK
	loopback(true);
#endif
	uart_irq_rx_enable(uart);
	uart_irq_tx_enable(uart);
	int ret = k_sem_take(&done, K_MSEC(500));

	uart_irq_rx_disable(uart);
	uart_irq_tx_disable(uart);
	console_uart_reset();
	(void)uart_irq_callback_set(uart, NULL);

	zassert_ok(ret, "no end of transfer: sent %u, received %u", irq_log.sent,
		   irq_log.nreceived);
	zassert_equal(irq_log.sent, sizeof(message));
	if (CONSOLE_HAS_LOOPBACK) {
		zassert_mem_equal(irq_log.received, message, sizeof(message));
	}
	zassert_true(irq_log.calls >= sizeof(message), "one interrupt per byte at least");
	zassert_equal_ptr(irq_log.user_data, &cookie);
	zassert_equal(uart_irq_tx_complete(uart), 1);
}

ZTEST_SUITE(uart_irq, NULL, NULL, NULL, NULL, NULL);
