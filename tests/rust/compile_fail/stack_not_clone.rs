// error: E0599
// A thread stack token cannot be duplicated: one stack, one thread.
#![no_std]
use zephyr::object::ThreadStack;

pub fn twice(s: ThreadStack) -> (ThreadStack, ThreadStack) {
    (s.clone(), s)
}
