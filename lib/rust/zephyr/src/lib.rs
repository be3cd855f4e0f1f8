//! Breeze's Rust layer: the crate `zephyr`, so that Rust applications read as
//! they do on Zephyr.
//!
//! - [`object`]: kernel objects in statics, initialised exactly once
//!   ([`kobj_define!`], [`object::StaticKernelObject::init_once`]), or
//!   allocated from the kernel's object pool;
//! - [`sys::sync`]: [`sys::sync::Semaphore`] and [`sys::sync::Mutex`], thin
//!   wrappers around `k_sem` and `k_mutex`;
//! - [`sync`]: a [`sync::Mutex<T>`] guarding data, and [`sync::Condvar`];
//! - [`sys::thread`]: threads on static thread objects and stacks, supervisor
//!   or user mode;
//! - [`app_memory`]: memory domains and application partitions (user mode);
//! - with CONFIG_RUST_ALLOC, a global allocator on the kernel's heap;
//! - [`time`]: durations and timeouts; [`printk!`]/[`println!`]; a panic
//!   handler that ends the panicking thread through the kernel's fatal path.
//!
//! Every call goes through the kernel's C API: in a user thread a system call,
//! checked like any other.
#![no_std]

#[cfg(CONFIG_USERSPACE)]
pub mod app_memory;
pub mod arch;
#[cfg(CONFIG_RUST_ALLOC)]
mod alloc_impl;
pub mod error;
pub mod object;
mod panic;
pub mod printk;
pub mod raw;
pub mod sync;
pub mod sys;
pub mod time;

pub use error::{Error, Result};

/// Configuration values the kernel was built with (the C macros' values).
pub mod kconfig {
    include!(env!("BREEZE_RUST_CONSTS"));
}
