/*
 * Kernel-private declarations that belong to no single subsystem.
 */
#ifndef BREEZE_KERNEL_INTERNAL_H
#define BREEZE_KERNEL_INTERNAL_H

/* Give the stack canaries their seed; runs before the first thread is set up. */
void z_stack_chk_guard_init(void);

/*
 * The canary of a new TLS block: the kernel's secret for a kernel block, a
 * value of its own (that tells nothing about the secret) for a user block.
 */
uintptr_t z_stack_chk_guard_for(bool user);

/* Mix bytes from an entropy source into the canary secrets (before the first thread). */
void z_stack_chk_guard_seed(const uint8_t *seed, size_t len);

/* The thread that runs main() (Zephyr's name; its suites name it from user mode). */
extern struct k_thread z_main_thread;

/* The body of every CPU's idle thread. */
void z_idle_thread_entry(void *p1, void *p2, void *p3);

/* Zero the bss of the application memory partitions (initialised data is loaded). */
void z_app_smem_init(void);

struct arch_esf;

/* A fault the current thread caused in user mode (including a failed system call check). */
bool z_fatal_is_user_fault(const struct arch_esf *esf);

#endif /* BREEZE_KERNEL_INTERNAL_H */
