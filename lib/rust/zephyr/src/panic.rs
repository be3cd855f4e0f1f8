//! A Rust panic is a fatal error of the thread that panics: its message is
//! printed, then the thread oopses through the kernel's fatal path. A user
//! thread dies alone, as a C fault would end it; a supervisor thread's oops
//! follows the kernel's policy for it (the system halts).

use core::panic::PanicInfo;

unsafe extern "C" {
    /// lib/rust/rust_shim.c: k_oops().
    fn rs_panic() -> !;
}

#[panic_handler]
fn panic(info: &PanicInfo<'_>) -> ! {
    crate::println!("rust panic: {}", info);
    // SAFETY: rs_panic does not return.
    unsafe { rs_panic() }
}
