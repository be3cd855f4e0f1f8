//! `printk!` and `println!`: formatted output through the kernel's printk
//! (a system call in user mode). The text is formatted into a buffer on the
//! caller's stack and written in pieces, so no allocation is needed.

use core::ffi::c_int;
use core::fmt::{self, Write};

const BUF: usize = 64;

/// Formats into a stack buffer and flushes it to printk when full.
pub struct Printk {
    buf: [u8; BUF],
    len: usize,
}

impl Printk {
    pub const fn new() -> Self {
        Self { buf: [0; BUF], len: 0 }
    }

    pub fn flush(&mut self) {
        if self.len > 0 {
            // SAFETY: "%.*s" prints exactly len bytes of buf, which need no terminator.
            unsafe {
                crate::raw::printk(c"%.*s".as_ptr(), self.len as c_int, self.buf.as_ptr());
            }
            self.len = 0;
        }
    }
}

impl Default for Printk {
    fn default() -> Self {
        Self::new()
    }
}

impl Write for Printk {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            if self.len == BUF {
                self.flush();
            }
            self.buf[self.len] = b;
            self.len += 1;
        }
        Ok(())
    }
}

#[doc(hidden)]
pub fn print_args(args: fmt::Arguments<'_>, newline: bool) {
    let mut p = Printk::new();
    let _ = p.write_fmt(args);
    if newline {
        let _ = p.write_str("\n");
    }
    p.flush();
}

/// Print through printk, as C's printk does.
#[macro_export]
macro_rules! printk {
    ($($arg:tt)*) => { $crate::printk::print_args(format_args!($($arg)*), false) };
}

/// printk with a newline.
#[macro_export]
macro_rules! println {
    () => { $crate::printk::print_args(format_args!(""), true) };
    ($($arg:tt)*) => { $crate::printk::print_args(format_args!($($arg)*), true) };
}
