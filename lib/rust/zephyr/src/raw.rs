//! The kernel's C API as bindgen sees it: types, constants (CONFIG_* and
//! others) and functions. System calls appear as `rs_<name>`, out-of-line
//! forms of their inline C wrappers (scripts/gen_rust_syscalls.py). Using
//! anything here is unsafe; the rest of the crate wraps it.
#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code)]
#![allow(improper_ctypes)] // k_spinlock is an empty struct on one CPU, as in C
#![allow(clippy::all)]

include!(env!("BREEZE_RUST_BINDINGS"));
