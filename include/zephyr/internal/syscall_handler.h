/*
 * Zephyr source compatibility: the checks of system call verifiers
 * (K_OOPS, K_SYSCALL_OBJ, K_SYSCALL_MEMORY_READ/WRITE, k_usermode_from_copy
 * and friends) for an application's own system calls. The build puts the
 * kernel's headers on the application's path when it declares system calls.
 */
#ifndef ZEPHYR_FWD_INTERNAL_SYSCALL_HANDLER_H
#define ZEPHYR_FWD_INTERNAL_SYSCALL_HANDLER_H
#include <syscall_handler.h>

/* The names of older Zephyr releases. */
#define Z_OOPS                       K_OOPS
#define Z_SYSCALL_VERIFY_MSG         K_SYSCALL_VERIFY_MSG
#define Z_SYSCALL_VERIFY             K_SYSCALL_VERIFY
#define Z_SYSCALL_MEMORY_READ        K_SYSCALL_MEMORY_READ
#define Z_SYSCALL_MEMORY_WRITE       K_SYSCALL_MEMORY_WRITE
#define Z_SYSCALL_MEMORY_ARRAY_READ  K_SYSCALL_MEMORY_ARRAY_READ
#define Z_SYSCALL_MEMORY_ARRAY_WRITE K_SYSCALL_MEMORY_ARRAY_WRITE
#define Z_SYSCALL_OBJ                K_SYSCALL_OBJ
#define Z_SYSCALL_OBJ_INIT           K_SYSCALL_OBJ_INIT
#define Z_SYSCALL_OBJ_NEVER_INIT     K_SYSCALL_OBJ_NEVER_INIT
#define z_user_from_copy             k_usermode_from_copy
#define z_user_to_copy               k_usermode_to_copy
#define z_user_string_copy           k_usermode_string_copy
#endif
