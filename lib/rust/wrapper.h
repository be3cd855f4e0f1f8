/*
 * What bindgen reads to make the Rust crate's raw declarations (zephyr::raw):
 * the kernel's types, its real functions, the out-of-line forms of the system
 * calls (generated rust_syscalls.h) and of the few inline calls Rust needs
 * (rust_shim.h).
 */
#include <rust_syscalls.h>
#include "rust_shim.h"
