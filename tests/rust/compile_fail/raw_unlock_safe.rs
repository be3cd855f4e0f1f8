// error: E0133
// Unlocking a kernel mutex directly is unsafe: under a guard of data built
// on it, it would let another thread reach the data the guard still reaches.
#![no_std]
use zephyr::sys::sync::Mutex;

pub fn release(m: &Mutex) {
    let _ = m.unlock();
}
