/*
 * The shell's thread and its terminal: the console UART (the devicetree's
 * zephyr,console). Its receive interrupt moves bytes into a ring buffer and
 * gives a semaphore; the thread sleeps on the semaphore, so an idle shell
 * costs nothing. Output goes out through the UART's polling call, like
 * printk, so the two never reorder each other's characters.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <breeze/kernel.h>
#include <breeze/devicetree.h>
#include <breeze/drivers/uart.h>
#include <breeze/sys/ring_buffer.h>
#include "shell_internal.h"

#define UART DEVICE_DT_GET(DT_CHOSEN(zephyr_console))

static const struct shell shell_instance = { .name = "uart" };

RING_BUF_DECLARE(rx_ring, CONFIG_SHELL_RX_BUFF_SIZE);
static K_SEM_DEFINE(rx_sem, 0, 1);
static struct shell_line line;

void z_shell_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uart_poll_out(UART, (unsigned char)s[i]);
	}
}

void z_shell_puts(const char *s)
{
	z_shell_write(s, strlen(s));
}

void shell_fprintf(const struct shell *sh, enum shell_vt100_color color, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	ARG_UNUSED(sh);
	ARG_UNUSED(color);
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	va_end(ap);
	if (n < 0) {
		return;
	}
	if ((size_t)n >= sizeof(buf)) {
		/* Cut: say so, and keep the line's end. */
		strcpy(&buf[sizeof(buf) - 5U], "...\n");
	}
	for (const char *p = buf; *p != '\0'; p++) {
		if (*p == '\n') {
			z_shell_write("\r", 1);
		}
		z_shell_write(p, 1);
	}
}

/* Interrupt context: take every byte the UART holds (dropping what does not fit). */
static void uart_isr(const struct device *dev, void *user_data)
{
	uint8_t buf[8];
	bool got = false;

	ARG_UNUSED(user_data);
	while (uart_irq_update(dev) > 0 && uart_irq_rx_ready(dev) > 0) {
		int n = uart_fifo_read(dev, buf, sizeof(buf));

		if (n <= 0) {
			break;
		}
		(void)ring_buf_put(&rx_ring, buf, (uint32_t)n);
		got = true;
	}
	if (got) {
		k_sem_give(&rx_sem);
	}
}

static void prompt(void)
{
	z_shell_puts(CONFIG_SHELL_PROMPT);
}

static void enter(void)
{
	z_shell_puts("\r\n");
	z_shell_history_add(line.buf);
	(void)z_shell_execute(&shell_instance, line.buf); /* it reported any failure */
	z_shell_line_reset(&line);
	prompt();
}

static void recall(const char *text)
{
	if (text != NULL) {
		z_shell_line_replace(&line, text);
	}
}

static void tab(void)
{
	char insert[CONFIG_SHELL_CMD_BUFF_SIZE + 1];
	char before[CONFIG_SHELL_CMD_BUFF_SIZE + 1];

	memcpy(before, line.buf, line.cursor);
	before[line.cursor] = '\0';
	if (z_shell_complete(&shell_instance, before, insert, sizeof(insert))) {
		/* The candidates were listed below: show the line again, the cursor at its end. */
		prompt();
		z_shell_write(line.buf, line.len);
		line.cursor = line.len;
	}
	z_shell_line_insert(&line, insert);
}

static void key(char c)
{
	switch (z_shell_line_feed(&line, c)) {
	case SHELL_KEY_ENTER:
		enter();
		break;
	case SHELL_KEY_UP:
		recall(z_shell_history_older());
		break;
	case SHELL_KEY_DOWN:
		recall(z_shell_history_newer());
		break;
	case SHELL_KEY_TAB:
		tab();
		break;
	case SHELL_KEY_ABORT:
		z_shell_history_rewind();
		z_shell_puts("^C\r\n");
		prompt();
		break;
	default:
		break;
	}
}

static void shell_thread(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	if (!device_is_ready(UART) || uart_irq_callback_user_data_set(UART, uart_isr, NULL) != 0) {
		printk("shell: the console UART has no interrupt-driven input\n");
		return;
	}
	uart_irq_rx_enable(UART);
	z_shell_line_reset(&line);
	prompt();
	for (;;) {
		uint8_t c;

		(void)k_sem_take(&rx_sem, K_FOREVER);
		while (ring_buf_get(&rx_ring, &c, 1) == 1U) {
			key((char)c);
		}
	}
}

BUILD_ASSERT(CONFIG_SHELL_THREAD_PRIORITY >= K_HIGHEST_APPLICATION_THREAD_PRIO &&
		 CONFIG_SHELL_THREAD_PRIORITY <= K_LOWEST_APPLICATION_THREAD_PRIO,
	     "CONFIG_SHELL_THREAD_PRIORITY is not a priority of this configuration "
	     "(see CONFIG_NUM_PREEMPT_PRIORITIES)");

K_THREAD_DEFINE(shell_uart, CONFIG_SHELL_STACK_SIZE, shell_thread, NULL, NULL, NULL,
		CONFIG_SHELL_THREAD_PRIORITY, 0, 0);
