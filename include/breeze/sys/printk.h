/*
 * printk: formatted console output (picolibc's formatter, the board's console).
 */
#ifndef BREEZE_SYS_PRINTK_H
#define BREEZE_SYS_PRINTK_H

#include <stdarg.h>
#include <stdbool.h>
#include <breeze/toolchain.h>

#ifdef CONFIG_PRINTK
void printk(const char *fmt, ...) __printf_like(1, 2);
void vprintk(const char *fmt, va_list ap);
#else
/* No output: the calls compile to nothing (their arguments are still evaluated). */
static inline __printf_like(1, 2) void printk(const char *fmt, ...)
{
	(void)fmt;
}

static inline void vprintk(const char *fmt, va_list ap)
{
	(void)fmt;
	(void)ap;
}
#endif

/*
 * Silence (true) or restore (false) all console output: printk, printf and
 * user threads' k_str_out. Returns the previous setting. Supervisor mode only.
 */
bool printk_mute(bool mute);

#endif /* BREEZE_SYS_PRINTK_H */
