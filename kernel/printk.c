/*
 * Console output: printk() formats with picolibc's vfprintf into the console,
 * and the C library's stdout and stderr write to the same console, so printf()
 * works in any thread. Which vfprintf is linked is a Kconfig choice
 * (PICOLIBC_*_PRINTF); the default prints 64-bit integers whole.
 *
 * printk_mute() silences all of it (a test that provokes a flood of fault
 * reports); the switch is kernel data, so only supervisor code can turn it.
 */
#include <stdio.h>
#include <breeze/kernel.h>
#include <breeze/sys/console.h>

static int (*console_out)(int c);
static bool muted;

bool printk_mute(bool mute)
{
	bool was = muted;

	muted = mute;
	return was;
}

void z_console_out_install(int (*out)(int c))
{
	console_out = out;
}

int z_console_putc(int c)
{
	if (console_out != NULL && !muted) {
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
#ifdef CONFIG_USERSPACE
	if (k_is_user_context()) {
#ifdef CONFIG_SERIAL
		k_str_out(&c, 1);
#endif /* else there is no console (and no k_str_out): nothing to write to */
		return (unsigned char)c;
	}
#endif
	return z_console_putc((unsigned char)c);
}

/*
 * Read-only, so that user threads can use stdout too (the formatter only reads
 * the stream); their characters go out through k_str_out().
 */
static const FILE console_stream = FDEV_SETUP_STREAM(stdio_putc, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdin = NULL;
FILE *const stdout = (FILE *)&console_stream;
FILE *const stderr = (FILE *)&console_stream;

#if defined(CONFIG_USERSPACE) && defined(CONFIG_PRINTK) && defined(CONFIG_SERIAL)
/* printk() in user mode: format on the caller's stack, emit in chunks. */
struct user_out {
	FILE file; /* first: the put function gets this pointer */
	size_t n;
	char buf[64];
};

static void user_flush(struct user_out *o)
{
	if (o->n > 0U) {
		k_str_out(o->buf, o->n);
		o->n = 0;
	}
}

static int user_putc(char c, FILE *file)
{
	struct user_out *o = (struct user_out *)file;

	o->buf[o->n++] = c;
	if (o->n == sizeof(o->buf)) {
		user_flush(o);
	}
	return (unsigned char)c;
}

static void user_vprintk(const char *fmt, va_list ap)
{
	struct user_out o = { .file = FDEV_SETUP_STREAM(user_putc, NULL, NULL, _FDEV_SETUP_WRITE) };

	(void)vfprintf(&o.file, fmt, ap);
	user_flush(&o);
}
#endif

#ifdef CONFIG_PRINTK
void vprintk(const char *fmt, va_list ap)
{
#ifdef CONFIG_USERSPACE
	if (k_is_user_context()) {
#ifdef CONFIG_SERIAL
		user_vprintk(fmt, ap); /* muted, if so, in k_str_out */
#endif                                 /* else no console: nothing to format for */
		return;
	}
#endif
	if (muted) {
		return; /* not even formatted: a muted flood costs next to nothing */
	}
	(void)vfprintf((FILE *)&console_stream, fmt, ap);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
#endif /* CONFIG_PRINTK */
