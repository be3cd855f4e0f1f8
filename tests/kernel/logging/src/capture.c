/*
 * Console capture (see capture.h). The capture function replaces the UART
 * driver's for good, and passes each character on to the console's UART
 * through the UART API (polled, as the driver's own function does: whatever
 * the UART), so that the run's log stays complete.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/devicetree.h>
#include <zephyr/drivers/uart.h>
#include <breeze/sys/console.h>
#include "capture.h"

static const struct device *const uart = DEVICE_DT_GET(DT_CHOSEN(zephyr_console));

static char buf[2048];
static size_t len;
static bool on;

static int capture_out(int c)
{
	unsigned int key = irq_lock();

	uart_poll_out(uart, (unsigned char)c);
	if (on && c != '\r' && len < sizeof(buf) - 1U) {
		buf[len++] = (char)c;
	}
	irq_unlock(key);
	return c;
}

void capture_start(void)
{
	z_console_out_install(capture_out);
	len = 0;
	memset(buf, 0, sizeof(buf));
	on = true;
}

const char *capture_stop(void)
{
	on = false;
	buf[len] = '\0';
	return buf;
}
