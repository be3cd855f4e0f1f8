/*
 * The console: where printk() and the C library's stdout/stderr go. A console
 * driver installs its output function at boot; before that, output is dropped.
 */
#ifndef BREEZE_SYS_CONSOLE_H
#define BREEZE_SYS_CONSOLE_H

/* @out writes one character (blocking until accepted) and returns it. */
void z_console_out_install(int (*out)(int c));

/* Write one character to the console. */
int z_console_putc(int c);

#endif /* BREEZE_SYS_CONSOLE_H */
