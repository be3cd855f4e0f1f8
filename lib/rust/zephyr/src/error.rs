//! Errors are the kernel's errno values (positive), as Zephyr's Rust uses.

use core::ffi::c_int;
use core::fmt;

/// A kernel error: the errno value, positive (`EAGAIN`, `EBUSY`, ...).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Error(pub u32);

pub type Result<T> = core::result::Result<T, Error>;

impl fmt::Debug for Error {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({})", self.0)
    }
}

/// A C return value: negative is an error, anything else a result.
#[inline]
pub fn to_result(code: c_int) -> Result<c_int> {
    if code < 0 { Err(Error(code.unsigned_abs())) } else { Ok(code) }
}

/// A C return value that is 0 or an error.
#[inline]
pub fn to_result_void(code: c_int) -> Result<()> {
    to_result(code).map(|_| ())
}
