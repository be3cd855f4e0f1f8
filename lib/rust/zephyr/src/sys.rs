//! Thin wrappers around the kernel's own primitives.

#[cfg(CONFIG_MSGQ)]
pub mod msgq;
pub mod sync;
pub mod thread;

/// End the run with @status (on QEMU boards, the emulator's exit status).
pub fn exit(status: i32) -> ! {
    // SAFETY: sys_exit takes a plain value.
    unsafe { crate::raw::sys_exit(status) };
    #[allow(clippy::empty_loop)]
    loop {}
}
