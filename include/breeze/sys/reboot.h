/*
 * Rebooting the system, Zephyr's API: on boards whose devicetree has a
 * "syscon-reboot" node (QEMU 'virt' resets; started with -no-reboot, QEMU
 * exits instead).
 */
#ifndef BREEZE_SYS_REBOOT_H
#define BREEZE_SYS_REBOOT_H

#include <breeze/toolchain.h>

#define SYS_REBOOT_WARM 0
#define SYS_REBOOT_COLD 1

FUNC_NORETURN void sys_reboot(int type);

#endif /* BREEZE_SYS_REBOOT_H */
