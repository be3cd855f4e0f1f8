// error: E0597
// A thread's argument must be 'static: it cannot borrow from its creator's
// stack, which the creator may leave while the thread runs.
#![no_std]
use zephyr::object::ThreadStack;
use zephyr::sys::thread::Thread;

fn entry(_v: &u32) {}

pub fn lend(t: Thread, s: ThreadStack) {
    let local = 5u32;
    let _ = t.create(s, 1, 0, entry, &local);
}
