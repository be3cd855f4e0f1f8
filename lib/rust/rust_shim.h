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

/* Bytes of thread stack to declare for @size usable bytes, and its alignment. */
size_t rs_thread_stack_len(size_t size);
size_t rs_thread_stack_align(void);

#endif /* BREEZE_RUST_SHIM_H */
