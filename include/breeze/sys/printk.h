/*
 * printk: formatted console output (picolibc's formatter, the board's console).
 */
#ifndef BREEZE_SYS_PRINTK_H
#define BREEZE_SYS_PRINTK_H

#include <stdarg.h>
#include <stdbool.h>
#include <breeze/toolchain.h>

void printk(const char *fmt, ...) __printf_like(1, 2);
void vprintk(const char *fmt, va_list ap);

/*
 * Silence (true) or restore (false) all console output: printk, printf and
 * user threads' k_str_out. Returns the previous setting. Supervisor mode only.
 */
bool printk_mute(bool mute);

#endif /* BREEZE_SYS_PRINTK_H */
