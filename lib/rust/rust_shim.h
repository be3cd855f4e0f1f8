/*
 * Out-of-line forms of the inline kernel calls the Rust crate uses that are
 * not system calls (those are generated: rust_syscalls.h), and the C side of
 * a Rust application.
 */
#ifndef BREEZE_RUST_SHIM_H
#define BREEZE_RUST_SHIM_H

#include <breeze/kernel.h>

/* The application's entry point, in Rust: main() calls it. */
void rust_main(void);

/* k_is_user_context(): whether the caller runs in user mode. */
bool rs_k_is_user_context(void);

/* The fatal path for a Rust panic: an oops, which ends a user thread alone. */
FUNC_NORETURN void rs_panic(void);

#ifdef CONFIG_USERSPACE
/* Fill @p: @size bytes at @start, read-write (@read_only false) or read-only for user mode. */
void rs_mem_partition_set(struct k_mem_partition *p, uintptr_t start, size_t size, bool read_only);
#endif

#endif /* BREEZE_RUST_SHIM_H */
