/*
 * Ending the run. On QEMU boards the emulator exits with @status, which is how
 * tests report their result; on hardware the CPU stops.
 */
#ifndef BREEZE_SYS_EXIT_H
#define BREEZE_SYS_EXIT_H

#include <breeze/toolchain.h>

FUNC_NORETURN void sys_exit(int status);

/* Power off: sys_exit(0). */
FUNC_NORETURN void sys_poweroff(void);

#endif /* BREEZE_SYS_EXIT_H */
