/*
 * Console capture (see capture.h). The capture function replaces the UART
 * driver's for good, and writes each character to the UART itself (polled,
 * as the driver does) so that the run's log stays complete.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/devicetree.h>
#include <breeze/sys/console.h>
#include "capture.h"

#define THR      ((volatile uint8_t *)(DT_REG_ADDR(DT_CHOSEN(zephyr_console)) + 0))
#define LSR      ((volatile uint8_t *)(DT_REG_ADDR(DT_CHOSEN(zephyr_console)) + 5))
#define LSR_THRE 0x20

static char buf[2048];
static size_t len;
static bool on;

static int capture_out(int c)
{
	unsigned int key = irq_lock();

	while ((*LSR & LSR_THRE) == 0U) {
	}
	*THR = (uint8_t)c;
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
