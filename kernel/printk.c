/*
 * Console output: printk() formats with picolibc's vfprintf into the console,
 * and the C library's stdout and stderr write to the same console, so printf()
 * works in any thread.
 */
#include <stdio.h>
#include <breeze/kernel.h>
#include <breeze/sys/console.h>

static int (*console_out)(int c);

void z_console_out_install(int (*out)(int c))
{
	console_out = out;
}

int z_console_putc(int c)
{
	if (console_out != NULL) {
		if (c == '\n') {
			(void)console_out('\r');
		}
		(void)console_out(c);
	}
	return c;
}

static int stdio_putc(char c, FILE *file)
{
	ARG_UNUSED(file);
	return z_console_putc((unsigned char)c);
}

static FILE console_stream = FDEV_SETUP_STREAM(stdio_putc, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdin = NULL;
FILE *const stdout = &console_stream;
FILE *const stderr = &console_stream;

void vprintk(const char *fmt, va_list ap)
{
	(void)vfprintf(&console_stream, fmt, ap);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
