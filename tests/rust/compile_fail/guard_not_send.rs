// error: E0277
// A mutex guard cannot move to another thread: only the locking thread may
// unlock a kernel mutex.
#![no_std]
use zephyr::object::ThreadStack;
use zephyr::sync::MutexGuard;
use zephyr::sys::thread::Thread;

fn entry(_g: MutexGuard<'static, u32>) {}

pub fn hand_over(t: Thread, s: ThreadStack, g: MutexGuard<'static, u32>) {
    let _ = t.create(s, 1, 0, entry, g);
}
