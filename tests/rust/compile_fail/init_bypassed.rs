// error: E0133
// Initialising a static object outside init_once is unsafe: safe code cannot
// initialise an object twice.
#![no_std]
use zephyr::object::Wrapped;
use zephyr::sys::sync::{Semaphore, StaticSemaphore};

pub fn again(s: &'static StaticSemaphore) -> Semaphore {
    s.get_wrapped((0, 1))
}
