/*
 * Kernel-private declarations that belong to no single subsystem.
 */
#ifndef BREEZE_KERNEL_INTERNAL_H
#define BREEZE_KERNEL_INTERNAL_H

/* Give the stack canary its value; runs before any protected function returns. */
void z_stack_chk_guard_init(void);

/* Zero the bss of the application memory partitions (initialised data is loaded). */
void z_app_smem_init(void);

#endif /* BREEZE_KERNEL_INTERNAL_H */
